// kernel sae_steer_apply_wg64_q4b32
// entry point apply
// constants {"WG":64}

// The cheap steering path's last step (sae_steer.wgsl gathers f0 and f1,
// sae_edit.wgsl edits f1): x[t, :] += sum over the list of (f1 - f0)[t, slot] *
// W_dec[feature, :], reading one W_dec row per edited feature. Its own module
// so that a quantized W_dec's scales can take binding 5 (sae_weight.wgsl).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  E: u32,
  count: u32,
  center: u32,
  dense_stride: u32,
  list: array<vec4u, 16>,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f0: array<f32>;        // [T, E] features as encoded
@group(0) @binding(2) var<storage, read> f1: array<f32>;        // [T, E] features as edited
@group(0) @binding(3) var<storage, read_write> x: array<f32>;   // [T, K]
@group(0) @binding(4) var<storage, read> w: array<u32>;  // W_dec chunk [rows, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn apply(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let k = wid.x * WG + lid;
  let t = wid.y;
  if (k >= p.K || t >= p.T) { return; }
  var s = 0.0;
  for (var e = 0u; e < p.count; e++) {
    let item = p.list[e];
    let d = f1[t * p.E + item.x] - f0[t * p.E + item.x];
    s += d * w_at(item.y, k, p.K);
  }
  x[t * p.K + k] += s;
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

@group(0) @binding(5) var<storage, read> w_scales: array<u32>; // [rows, scalesPerRow / 2]

const W_BLOCK: u32 = 32u;
const W_PER_WORD: u32 = 8u;

// engine/quant/format.ts: rows padded to whole blocks, scales two per u32 with
// each row starting on a word.
fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  let blocks = (cols + W_BLOCK - 1u) / W_BLOCK;
  let word = w[r * (blocks * W_BLOCK / W_PER_WORD) + k / W_PER_WORD];
  let b = k / W_BLOCK;
  let d = f16_at(w_scales[r * ((blocks + 1u) / 2u) + b / 2u], b);
  return d * element_q4(word, k % W_PER_WORD);
}
