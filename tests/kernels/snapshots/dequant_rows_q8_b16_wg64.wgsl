// kernel dequant_rows_q8_b16_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Shared dequantization helpers for the block-quantized formats (layout in
// engine/quant/format.ts), joined explicitly into the kernels that read q8/q4
// weights. Only core WGSL: byte and nibble extraction by shifts and masks, f16
// scales by unpack2x16float, so neither shader-f16 nor packed_4x8 is needed.

// Codes 4q .. 4q + 3 of a q8 word (q = 0): its four signed bytes.
fn dequant_q8(word: u32, q: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) >> vec4u(24u));
}

// Codes 4q .. 4q + 3 of a q4 word (q = 0 or 1), centred: nibble - 8.
fn dequant_q4(word: u32, q: u32) -> vec4f {
  let h = word >> (q * 16u);
  return vec4f((vec4u(h) >> vec4u(0u, 4u, 8u, 12u)) & vec4u(15u)) - 8.0;
}

// Code j of a q8 word, signed.
fn element_q8(word: u32, j: u32) -> f32 {
  return f32(i32(word << (24u - 8u * j)) >> 24u);
}

// Code j of a q4 word, centred.
fn element_q4(word: u32, j: u32) -> f32 {
  return f32((word >> (4u * j)) & 15u) - 8.0;
}

// Scale i of a row of f16 scales stored two per u32 (`pair` = scales[i / 2]).
fn f16_at(pair: u32, i: u32) -> f32 {
  return unpack2x16float(pair)[i & 1u];
}

// Codes left in place ("scaled" codes, for matvec_quant and stream):
// masking a code where it sits in the word and converting is exact, and costs
// one op less per code than shifting it down; the caller multiplies by values
// pre-scaled with the inverse power of two (exact unless they underflow).
//   q8: code j as i32 is code * 2^24 (j = 0..3): pre-scale 2^-24.
//   q4: nibble j (uncentred, 0..15) is nibble * 16^j for j < 7, and the top
//       nibble is shifted down: pre-scale Q4_LO (codes 0..3), Q4_HI (4..7).
const Q8_SCALE: f32 = 5.9604644775390625e-8; // 2^-24
const Q4_LO = vec4f(1.0, 0.0625, 0.00390625, 0.000244140625);
const Q4_HI = vec4f(1.52587890625e-5, 9.5367431640625e-7, 5.9604644775390625e-8, 1.0);

fn scaled_q8(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) & vec4i(-16777216));
}

fn scaled_q4_lo(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) & vec4u(0xfu, 0xf0u, 0xf00u, 0xf000u)));
}

fn scaled_q4_hi(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word, word, word, word >> 28u) & vec4u(0xf0000u, 0xf00000u, 0xf000000u, 0xfu)));
}

// Dequantizes rows [row0, row0 + rows) of one q8/q4 row chunk into f32:
//   out[r, k] = d(row0 + r, k / BLOCK) * code(row0 + r, k)   (row stride K)
// 16 codes per thread (K % 4 == 0: a vec4 never spans a block or a word). The prefill path on software adapters (matmul_quant_rows.ts) expands
// a slab of rows with this and multiplies it with the f32 rows kernel, whose
// 32 x 32 tile the in-register quantized kernels cannot reach.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  rows: u32,
  K: u32,
  row0: u32,
  wordsPerRow: u32,
  scalesPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<u32>;           // [chunk rows, wordsPerRow]
@group(0) @binding(2) var<storage, read> scales: array<u32>;      // [chunk rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<vec4f>; // [rows, K / 4]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  // Thread (g, r): codes [16g, 16g + 16) of slab row r, one scale (blocks are
  // multiples of 16): index math and the scale load serve four vec4s.
  let k0 = gid.x * 16u;
  if (k0 >= p.K || gid.y >= p.rows) {
    return;
  }
  let row = p.row0 + gid.y;
  let si = row * p.scalesPerRow + k0 / 16u;
  let d = f16_at(scales[si >> 1u], si);
  let wb = row * p.wordsPerRow + k0 / 4u;
  let ob = gid.y * (p.K / 4u) + gid.x * 4u;
  for (var q = 0u; q < 4u; q++) {
    if (k0 + 4u * q < p.K) {
      out[ob + q] = d * dequant_q8(w[wb + q * 4u / 4u], (q * 4u % 4u) / 4u);
    }
  }
}
