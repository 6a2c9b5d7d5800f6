// kernel matmul_rows_q4_b32_vec4_wg8_r8_t8
// entry point main
// constants {"WG":8}

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

// Prefill-path matrix product for software adapters (llvmpipe, SwiftShader):
//   out[t, colOffset + n] = sum_k x[t, k] * d(n, k / BLOCK) * code(n, k)
// for one row chunk of a block-quantized w. matvec_quant's "rows" split with a
// token dimension: each thread owns ROWS rows (r * WG + lid) and TT tokens
// (t0 + j), walks all of K block by block, loads each token's x block once
// for all its rows and each row's codes once for all its tokens, and keeps
// ROWS x TT accumulators. No workgroup memory and no barrier: on a CPU adapter
// a barrier makes the shader a coroutine and workgroup memory is one more
// gather, which is why the tiled matmul_quant reaches only ~2.7 GFLOP/s there.
// The per-row, per-token code is unrolled by matmul_quant_rows.ts. Rows past
// the chunk end and tokens past T re-read the last one and are not stored.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rows: u32,
  outStride: u32,
  colOffset: u32,
  wordsPerRow: u32,
  scalesPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<vec4u>;      // [rows, wordsPerRow / width(WV)]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = wid.x * 8u * WG;
  let t0 = wid.y * 8u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let full = p.K / 32u;
  let wpv = p.wordsPerRow / 4u;
  let xo0 = min(t0 + 0u, p.T - 1u) * p.K / 4u;
  let xo1 = min(t0 + 1u, p.T - 1u) * p.K / 4u;
  let xo2 = min(t0 + 2u, p.T - 1u) * p.K / 4u;
  let xo3 = min(t0 + 3u, p.T - 1u) * p.K / 4u;
  let xo4 = min(t0 + 4u, p.T - 1u) * p.K / 4u;
  let xo5 = min(t0 + 5u, p.T - 1u) * p.K / 4u;
  let xo6 = min(t0 + 6u, p.T - 1u) * p.K / 4u;
  let xo7 = min(t0 + 7u, p.T - 1u) * p.K / 4u;
  var acc0_0 = 0.0;
  var acc0_1 = 0.0;
  var acc0_2 = 0.0;
  var acc0_3 = 0.0;
  var acc0_4 = 0.0;
  var acc0_5 = 0.0;
  var acc0_6 = 0.0;
  var acc0_7 = 0.0;
  var acc1_0 = 0.0;
  var acc1_1 = 0.0;
  var acc1_2 = 0.0;
  var acc1_3 = 0.0;
  var acc1_4 = 0.0;
  var acc1_5 = 0.0;
  var acc1_6 = 0.0;
  var acc1_7 = 0.0;
  var acc2_0 = 0.0;
  var acc2_1 = 0.0;
  var acc2_2 = 0.0;
  var acc2_3 = 0.0;
  var acc2_4 = 0.0;
  var acc2_5 = 0.0;
  var acc2_6 = 0.0;
  var acc2_7 = 0.0;
  var acc3_0 = 0.0;
  var acc3_1 = 0.0;
  var acc3_2 = 0.0;
  var acc3_3 = 0.0;
  var acc3_4 = 0.0;
  var acc3_5 = 0.0;
  var acc3_6 = 0.0;
  var acc3_7 = 0.0;
  var acc4_0 = 0.0;
  var acc4_1 = 0.0;
  var acc4_2 = 0.0;
  var acc4_3 = 0.0;
  var acc4_4 = 0.0;
  var acc4_5 = 0.0;
  var acc4_6 = 0.0;
  var acc4_7 = 0.0;
  var acc5_0 = 0.0;
  var acc5_1 = 0.0;
  var acc5_2 = 0.0;
  var acc5_3 = 0.0;
  var acc5_4 = 0.0;
  var acc5_5 = 0.0;
  var acc5_6 = 0.0;
  var acc5_7 = 0.0;
  var acc6_0 = 0.0;
  var acc6_1 = 0.0;
  var acc6_2 = 0.0;
  var acc6_3 = 0.0;
  var acc6_4 = 0.0;
  var acc6_5 = 0.0;
  var acc6_6 = 0.0;
  var acc6_7 = 0.0;
  var acc7_0 = 0.0;
  var acc7_1 = 0.0;
  var acc7_2 = 0.0;
  var acc7_3 = 0.0;
  var acc7_4 = 0.0;
  var acc7_5 = 0.0;
  var acc7_6 = 0.0;
  var acc7_7 = 0.0;
  for (var b = 0u; b < full; b++) {
    var xs0 = vec4f(0.0);
    var xs1 = vec4f(0.0);
    var xs2 = vec4f(0.0);
    var xs3 = vec4f(0.0);
    var xs4 = vec4f(0.0);
    var xs5 = vec4f(0.0);
    var xs6 = vec4f(0.0);
    var xs7 = vec4f(0.0);
    let c = 0u;
    let k4 = (b * 1u + c) * 8u;
    let xr0_0 = x[xo0 + k4 + 0u];
    let xr0_1 = x[xo0 + k4 + 1u];
    let xr0_2 = x[xo0 + k4 + 2u];
    let xr0_3 = x[xo0 + k4 + 3u];
    let xr0_4 = x[xo0 + k4 + 4u];
    let xr0_5 = x[xo0 + k4 + 5u];
    let xr0_6 = x[xo0 + k4 + 6u];
    let xr0_7 = x[xo0 + k4 + 7u];
    xs0 += xr0_0 + xr0_1 + xr0_2 + xr0_3 + xr0_4 + xr0_5 + xr0_6 + xr0_7;
    let x0_0 = xr0_0 * Q4_LO;
    let x0_1 = xr0_1 * Q4_HI;
    let x0_2 = xr0_2 * Q4_LO;
    let x0_3 = xr0_3 * Q4_HI;
    let x0_4 = xr0_4 * Q4_LO;
    let x0_5 = xr0_5 * Q4_HI;
    let x0_6 = xr0_6 * Q4_LO;
    let x0_7 = xr0_7 * Q4_HI;
    let xr1_0 = x[xo1 + k4 + 0u];
    let xr1_1 = x[xo1 + k4 + 1u];
    let xr1_2 = x[xo1 + k4 + 2u];
    let xr1_3 = x[xo1 + k4 + 3u];
    let xr1_4 = x[xo1 + k4 + 4u];
    let xr1_5 = x[xo1 + k4 + 5u];
    let xr1_6 = x[xo1 + k4 + 6u];
    let xr1_7 = x[xo1 + k4 + 7u];
    xs1 += xr1_0 + xr1_1 + xr1_2 + xr1_3 + xr1_4 + xr1_5 + xr1_6 + xr1_7;
    let x1_0 = xr1_0 * Q4_LO;
    let x1_1 = xr1_1 * Q4_HI;
    let x1_2 = xr1_2 * Q4_LO;
    let x1_3 = xr1_3 * Q4_HI;
    let x1_4 = xr1_4 * Q4_LO;
    let x1_5 = xr1_5 * Q4_HI;
    let x1_6 = xr1_6 * Q4_LO;
    let x1_7 = xr1_7 * Q4_HI;
    let xr2_0 = x[xo2 + k4 + 0u];
    let xr2_1 = x[xo2 + k4 + 1u];
    let xr2_2 = x[xo2 + k4 + 2u];
    let xr2_3 = x[xo2 + k4 + 3u];
    let xr2_4 = x[xo2 + k4 + 4u];
    let xr2_5 = x[xo2 + k4 + 5u];
    let xr2_6 = x[xo2 + k4 + 6u];
    let xr2_7 = x[xo2 + k4 + 7u];
    xs2 += xr2_0 + xr2_1 + xr2_2 + xr2_3 + xr2_4 + xr2_5 + xr2_6 + xr2_7;
    let x2_0 = xr2_0 * Q4_LO;
    let x2_1 = xr2_1 * Q4_HI;
    let x2_2 = xr2_2 * Q4_LO;
    let x2_3 = xr2_3 * Q4_HI;
    let x2_4 = xr2_4 * Q4_LO;
    let x2_5 = xr2_5 * Q4_HI;
    let x2_6 = xr2_6 * Q4_LO;
    let x2_7 = xr2_7 * Q4_HI;
    let xr3_0 = x[xo3 + k4 + 0u];
    let xr3_1 = x[xo3 + k4 + 1u];
    let xr3_2 = x[xo3 + k4 + 2u];
    let xr3_3 = x[xo3 + k4 + 3u];
    let xr3_4 = x[xo3 + k4 + 4u];
    let xr3_5 = x[xo3 + k4 + 5u];
    let xr3_6 = x[xo3 + k4 + 6u];
    let xr3_7 = x[xo3 + k4 + 7u];
    xs3 += xr3_0 + xr3_1 + xr3_2 + xr3_3 + xr3_4 + xr3_5 + xr3_6 + xr3_7;
    let x3_0 = xr3_0 * Q4_LO;
    let x3_1 = xr3_1 * Q4_HI;
    let x3_2 = xr3_2 * Q4_LO;
    let x3_3 = xr3_3 * Q4_HI;
    let x3_4 = xr3_4 * Q4_LO;
    let x3_5 = xr3_5 * Q4_HI;
    let x3_6 = xr3_6 * Q4_LO;
    let x3_7 = xr3_7 * Q4_HI;
    let xr4_0 = x[xo4 + k4 + 0u];
    let xr4_1 = x[xo4 + k4 + 1u];
    let xr4_2 = x[xo4 + k4 + 2u];
    let xr4_3 = x[xo4 + k4 + 3u];
    let xr4_4 = x[xo4 + k4 + 4u];
    let xr4_5 = x[xo4 + k4 + 5u];
    let xr4_6 = x[xo4 + k4 + 6u];
    let xr4_7 = x[xo4 + k4 + 7u];
    xs4 += xr4_0 + xr4_1 + xr4_2 + xr4_3 + xr4_4 + xr4_5 + xr4_6 + xr4_7;
    let x4_0 = xr4_0 * Q4_LO;
    let x4_1 = xr4_1 * Q4_HI;
    let x4_2 = xr4_2 * Q4_LO;
    let x4_3 = xr4_3 * Q4_HI;
    let x4_4 = xr4_4 * Q4_LO;
    let x4_5 = xr4_5 * Q4_HI;
    let x4_6 = xr4_6 * Q4_LO;
    let x4_7 = xr4_7 * Q4_HI;
    let xr5_0 = x[xo5 + k4 + 0u];
    let xr5_1 = x[xo5 + k4 + 1u];
    let xr5_2 = x[xo5 + k4 + 2u];
    let xr5_3 = x[xo5 + k4 + 3u];
    let xr5_4 = x[xo5 + k4 + 4u];
    let xr5_5 = x[xo5 + k4 + 5u];
    let xr5_6 = x[xo5 + k4 + 6u];
    let xr5_7 = x[xo5 + k4 + 7u];
    xs5 += xr5_0 + xr5_1 + xr5_2 + xr5_3 + xr5_4 + xr5_5 + xr5_6 + xr5_7;
    let x5_0 = xr5_0 * Q4_LO;
    let x5_1 = xr5_1 * Q4_HI;
    let x5_2 = xr5_2 * Q4_LO;
    let x5_3 = xr5_3 * Q4_HI;
    let x5_4 = xr5_4 * Q4_LO;
    let x5_5 = xr5_5 * Q4_HI;
    let x5_6 = xr5_6 * Q4_LO;
    let x5_7 = xr5_7 * Q4_HI;
    let xr6_0 = x[xo6 + k4 + 0u];
    let xr6_1 = x[xo6 + k4 + 1u];
    let xr6_2 = x[xo6 + k4 + 2u];
    let xr6_3 = x[xo6 + k4 + 3u];
    let xr6_4 = x[xo6 + k4 + 4u];
    let xr6_5 = x[xo6 + k4 + 5u];
    let xr6_6 = x[xo6 + k4 + 6u];
    let xr6_7 = x[xo6 + k4 + 7u];
    xs6 += xr6_0 + xr6_1 + xr6_2 + xr6_3 + xr6_4 + xr6_5 + xr6_6 + xr6_7;
    let x6_0 = xr6_0 * Q4_LO;
    let x6_1 = xr6_1 * Q4_HI;
    let x6_2 = xr6_2 * Q4_LO;
    let x6_3 = xr6_3 * Q4_HI;
    let x6_4 = xr6_4 * Q4_LO;
    let x6_5 = xr6_5 * Q4_HI;
    let x6_6 = xr6_6 * Q4_LO;
    let x6_7 = xr6_7 * Q4_HI;
    let xr7_0 = x[xo7 + k4 + 0u];
    let xr7_1 = x[xo7 + k4 + 1u];
    let xr7_2 = x[xo7 + k4 + 2u];
    let xr7_3 = x[xo7 + k4 + 3u];
    let xr7_4 = x[xo7 + k4 + 4u];
    let xr7_5 = x[xo7 + k4 + 5u];
    let xr7_6 = x[xo7 + k4 + 6u];
    let xr7_7 = x[xo7 + k4 + 7u];
    xs7 += xr7_0 + xr7_1 + xr7_2 + xr7_3 + xr7_4 + xr7_5 + xr7_6 + xr7_7;
    let x7_0 = xr7_0 * Q4_LO;
    let x7_1 = xr7_1 * Q4_HI;
    let x7_2 = xr7_2 * Q4_LO;
    let x7_3 = xr7_3 * Q4_HI;
    let x7_4 = xr7_4 * Q4_LO;
    let x7_5 = xr7_5 * Q4_HI;
    let x7_6 = xr7_6 * Q4_LO;
    let x7_7 = xr7_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let s0_1 = dot(fma(scaled_q4_hi(v0[3]), x1_7, fma(scaled_q4_lo(v0[3]), x1_6, fma(scaled_q4_hi(v0[2]), x1_5, fma(scaled_q4_lo(v0[2]), x1_4, fma(scaled_q4_hi(v0[1]), x1_3, fma(scaled_q4_lo(v0[1]), x1_2, fma(scaled_q4_hi(v0[0]), x1_1, scaled_q4_lo(v0[0]) * x1_0))))))), vec4f(1.0));
    let s0_2 = dot(fma(scaled_q4_hi(v0[3]), x2_7, fma(scaled_q4_lo(v0[3]), x2_6, fma(scaled_q4_hi(v0[2]), x2_5, fma(scaled_q4_lo(v0[2]), x2_4, fma(scaled_q4_hi(v0[1]), x2_3, fma(scaled_q4_lo(v0[1]), x2_2, fma(scaled_q4_hi(v0[0]), x2_1, scaled_q4_lo(v0[0]) * x2_0))))))), vec4f(1.0));
    let s0_3 = dot(fma(scaled_q4_hi(v0[3]), x3_7, fma(scaled_q4_lo(v0[3]), x3_6, fma(scaled_q4_hi(v0[2]), x3_5, fma(scaled_q4_lo(v0[2]), x3_4, fma(scaled_q4_hi(v0[1]), x3_3, fma(scaled_q4_lo(v0[1]), x3_2, fma(scaled_q4_hi(v0[0]), x3_1, scaled_q4_lo(v0[0]) * x3_0))))))), vec4f(1.0));
    let s0_4 = dot(fma(scaled_q4_hi(v0[3]), x4_7, fma(scaled_q4_lo(v0[3]), x4_6, fma(scaled_q4_hi(v0[2]), x4_5, fma(scaled_q4_lo(v0[2]), x4_4, fma(scaled_q4_hi(v0[1]), x4_3, fma(scaled_q4_lo(v0[1]), x4_2, fma(scaled_q4_hi(v0[0]), x4_1, scaled_q4_lo(v0[0]) * x4_0))))))), vec4f(1.0));
    let s0_5 = dot(fma(scaled_q4_hi(v0[3]), x5_7, fma(scaled_q4_lo(v0[3]), x5_6, fma(scaled_q4_hi(v0[2]), x5_5, fma(scaled_q4_lo(v0[2]), x5_4, fma(scaled_q4_hi(v0[1]), x5_3, fma(scaled_q4_lo(v0[1]), x5_2, fma(scaled_q4_hi(v0[0]), x5_1, scaled_q4_lo(v0[0]) * x5_0))))))), vec4f(1.0));
    let s0_6 = dot(fma(scaled_q4_hi(v0[3]), x6_7, fma(scaled_q4_lo(v0[3]), x6_6, fma(scaled_q4_hi(v0[2]), x6_5, fma(scaled_q4_lo(v0[2]), x6_4, fma(scaled_q4_hi(v0[1]), x6_3, fma(scaled_q4_lo(v0[1]), x6_2, fma(scaled_q4_hi(v0[0]), x6_1, scaled_q4_lo(v0[0]) * x6_0))))))), vec4f(1.0));
    let s0_7 = dot(fma(scaled_q4_hi(v0[3]), x7_7, fma(scaled_q4_lo(v0[3]), x7_6, fma(scaled_q4_hi(v0[2]), x7_5, fma(scaled_q4_lo(v0[2]), x7_4, fma(scaled_q4_hi(v0[1]), x7_3, fma(scaled_q4_lo(v0[1]), x7_2, fma(scaled_q4_hi(v0[0]), x7_1, scaled_q4_lo(v0[0]) * x7_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let s1_1 = dot(fma(scaled_q4_hi(v1[3]), x1_7, fma(scaled_q4_lo(v1[3]), x1_6, fma(scaled_q4_hi(v1[2]), x1_5, fma(scaled_q4_lo(v1[2]), x1_4, fma(scaled_q4_hi(v1[1]), x1_3, fma(scaled_q4_lo(v1[1]), x1_2, fma(scaled_q4_hi(v1[0]), x1_1, scaled_q4_lo(v1[0]) * x1_0))))))), vec4f(1.0));
    let s1_2 = dot(fma(scaled_q4_hi(v1[3]), x2_7, fma(scaled_q4_lo(v1[3]), x2_6, fma(scaled_q4_hi(v1[2]), x2_5, fma(scaled_q4_lo(v1[2]), x2_4, fma(scaled_q4_hi(v1[1]), x2_3, fma(scaled_q4_lo(v1[1]), x2_2, fma(scaled_q4_hi(v1[0]), x2_1, scaled_q4_lo(v1[0]) * x2_0))))))), vec4f(1.0));
    let s1_3 = dot(fma(scaled_q4_hi(v1[3]), x3_7, fma(scaled_q4_lo(v1[3]), x3_6, fma(scaled_q4_hi(v1[2]), x3_5, fma(scaled_q4_lo(v1[2]), x3_4, fma(scaled_q4_hi(v1[1]), x3_3, fma(scaled_q4_lo(v1[1]), x3_2, fma(scaled_q4_hi(v1[0]), x3_1, scaled_q4_lo(v1[0]) * x3_0))))))), vec4f(1.0));
    let s1_4 = dot(fma(scaled_q4_hi(v1[3]), x4_7, fma(scaled_q4_lo(v1[3]), x4_6, fma(scaled_q4_hi(v1[2]), x4_5, fma(scaled_q4_lo(v1[2]), x4_4, fma(scaled_q4_hi(v1[1]), x4_3, fma(scaled_q4_lo(v1[1]), x4_2, fma(scaled_q4_hi(v1[0]), x4_1, scaled_q4_lo(v1[0]) * x4_0))))))), vec4f(1.0));
    let s1_5 = dot(fma(scaled_q4_hi(v1[3]), x5_7, fma(scaled_q4_lo(v1[3]), x5_6, fma(scaled_q4_hi(v1[2]), x5_5, fma(scaled_q4_lo(v1[2]), x5_4, fma(scaled_q4_hi(v1[1]), x5_3, fma(scaled_q4_lo(v1[1]), x5_2, fma(scaled_q4_hi(v1[0]), x5_1, scaled_q4_lo(v1[0]) * x5_0))))))), vec4f(1.0));
    let s1_6 = dot(fma(scaled_q4_hi(v1[3]), x6_7, fma(scaled_q4_lo(v1[3]), x6_6, fma(scaled_q4_hi(v1[2]), x6_5, fma(scaled_q4_lo(v1[2]), x6_4, fma(scaled_q4_hi(v1[1]), x6_3, fma(scaled_q4_lo(v1[1]), x6_2, fma(scaled_q4_hi(v1[0]), x6_1, scaled_q4_lo(v1[0]) * x6_0))))))), vec4f(1.0));
    let s1_7 = dot(fma(scaled_q4_hi(v1[3]), x7_7, fma(scaled_q4_lo(v1[3]), x7_6, fma(scaled_q4_hi(v1[2]), x7_5, fma(scaled_q4_lo(v1[2]), x7_4, fma(scaled_q4_hi(v1[1]), x7_3, fma(scaled_q4_lo(v1[1]), x7_2, fma(scaled_q4_hi(v1[0]), x7_1, scaled_q4_lo(v1[0]) * x7_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let s2_1 = dot(fma(scaled_q4_hi(v2[3]), x1_7, fma(scaled_q4_lo(v2[3]), x1_6, fma(scaled_q4_hi(v2[2]), x1_5, fma(scaled_q4_lo(v2[2]), x1_4, fma(scaled_q4_hi(v2[1]), x1_3, fma(scaled_q4_lo(v2[1]), x1_2, fma(scaled_q4_hi(v2[0]), x1_1, scaled_q4_lo(v2[0]) * x1_0))))))), vec4f(1.0));
    let s2_2 = dot(fma(scaled_q4_hi(v2[3]), x2_7, fma(scaled_q4_lo(v2[3]), x2_6, fma(scaled_q4_hi(v2[2]), x2_5, fma(scaled_q4_lo(v2[2]), x2_4, fma(scaled_q4_hi(v2[1]), x2_3, fma(scaled_q4_lo(v2[1]), x2_2, fma(scaled_q4_hi(v2[0]), x2_1, scaled_q4_lo(v2[0]) * x2_0))))))), vec4f(1.0));
    let s2_3 = dot(fma(scaled_q4_hi(v2[3]), x3_7, fma(scaled_q4_lo(v2[3]), x3_6, fma(scaled_q4_hi(v2[2]), x3_5, fma(scaled_q4_lo(v2[2]), x3_4, fma(scaled_q4_hi(v2[1]), x3_3, fma(scaled_q4_lo(v2[1]), x3_2, fma(scaled_q4_hi(v2[0]), x3_1, scaled_q4_lo(v2[0]) * x3_0))))))), vec4f(1.0));
    let s2_4 = dot(fma(scaled_q4_hi(v2[3]), x4_7, fma(scaled_q4_lo(v2[3]), x4_6, fma(scaled_q4_hi(v2[2]), x4_5, fma(scaled_q4_lo(v2[2]), x4_4, fma(scaled_q4_hi(v2[1]), x4_3, fma(scaled_q4_lo(v2[1]), x4_2, fma(scaled_q4_hi(v2[0]), x4_1, scaled_q4_lo(v2[0]) * x4_0))))))), vec4f(1.0));
    let s2_5 = dot(fma(scaled_q4_hi(v2[3]), x5_7, fma(scaled_q4_lo(v2[3]), x5_6, fma(scaled_q4_hi(v2[2]), x5_5, fma(scaled_q4_lo(v2[2]), x5_4, fma(scaled_q4_hi(v2[1]), x5_3, fma(scaled_q4_lo(v2[1]), x5_2, fma(scaled_q4_hi(v2[0]), x5_1, scaled_q4_lo(v2[0]) * x5_0))))))), vec4f(1.0));
    let s2_6 = dot(fma(scaled_q4_hi(v2[3]), x6_7, fma(scaled_q4_lo(v2[3]), x6_6, fma(scaled_q4_hi(v2[2]), x6_5, fma(scaled_q4_lo(v2[2]), x6_4, fma(scaled_q4_hi(v2[1]), x6_3, fma(scaled_q4_lo(v2[1]), x6_2, fma(scaled_q4_hi(v2[0]), x6_1, scaled_q4_lo(v2[0]) * x6_0))))))), vec4f(1.0));
    let s2_7 = dot(fma(scaled_q4_hi(v2[3]), x7_7, fma(scaled_q4_lo(v2[3]), x7_6, fma(scaled_q4_hi(v2[2]), x7_5, fma(scaled_q4_lo(v2[2]), x7_4, fma(scaled_q4_hi(v2[1]), x7_3, fma(scaled_q4_lo(v2[1]), x7_2, fma(scaled_q4_hi(v2[0]), x7_1, scaled_q4_lo(v2[0]) * x7_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let s3_1 = dot(fma(scaled_q4_hi(v3[3]), x1_7, fma(scaled_q4_lo(v3[3]), x1_6, fma(scaled_q4_hi(v3[2]), x1_5, fma(scaled_q4_lo(v3[2]), x1_4, fma(scaled_q4_hi(v3[1]), x1_3, fma(scaled_q4_lo(v3[1]), x1_2, fma(scaled_q4_hi(v3[0]), x1_1, scaled_q4_lo(v3[0]) * x1_0))))))), vec4f(1.0));
    let s3_2 = dot(fma(scaled_q4_hi(v3[3]), x2_7, fma(scaled_q4_lo(v3[3]), x2_6, fma(scaled_q4_hi(v3[2]), x2_5, fma(scaled_q4_lo(v3[2]), x2_4, fma(scaled_q4_hi(v3[1]), x2_3, fma(scaled_q4_lo(v3[1]), x2_2, fma(scaled_q4_hi(v3[0]), x2_1, scaled_q4_lo(v3[0]) * x2_0))))))), vec4f(1.0));
    let s3_3 = dot(fma(scaled_q4_hi(v3[3]), x3_7, fma(scaled_q4_lo(v3[3]), x3_6, fma(scaled_q4_hi(v3[2]), x3_5, fma(scaled_q4_lo(v3[2]), x3_4, fma(scaled_q4_hi(v3[1]), x3_3, fma(scaled_q4_lo(v3[1]), x3_2, fma(scaled_q4_hi(v3[0]), x3_1, scaled_q4_lo(v3[0]) * x3_0))))))), vec4f(1.0));
    let s3_4 = dot(fma(scaled_q4_hi(v3[3]), x4_7, fma(scaled_q4_lo(v3[3]), x4_6, fma(scaled_q4_hi(v3[2]), x4_5, fma(scaled_q4_lo(v3[2]), x4_4, fma(scaled_q4_hi(v3[1]), x4_3, fma(scaled_q4_lo(v3[1]), x4_2, fma(scaled_q4_hi(v3[0]), x4_1, scaled_q4_lo(v3[0]) * x4_0))))))), vec4f(1.0));
    let s3_5 = dot(fma(scaled_q4_hi(v3[3]), x5_7, fma(scaled_q4_lo(v3[3]), x5_6, fma(scaled_q4_hi(v3[2]), x5_5, fma(scaled_q4_lo(v3[2]), x5_4, fma(scaled_q4_hi(v3[1]), x5_3, fma(scaled_q4_lo(v3[1]), x5_2, fma(scaled_q4_hi(v3[0]), x5_1, scaled_q4_lo(v3[0]) * x5_0))))))), vec4f(1.0));
    let s3_6 = dot(fma(scaled_q4_hi(v3[3]), x6_7, fma(scaled_q4_lo(v3[3]), x6_6, fma(scaled_q4_hi(v3[2]), x6_5, fma(scaled_q4_lo(v3[2]), x6_4, fma(scaled_q4_hi(v3[1]), x6_3, fma(scaled_q4_lo(v3[1]), x6_2, fma(scaled_q4_hi(v3[0]), x6_1, scaled_q4_lo(v3[0]) * x6_0))))))), vec4f(1.0));
    let s3_7 = dot(fma(scaled_q4_hi(v3[3]), x7_7, fma(scaled_q4_lo(v3[3]), x7_6, fma(scaled_q4_hi(v3[2]), x7_5, fma(scaled_q4_lo(v3[2]), x7_4, fma(scaled_q4_hi(v3[1]), x7_3, fma(scaled_q4_lo(v3[1]), x7_2, fma(scaled_q4_hi(v3[0]), x7_1, scaled_q4_lo(v3[0]) * x7_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let s4_1 = dot(fma(scaled_q4_hi(v4[3]), x1_7, fma(scaled_q4_lo(v4[3]), x1_6, fma(scaled_q4_hi(v4[2]), x1_5, fma(scaled_q4_lo(v4[2]), x1_4, fma(scaled_q4_hi(v4[1]), x1_3, fma(scaled_q4_lo(v4[1]), x1_2, fma(scaled_q4_hi(v4[0]), x1_1, scaled_q4_lo(v4[0]) * x1_0))))))), vec4f(1.0));
    let s4_2 = dot(fma(scaled_q4_hi(v4[3]), x2_7, fma(scaled_q4_lo(v4[3]), x2_6, fma(scaled_q4_hi(v4[2]), x2_5, fma(scaled_q4_lo(v4[2]), x2_4, fma(scaled_q4_hi(v4[1]), x2_3, fma(scaled_q4_lo(v4[1]), x2_2, fma(scaled_q4_hi(v4[0]), x2_1, scaled_q4_lo(v4[0]) * x2_0))))))), vec4f(1.0));
    let s4_3 = dot(fma(scaled_q4_hi(v4[3]), x3_7, fma(scaled_q4_lo(v4[3]), x3_6, fma(scaled_q4_hi(v4[2]), x3_5, fma(scaled_q4_lo(v4[2]), x3_4, fma(scaled_q4_hi(v4[1]), x3_3, fma(scaled_q4_lo(v4[1]), x3_2, fma(scaled_q4_hi(v4[0]), x3_1, scaled_q4_lo(v4[0]) * x3_0))))))), vec4f(1.0));
    let s4_4 = dot(fma(scaled_q4_hi(v4[3]), x4_7, fma(scaled_q4_lo(v4[3]), x4_6, fma(scaled_q4_hi(v4[2]), x4_5, fma(scaled_q4_lo(v4[2]), x4_4, fma(scaled_q4_hi(v4[1]), x4_3, fma(scaled_q4_lo(v4[1]), x4_2, fma(scaled_q4_hi(v4[0]), x4_1, scaled_q4_lo(v4[0]) * x4_0))))))), vec4f(1.0));
    let s4_5 = dot(fma(scaled_q4_hi(v4[3]), x5_7, fma(scaled_q4_lo(v4[3]), x5_6, fma(scaled_q4_hi(v4[2]), x5_5, fma(scaled_q4_lo(v4[2]), x5_4, fma(scaled_q4_hi(v4[1]), x5_3, fma(scaled_q4_lo(v4[1]), x5_2, fma(scaled_q4_hi(v4[0]), x5_1, scaled_q4_lo(v4[0]) * x5_0))))))), vec4f(1.0));
    let s4_6 = dot(fma(scaled_q4_hi(v4[3]), x6_7, fma(scaled_q4_lo(v4[3]), x6_6, fma(scaled_q4_hi(v4[2]), x6_5, fma(scaled_q4_lo(v4[2]), x6_4, fma(scaled_q4_hi(v4[1]), x6_3, fma(scaled_q4_lo(v4[1]), x6_2, fma(scaled_q4_hi(v4[0]), x6_1, scaled_q4_lo(v4[0]) * x6_0))))))), vec4f(1.0));
    let s4_7 = dot(fma(scaled_q4_hi(v4[3]), x7_7, fma(scaled_q4_lo(v4[3]), x7_6, fma(scaled_q4_hi(v4[2]), x7_5, fma(scaled_q4_lo(v4[2]), x7_4, fma(scaled_q4_hi(v4[1]), x7_3, fma(scaled_q4_lo(v4[1]), x7_2, fma(scaled_q4_hi(v4[0]), x7_1, scaled_q4_lo(v4[0]) * x7_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let s5_1 = dot(fma(scaled_q4_hi(v5[3]), x1_7, fma(scaled_q4_lo(v5[3]), x1_6, fma(scaled_q4_hi(v5[2]), x1_5, fma(scaled_q4_lo(v5[2]), x1_4, fma(scaled_q4_hi(v5[1]), x1_3, fma(scaled_q4_lo(v5[1]), x1_2, fma(scaled_q4_hi(v5[0]), x1_1, scaled_q4_lo(v5[0]) * x1_0))))))), vec4f(1.0));
    let s5_2 = dot(fma(scaled_q4_hi(v5[3]), x2_7, fma(scaled_q4_lo(v5[3]), x2_6, fma(scaled_q4_hi(v5[2]), x2_5, fma(scaled_q4_lo(v5[2]), x2_4, fma(scaled_q4_hi(v5[1]), x2_3, fma(scaled_q4_lo(v5[1]), x2_2, fma(scaled_q4_hi(v5[0]), x2_1, scaled_q4_lo(v5[0]) * x2_0))))))), vec4f(1.0));
    let s5_3 = dot(fma(scaled_q4_hi(v5[3]), x3_7, fma(scaled_q4_lo(v5[3]), x3_6, fma(scaled_q4_hi(v5[2]), x3_5, fma(scaled_q4_lo(v5[2]), x3_4, fma(scaled_q4_hi(v5[1]), x3_3, fma(scaled_q4_lo(v5[1]), x3_2, fma(scaled_q4_hi(v5[0]), x3_1, scaled_q4_lo(v5[0]) * x3_0))))))), vec4f(1.0));
    let s5_4 = dot(fma(scaled_q4_hi(v5[3]), x4_7, fma(scaled_q4_lo(v5[3]), x4_6, fma(scaled_q4_hi(v5[2]), x4_5, fma(scaled_q4_lo(v5[2]), x4_4, fma(scaled_q4_hi(v5[1]), x4_3, fma(scaled_q4_lo(v5[1]), x4_2, fma(scaled_q4_hi(v5[0]), x4_1, scaled_q4_lo(v5[0]) * x4_0))))))), vec4f(1.0));
    let s5_5 = dot(fma(scaled_q4_hi(v5[3]), x5_7, fma(scaled_q4_lo(v5[3]), x5_6, fma(scaled_q4_hi(v5[2]), x5_5, fma(scaled_q4_lo(v5[2]), x5_4, fma(scaled_q4_hi(v5[1]), x5_3, fma(scaled_q4_lo(v5[1]), x5_2, fma(scaled_q4_hi(v5[0]), x5_1, scaled_q4_lo(v5[0]) * x5_0))))))), vec4f(1.0));
    let s5_6 = dot(fma(scaled_q4_hi(v5[3]), x6_7, fma(scaled_q4_lo(v5[3]), x6_6, fma(scaled_q4_hi(v5[2]), x6_5, fma(scaled_q4_lo(v5[2]), x6_4, fma(scaled_q4_hi(v5[1]), x6_3, fma(scaled_q4_lo(v5[1]), x6_2, fma(scaled_q4_hi(v5[0]), x6_1, scaled_q4_lo(v5[0]) * x6_0))))))), vec4f(1.0));
    let s5_7 = dot(fma(scaled_q4_hi(v5[3]), x7_7, fma(scaled_q4_lo(v5[3]), x7_6, fma(scaled_q4_hi(v5[2]), x7_5, fma(scaled_q4_lo(v5[2]), x7_4, fma(scaled_q4_hi(v5[1]), x7_3, fma(scaled_q4_lo(v5[1]), x7_2, fma(scaled_q4_hi(v5[0]), x7_1, scaled_q4_lo(v5[0]) * x7_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let s6_1 = dot(fma(scaled_q4_hi(v6[3]), x1_7, fma(scaled_q4_lo(v6[3]), x1_6, fma(scaled_q4_hi(v6[2]), x1_5, fma(scaled_q4_lo(v6[2]), x1_4, fma(scaled_q4_hi(v6[1]), x1_3, fma(scaled_q4_lo(v6[1]), x1_2, fma(scaled_q4_hi(v6[0]), x1_1, scaled_q4_lo(v6[0]) * x1_0))))))), vec4f(1.0));
    let s6_2 = dot(fma(scaled_q4_hi(v6[3]), x2_7, fma(scaled_q4_lo(v6[3]), x2_6, fma(scaled_q4_hi(v6[2]), x2_5, fma(scaled_q4_lo(v6[2]), x2_4, fma(scaled_q4_hi(v6[1]), x2_3, fma(scaled_q4_lo(v6[1]), x2_2, fma(scaled_q4_hi(v6[0]), x2_1, scaled_q4_lo(v6[0]) * x2_0))))))), vec4f(1.0));
    let s6_3 = dot(fma(scaled_q4_hi(v6[3]), x3_7, fma(scaled_q4_lo(v6[3]), x3_6, fma(scaled_q4_hi(v6[2]), x3_5, fma(scaled_q4_lo(v6[2]), x3_4, fma(scaled_q4_hi(v6[1]), x3_3, fma(scaled_q4_lo(v6[1]), x3_2, fma(scaled_q4_hi(v6[0]), x3_1, scaled_q4_lo(v6[0]) * x3_0))))))), vec4f(1.0));
    let s6_4 = dot(fma(scaled_q4_hi(v6[3]), x4_7, fma(scaled_q4_lo(v6[3]), x4_6, fma(scaled_q4_hi(v6[2]), x4_5, fma(scaled_q4_lo(v6[2]), x4_4, fma(scaled_q4_hi(v6[1]), x4_3, fma(scaled_q4_lo(v6[1]), x4_2, fma(scaled_q4_hi(v6[0]), x4_1, scaled_q4_lo(v6[0]) * x4_0))))))), vec4f(1.0));
    let s6_5 = dot(fma(scaled_q4_hi(v6[3]), x5_7, fma(scaled_q4_lo(v6[3]), x5_6, fma(scaled_q4_hi(v6[2]), x5_5, fma(scaled_q4_lo(v6[2]), x5_4, fma(scaled_q4_hi(v6[1]), x5_3, fma(scaled_q4_lo(v6[1]), x5_2, fma(scaled_q4_hi(v6[0]), x5_1, scaled_q4_lo(v6[0]) * x5_0))))))), vec4f(1.0));
    let s6_6 = dot(fma(scaled_q4_hi(v6[3]), x6_7, fma(scaled_q4_lo(v6[3]), x6_6, fma(scaled_q4_hi(v6[2]), x6_5, fma(scaled_q4_lo(v6[2]), x6_4, fma(scaled_q4_hi(v6[1]), x6_3, fma(scaled_q4_lo(v6[1]), x6_2, fma(scaled_q4_hi(v6[0]), x6_1, scaled_q4_lo(v6[0]) * x6_0))))))), vec4f(1.0));
    let s6_7 = dot(fma(scaled_q4_hi(v6[3]), x7_7, fma(scaled_q4_lo(v6[3]), x7_6, fma(scaled_q4_hi(v6[2]), x7_5, fma(scaled_q4_lo(v6[2]), x7_4, fma(scaled_q4_hi(v6[1]), x7_3, fma(scaled_q4_lo(v6[1]), x7_2, fma(scaled_q4_hi(v6[0]), x7_1, scaled_q4_lo(v6[0]) * x7_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let s7_1 = dot(fma(scaled_q4_hi(v7[3]), x1_7, fma(scaled_q4_lo(v7[3]), x1_6, fma(scaled_q4_hi(v7[2]), x1_5, fma(scaled_q4_lo(v7[2]), x1_4, fma(scaled_q4_hi(v7[1]), x1_3, fma(scaled_q4_lo(v7[1]), x1_2, fma(scaled_q4_hi(v7[0]), x1_1, scaled_q4_lo(v7[0]) * x1_0))))))), vec4f(1.0));
    let s7_2 = dot(fma(scaled_q4_hi(v7[3]), x2_7, fma(scaled_q4_lo(v7[3]), x2_6, fma(scaled_q4_hi(v7[2]), x2_5, fma(scaled_q4_lo(v7[2]), x2_4, fma(scaled_q4_hi(v7[1]), x2_3, fma(scaled_q4_lo(v7[1]), x2_2, fma(scaled_q4_hi(v7[0]), x2_1, scaled_q4_lo(v7[0]) * x2_0))))))), vec4f(1.0));
    let s7_3 = dot(fma(scaled_q4_hi(v7[3]), x3_7, fma(scaled_q4_lo(v7[3]), x3_6, fma(scaled_q4_hi(v7[2]), x3_5, fma(scaled_q4_lo(v7[2]), x3_4, fma(scaled_q4_hi(v7[1]), x3_3, fma(scaled_q4_lo(v7[1]), x3_2, fma(scaled_q4_hi(v7[0]), x3_1, scaled_q4_lo(v7[0]) * x3_0))))))), vec4f(1.0));
    let s7_4 = dot(fma(scaled_q4_hi(v7[3]), x4_7, fma(scaled_q4_lo(v7[3]), x4_6, fma(scaled_q4_hi(v7[2]), x4_5, fma(scaled_q4_lo(v7[2]), x4_4, fma(scaled_q4_hi(v7[1]), x4_3, fma(scaled_q4_lo(v7[1]), x4_2, fma(scaled_q4_hi(v7[0]), x4_1, scaled_q4_lo(v7[0]) * x4_0))))))), vec4f(1.0));
    let s7_5 = dot(fma(scaled_q4_hi(v7[3]), x5_7, fma(scaled_q4_lo(v7[3]), x5_6, fma(scaled_q4_hi(v7[2]), x5_5, fma(scaled_q4_lo(v7[2]), x5_4, fma(scaled_q4_hi(v7[1]), x5_3, fma(scaled_q4_lo(v7[1]), x5_2, fma(scaled_q4_hi(v7[0]), x5_1, scaled_q4_lo(v7[0]) * x5_0))))))), vec4f(1.0));
    let s7_6 = dot(fma(scaled_q4_hi(v7[3]), x6_7, fma(scaled_q4_lo(v7[3]), x6_6, fma(scaled_q4_hi(v7[2]), x6_5, fma(scaled_q4_lo(v7[2]), x6_4, fma(scaled_q4_hi(v7[1]), x6_3, fma(scaled_q4_lo(v7[1]), x6_2, fma(scaled_q4_hi(v7[0]), x6_1, scaled_q4_lo(v7[0]) * x6_0))))))), vec4f(1.0));
    let s7_7 = dot(fma(scaled_q4_hi(v7[3]), x7_7, fma(scaled_q4_lo(v7[3]), x7_6, fma(scaled_q4_hi(v7[2]), x7_5, fma(scaled_q4_lo(v7[2]), x7_4, fma(scaled_q4_hi(v7[1]), x7_3, fma(scaled_q4_lo(v7[1]), x7_2, fma(scaled_q4_hi(v7[0]), x7_1, scaled_q4_lo(v7[0]) * x7_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let off1 = 8.0 * dot(xs1, vec4f(1.0));
    let off2 = 8.0 * dot(xs2, vec4f(1.0));
    let off3 = 8.0 * dot(xs3, vec4f(1.0));
    let off4 = 8.0 * dot(xs4, vec4f(1.0));
    let off5 = 8.0 * dot(xs5, vec4f(1.0));
    let off6 = 8.0 * dot(xs6, vec4f(1.0));
    let off7 = 8.0 * dot(xs7, vec4f(1.0));
    let si0 = min(row0 + 0u * WG + lid, last) * p.scalesPerRow + b;
    let d0 = f16_at(scales[si0 >> 1u], si0);
    acc0_0 += d0 * (s0_0 - off0);
    acc0_1 += d0 * (s0_1 - off1);
    acc0_2 += d0 * (s0_2 - off2);
    acc0_3 += d0 * (s0_3 - off3);
    acc0_4 += d0 * (s0_4 - off4);
    acc0_5 += d0 * (s0_5 - off5);
    acc0_6 += d0 * (s0_6 - off6);
    acc0_7 += d0 * (s0_7 - off7);
    let si1 = min(row0 + 1u * WG + lid, last) * p.scalesPerRow + b;
    let d1 = f16_at(scales[si1 >> 1u], si1);
    acc1_0 += d1 * (s1_0 - off0);
    acc1_1 += d1 * (s1_1 - off1);
    acc1_2 += d1 * (s1_2 - off2);
    acc1_3 += d1 * (s1_3 - off3);
    acc1_4 += d1 * (s1_4 - off4);
    acc1_5 += d1 * (s1_5 - off5);
    acc1_6 += d1 * (s1_6 - off6);
    acc1_7 += d1 * (s1_7 - off7);
    let si2 = min(row0 + 2u * WG + lid, last) * p.scalesPerRow + b;
    let d2 = f16_at(scales[si2 >> 1u], si2);
    acc2_0 += d2 * (s2_0 - off0);
    acc2_1 += d2 * (s2_1 - off1);
    acc2_2 += d2 * (s2_2 - off2);
    acc2_3 += d2 * (s2_3 - off3);
    acc2_4 += d2 * (s2_4 - off4);
    acc2_5 += d2 * (s2_5 - off5);
    acc2_6 += d2 * (s2_6 - off6);
    acc2_7 += d2 * (s2_7 - off7);
    let si3 = min(row0 + 3u * WG + lid, last) * p.scalesPerRow + b;
    let d3 = f16_at(scales[si3 >> 1u], si3);
    acc3_0 += d3 * (s3_0 - off0);
    acc3_1 += d3 * (s3_1 - off1);
    acc3_2 += d3 * (s3_2 - off2);
    acc3_3 += d3 * (s3_3 - off3);
    acc3_4 += d3 * (s3_4 - off4);
    acc3_5 += d3 * (s3_5 - off5);
    acc3_6 += d3 * (s3_6 - off6);
    acc3_7 += d3 * (s3_7 - off7);
    let si4 = min(row0 + 4u * WG + lid, last) * p.scalesPerRow + b;
    let d4 = f16_at(scales[si4 >> 1u], si4);
    acc4_0 += d4 * (s4_0 - off0);
    acc4_1 += d4 * (s4_1 - off1);
    acc4_2 += d4 * (s4_2 - off2);
    acc4_3 += d4 * (s4_3 - off3);
    acc4_4 += d4 * (s4_4 - off4);
    acc4_5 += d4 * (s4_5 - off5);
    acc4_6 += d4 * (s4_6 - off6);
    acc4_7 += d4 * (s4_7 - off7);
    let si5 = min(row0 + 5u * WG + lid, last) * p.scalesPerRow + b;
    let d5 = f16_at(scales[si5 >> 1u], si5);
    acc5_0 += d5 * (s5_0 - off0);
    acc5_1 += d5 * (s5_1 - off1);
    acc5_2 += d5 * (s5_2 - off2);
    acc5_3 += d5 * (s5_3 - off3);
    acc5_4 += d5 * (s5_4 - off4);
    acc5_5 += d5 * (s5_5 - off5);
    acc5_6 += d5 * (s5_6 - off6);
    acc5_7 += d5 * (s5_7 - off7);
    let si6 = min(row0 + 6u * WG + lid, last) * p.scalesPerRow + b;
    let d6 = f16_at(scales[si6 >> 1u], si6);
    acc6_0 += d6 * (s6_0 - off0);
    acc6_1 += d6 * (s6_1 - off1);
    acc6_2 += d6 * (s6_2 - off2);
    acc6_3 += d6 * (s6_3 - off3);
    acc6_4 += d6 * (s6_4 - off4);
    acc6_5 += d6 * (s6_5 - off5);
    acc6_6 += d6 * (s6_6 - off6);
    acc6_7 += d6 * (s6_7 - off7);
    let si7 = min(row0 + 7u * WG + lid, last) * p.scalesPerRow + b;
    let d7 = f16_at(scales[si7 >> 1u], si7);
    acc7_0 += d7 * (s7_0 - off0);
    acc7_1 += d7 * (s7_1 - off1);
    acc7_2 += d7 * (s7_2 - off2);
    acc7_3 += d7 * (s7_3 - off3);
    acc7_4 += d7 * (s7_4 - off4);
    acc7_5 += d7 * (s7_5 - off5);
    acc7_6 += d7 * (s7_6 - off6);
    acc7_7 += d7 * (s7_7 - off7);
  }
  // The partial last block (K not a multiple of BLOCK): x read with a guard.
  if (full * 32u < p.K) {
    let b = full;
    var xs0 = vec4f(0.0);
    var xs1 = vec4f(0.0);
    var xs2 = vec4f(0.0);
    var xs3 = vec4f(0.0);
    var xs4 = vec4f(0.0);
    var xs5 = vec4f(0.0);
    var xs6 = vec4f(0.0);
    var xs7 = vec4f(0.0);
    let c = 0u;
    let k4 = (b * 1u + c) * 8u;
    let xr0_0 = select(vec4f(0.0), x[xo0 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr0_1 = select(vec4f(0.0), x[xo0 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr0_2 = select(vec4f(0.0), x[xo0 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr0_3 = select(vec4f(0.0), x[xo0 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr0_4 = select(vec4f(0.0), x[xo0 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr0_5 = select(vec4f(0.0), x[xo0 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr0_6 = select(vec4f(0.0), x[xo0 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr0_7 = select(vec4f(0.0), x[xo0 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs0 += xr0_0 + xr0_1 + xr0_2 + xr0_3 + xr0_4 + xr0_5 + xr0_6 + xr0_7;
    let x0_0 = xr0_0 * Q4_LO;
    let x0_1 = xr0_1 * Q4_HI;
    let x0_2 = xr0_2 * Q4_LO;
    let x0_3 = xr0_3 * Q4_HI;
    let x0_4 = xr0_4 * Q4_LO;
    let x0_5 = xr0_5 * Q4_HI;
    let x0_6 = xr0_6 * Q4_LO;
    let x0_7 = xr0_7 * Q4_HI;
    let xr1_0 = select(vec4f(0.0), x[xo1 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr1_1 = select(vec4f(0.0), x[xo1 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr1_2 = select(vec4f(0.0), x[xo1 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr1_3 = select(vec4f(0.0), x[xo1 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr1_4 = select(vec4f(0.0), x[xo1 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr1_5 = select(vec4f(0.0), x[xo1 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr1_6 = select(vec4f(0.0), x[xo1 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr1_7 = select(vec4f(0.0), x[xo1 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs1 += xr1_0 + xr1_1 + xr1_2 + xr1_3 + xr1_4 + xr1_5 + xr1_6 + xr1_7;
    let x1_0 = xr1_0 * Q4_LO;
    let x1_1 = xr1_1 * Q4_HI;
    let x1_2 = xr1_2 * Q4_LO;
    let x1_3 = xr1_3 * Q4_HI;
    let x1_4 = xr1_4 * Q4_LO;
    let x1_5 = xr1_5 * Q4_HI;
    let x1_6 = xr1_6 * Q4_LO;
    let x1_7 = xr1_7 * Q4_HI;
    let xr2_0 = select(vec4f(0.0), x[xo2 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr2_1 = select(vec4f(0.0), x[xo2 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr2_2 = select(vec4f(0.0), x[xo2 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr2_3 = select(vec4f(0.0), x[xo2 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr2_4 = select(vec4f(0.0), x[xo2 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr2_5 = select(vec4f(0.0), x[xo2 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr2_6 = select(vec4f(0.0), x[xo2 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr2_7 = select(vec4f(0.0), x[xo2 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs2 += xr2_0 + xr2_1 + xr2_2 + xr2_3 + xr2_4 + xr2_5 + xr2_6 + xr2_7;
    let x2_0 = xr2_0 * Q4_LO;
    let x2_1 = xr2_1 * Q4_HI;
    let x2_2 = xr2_2 * Q4_LO;
    let x2_3 = xr2_3 * Q4_HI;
    let x2_4 = xr2_4 * Q4_LO;
    let x2_5 = xr2_5 * Q4_HI;
    let x2_6 = xr2_6 * Q4_LO;
    let x2_7 = xr2_7 * Q4_HI;
    let xr3_0 = select(vec4f(0.0), x[xo3 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr3_1 = select(vec4f(0.0), x[xo3 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr3_2 = select(vec4f(0.0), x[xo3 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr3_3 = select(vec4f(0.0), x[xo3 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr3_4 = select(vec4f(0.0), x[xo3 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr3_5 = select(vec4f(0.0), x[xo3 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr3_6 = select(vec4f(0.0), x[xo3 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr3_7 = select(vec4f(0.0), x[xo3 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs3 += xr3_0 + xr3_1 + xr3_2 + xr3_3 + xr3_4 + xr3_5 + xr3_6 + xr3_7;
    let x3_0 = xr3_0 * Q4_LO;
    let x3_1 = xr3_1 * Q4_HI;
    let x3_2 = xr3_2 * Q4_LO;
    let x3_3 = xr3_3 * Q4_HI;
    let x3_4 = xr3_4 * Q4_LO;
    let x3_5 = xr3_5 * Q4_HI;
    let x3_6 = xr3_6 * Q4_LO;
    let x3_7 = xr3_7 * Q4_HI;
    let xr4_0 = select(vec4f(0.0), x[xo4 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr4_1 = select(vec4f(0.0), x[xo4 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr4_2 = select(vec4f(0.0), x[xo4 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr4_3 = select(vec4f(0.0), x[xo4 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr4_4 = select(vec4f(0.0), x[xo4 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr4_5 = select(vec4f(0.0), x[xo4 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr4_6 = select(vec4f(0.0), x[xo4 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr4_7 = select(vec4f(0.0), x[xo4 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs4 += xr4_0 + xr4_1 + xr4_2 + xr4_3 + xr4_4 + xr4_5 + xr4_6 + xr4_7;
    let x4_0 = xr4_0 * Q4_LO;
    let x4_1 = xr4_1 * Q4_HI;
    let x4_2 = xr4_2 * Q4_LO;
    let x4_3 = xr4_3 * Q4_HI;
    let x4_4 = xr4_4 * Q4_LO;
    let x4_5 = xr4_5 * Q4_HI;
    let x4_6 = xr4_6 * Q4_LO;
    let x4_7 = xr4_7 * Q4_HI;
    let xr5_0 = select(vec4f(0.0), x[xo5 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr5_1 = select(vec4f(0.0), x[xo5 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr5_2 = select(vec4f(0.0), x[xo5 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr5_3 = select(vec4f(0.0), x[xo5 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr5_4 = select(vec4f(0.0), x[xo5 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr5_5 = select(vec4f(0.0), x[xo5 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr5_6 = select(vec4f(0.0), x[xo5 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr5_7 = select(vec4f(0.0), x[xo5 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs5 += xr5_0 + xr5_1 + xr5_2 + xr5_3 + xr5_4 + xr5_5 + xr5_6 + xr5_7;
    let x5_0 = xr5_0 * Q4_LO;
    let x5_1 = xr5_1 * Q4_HI;
    let x5_2 = xr5_2 * Q4_LO;
    let x5_3 = xr5_3 * Q4_HI;
    let x5_4 = xr5_4 * Q4_LO;
    let x5_5 = xr5_5 * Q4_HI;
    let x5_6 = xr5_6 * Q4_LO;
    let x5_7 = xr5_7 * Q4_HI;
    let xr6_0 = select(vec4f(0.0), x[xo6 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr6_1 = select(vec4f(0.0), x[xo6 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr6_2 = select(vec4f(0.0), x[xo6 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr6_3 = select(vec4f(0.0), x[xo6 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr6_4 = select(vec4f(0.0), x[xo6 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr6_5 = select(vec4f(0.0), x[xo6 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr6_6 = select(vec4f(0.0), x[xo6 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr6_7 = select(vec4f(0.0), x[xo6 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs6 += xr6_0 + xr6_1 + xr6_2 + xr6_3 + xr6_4 + xr6_5 + xr6_6 + xr6_7;
    let x6_0 = xr6_0 * Q4_LO;
    let x6_1 = xr6_1 * Q4_HI;
    let x6_2 = xr6_2 * Q4_LO;
    let x6_3 = xr6_3 * Q4_HI;
    let x6_4 = xr6_4 * Q4_LO;
    let x6_5 = xr6_5 * Q4_HI;
    let x6_6 = xr6_6 * Q4_LO;
    let x6_7 = xr6_7 * Q4_HI;
    let xr7_0 = select(vec4f(0.0), x[xo7 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr7_1 = select(vec4f(0.0), x[xo7 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr7_2 = select(vec4f(0.0), x[xo7 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr7_3 = select(vec4f(0.0), x[xo7 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr7_4 = select(vec4f(0.0), x[xo7 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr7_5 = select(vec4f(0.0), x[xo7 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr7_6 = select(vec4f(0.0), x[xo7 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr7_7 = select(vec4f(0.0), x[xo7 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs7 += xr7_0 + xr7_1 + xr7_2 + xr7_3 + xr7_4 + xr7_5 + xr7_6 + xr7_7;
    let x7_0 = xr7_0 * Q4_LO;
    let x7_1 = xr7_1 * Q4_HI;
    let x7_2 = xr7_2 * Q4_LO;
    let x7_3 = xr7_3 * Q4_HI;
    let x7_4 = xr7_4 * Q4_LO;
    let x7_5 = xr7_5 * Q4_HI;
    let x7_6 = xr7_6 * Q4_LO;
    let x7_7 = xr7_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let s0_1 = dot(fma(scaled_q4_hi(v0[3]), x1_7, fma(scaled_q4_lo(v0[3]), x1_6, fma(scaled_q4_hi(v0[2]), x1_5, fma(scaled_q4_lo(v0[2]), x1_4, fma(scaled_q4_hi(v0[1]), x1_3, fma(scaled_q4_lo(v0[1]), x1_2, fma(scaled_q4_hi(v0[0]), x1_1, scaled_q4_lo(v0[0]) * x1_0))))))), vec4f(1.0));
    let s0_2 = dot(fma(scaled_q4_hi(v0[3]), x2_7, fma(scaled_q4_lo(v0[3]), x2_6, fma(scaled_q4_hi(v0[2]), x2_5, fma(scaled_q4_lo(v0[2]), x2_4, fma(scaled_q4_hi(v0[1]), x2_3, fma(scaled_q4_lo(v0[1]), x2_2, fma(scaled_q4_hi(v0[0]), x2_1, scaled_q4_lo(v0[0]) * x2_0))))))), vec4f(1.0));
    let s0_3 = dot(fma(scaled_q4_hi(v0[3]), x3_7, fma(scaled_q4_lo(v0[3]), x3_6, fma(scaled_q4_hi(v0[2]), x3_5, fma(scaled_q4_lo(v0[2]), x3_4, fma(scaled_q4_hi(v0[1]), x3_3, fma(scaled_q4_lo(v0[1]), x3_2, fma(scaled_q4_hi(v0[0]), x3_1, scaled_q4_lo(v0[0]) * x3_0))))))), vec4f(1.0));
    let s0_4 = dot(fma(scaled_q4_hi(v0[3]), x4_7, fma(scaled_q4_lo(v0[3]), x4_6, fma(scaled_q4_hi(v0[2]), x4_5, fma(scaled_q4_lo(v0[2]), x4_4, fma(scaled_q4_hi(v0[1]), x4_3, fma(scaled_q4_lo(v0[1]), x4_2, fma(scaled_q4_hi(v0[0]), x4_1, scaled_q4_lo(v0[0]) * x4_0))))))), vec4f(1.0));
    let s0_5 = dot(fma(scaled_q4_hi(v0[3]), x5_7, fma(scaled_q4_lo(v0[3]), x5_6, fma(scaled_q4_hi(v0[2]), x5_5, fma(scaled_q4_lo(v0[2]), x5_4, fma(scaled_q4_hi(v0[1]), x5_3, fma(scaled_q4_lo(v0[1]), x5_2, fma(scaled_q4_hi(v0[0]), x5_1, scaled_q4_lo(v0[0]) * x5_0))))))), vec4f(1.0));
    let s0_6 = dot(fma(scaled_q4_hi(v0[3]), x6_7, fma(scaled_q4_lo(v0[3]), x6_6, fma(scaled_q4_hi(v0[2]), x6_5, fma(scaled_q4_lo(v0[2]), x6_4, fma(scaled_q4_hi(v0[1]), x6_3, fma(scaled_q4_lo(v0[1]), x6_2, fma(scaled_q4_hi(v0[0]), x6_1, scaled_q4_lo(v0[0]) * x6_0))))))), vec4f(1.0));
    let s0_7 = dot(fma(scaled_q4_hi(v0[3]), x7_7, fma(scaled_q4_lo(v0[3]), x7_6, fma(scaled_q4_hi(v0[2]), x7_5, fma(scaled_q4_lo(v0[2]), x7_4, fma(scaled_q4_hi(v0[1]), x7_3, fma(scaled_q4_lo(v0[1]), x7_2, fma(scaled_q4_hi(v0[0]), x7_1, scaled_q4_lo(v0[0]) * x7_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let s1_1 = dot(fma(scaled_q4_hi(v1[3]), x1_7, fma(scaled_q4_lo(v1[3]), x1_6, fma(scaled_q4_hi(v1[2]), x1_5, fma(scaled_q4_lo(v1[2]), x1_4, fma(scaled_q4_hi(v1[1]), x1_3, fma(scaled_q4_lo(v1[1]), x1_2, fma(scaled_q4_hi(v1[0]), x1_1, scaled_q4_lo(v1[0]) * x1_0))))))), vec4f(1.0));
    let s1_2 = dot(fma(scaled_q4_hi(v1[3]), x2_7, fma(scaled_q4_lo(v1[3]), x2_6, fma(scaled_q4_hi(v1[2]), x2_5, fma(scaled_q4_lo(v1[2]), x2_4, fma(scaled_q4_hi(v1[1]), x2_3, fma(scaled_q4_lo(v1[1]), x2_2, fma(scaled_q4_hi(v1[0]), x2_1, scaled_q4_lo(v1[0]) * x2_0))))))), vec4f(1.0));
    let s1_3 = dot(fma(scaled_q4_hi(v1[3]), x3_7, fma(scaled_q4_lo(v1[3]), x3_6, fma(scaled_q4_hi(v1[2]), x3_5, fma(scaled_q4_lo(v1[2]), x3_4, fma(scaled_q4_hi(v1[1]), x3_3, fma(scaled_q4_lo(v1[1]), x3_2, fma(scaled_q4_hi(v1[0]), x3_1, scaled_q4_lo(v1[0]) * x3_0))))))), vec4f(1.0));
    let s1_4 = dot(fma(scaled_q4_hi(v1[3]), x4_7, fma(scaled_q4_lo(v1[3]), x4_6, fma(scaled_q4_hi(v1[2]), x4_5, fma(scaled_q4_lo(v1[2]), x4_4, fma(scaled_q4_hi(v1[1]), x4_3, fma(scaled_q4_lo(v1[1]), x4_2, fma(scaled_q4_hi(v1[0]), x4_1, scaled_q4_lo(v1[0]) * x4_0))))))), vec4f(1.0));
    let s1_5 = dot(fma(scaled_q4_hi(v1[3]), x5_7, fma(scaled_q4_lo(v1[3]), x5_6, fma(scaled_q4_hi(v1[2]), x5_5, fma(scaled_q4_lo(v1[2]), x5_4, fma(scaled_q4_hi(v1[1]), x5_3, fma(scaled_q4_lo(v1[1]), x5_2, fma(scaled_q4_hi(v1[0]), x5_1, scaled_q4_lo(v1[0]) * x5_0))))))), vec4f(1.0));
    let s1_6 = dot(fma(scaled_q4_hi(v1[3]), x6_7, fma(scaled_q4_lo(v1[3]), x6_6, fma(scaled_q4_hi(v1[2]), x6_5, fma(scaled_q4_lo(v1[2]), x6_4, fma(scaled_q4_hi(v1[1]), x6_3, fma(scaled_q4_lo(v1[1]), x6_2, fma(scaled_q4_hi(v1[0]), x6_1, scaled_q4_lo(v1[0]) * x6_0))))))), vec4f(1.0));
    let s1_7 = dot(fma(scaled_q4_hi(v1[3]), x7_7, fma(scaled_q4_lo(v1[3]), x7_6, fma(scaled_q4_hi(v1[2]), x7_5, fma(scaled_q4_lo(v1[2]), x7_4, fma(scaled_q4_hi(v1[1]), x7_3, fma(scaled_q4_lo(v1[1]), x7_2, fma(scaled_q4_hi(v1[0]), x7_1, scaled_q4_lo(v1[0]) * x7_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let s2_1 = dot(fma(scaled_q4_hi(v2[3]), x1_7, fma(scaled_q4_lo(v2[3]), x1_6, fma(scaled_q4_hi(v2[2]), x1_5, fma(scaled_q4_lo(v2[2]), x1_4, fma(scaled_q4_hi(v2[1]), x1_3, fma(scaled_q4_lo(v2[1]), x1_2, fma(scaled_q4_hi(v2[0]), x1_1, scaled_q4_lo(v2[0]) * x1_0))))))), vec4f(1.0));
    let s2_2 = dot(fma(scaled_q4_hi(v2[3]), x2_7, fma(scaled_q4_lo(v2[3]), x2_6, fma(scaled_q4_hi(v2[2]), x2_5, fma(scaled_q4_lo(v2[2]), x2_4, fma(scaled_q4_hi(v2[1]), x2_3, fma(scaled_q4_lo(v2[1]), x2_2, fma(scaled_q4_hi(v2[0]), x2_1, scaled_q4_lo(v2[0]) * x2_0))))))), vec4f(1.0));
    let s2_3 = dot(fma(scaled_q4_hi(v2[3]), x3_7, fma(scaled_q4_lo(v2[3]), x3_6, fma(scaled_q4_hi(v2[2]), x3_5, fma(scaled_q4_lo(v2[2]), x3_4, fma(scaled_q4_hi(v2[1]), x3_3, fma(scaled_q4_lo(v2[1]), x3_2, fma(scaled_q4_hi(v2[0]), x3_1, scaled_q4_lo(v2[0]) * x3_0))))))), vec4f(1.0));
    let s2_4 = dot(fma(scaled_q4_hi(v2[3]), x4_7, fma(scaled_q4_lo(v2[3]), x4_6, fma(scaled_q4_hi(v2[2]), x4_5, fma(scaled_q4_lo(v2[2]), x4_4, fma(scaled_q4_hi(v2[1]), x4_3, fma(scaled_q4_lo(v2[1]), x4_2, fma(scaled_q4_hi(v2[0]), x4_1, scaled_q4_lo(v2[0]) * x4_0))))))), vec4f(1.0));
    let s2_5 = dot(fma(scaled_q4_hi(v2[3]), x5_7, fma(scaled_q4_lo(v2[3]), x5_6, fma(scaled_q4_hi(v2[2]), x5_5, fma(scaled_q4_lo(v2[2]), x5_4, fma(scaled_q4_hi(v2[1]), x5_3, fma(scaled_q4_lo(v2[1]), x5_2, fma(scaled_q4_hi(v2[0]), x5_1, scaled_q4_lo(v2[0]) * x5_0))))))), vec4f(1.0));
    let s2_6 = dot(fma(scaled_q4_hi(v2[3]), x6_7, fma(scaled_q4_lo(v2[3]), x6_6, fma(scaled_q4_hi(v2[2]), x6_5, fma(scaled_q4_lo(v2[2]), x6_4, fma(scaled_q4_hi(v2[1]), x6_3, fma(scaled_q4_lo(v2[1]), x6_2, fma(scaled_q4_hi(v2[0]), x6_1, scaled_q4_lo(v2[0]) * x6_0))))))), vec4f(1.0));
    let s2_7 = dot(fma(scaled_q4_hi(v2[3]), x7_7, fma(scaled_q4_lo(v2[3]), x7_6, fma(scaled_q4_hi(v2[2]), x7_5, fma(scaled_q4_lo(v2[2]), x7_4, fma(scaled_q4_hi(v2[1]), x7_3, fma(scaled_q4_lo(v2[1]), x7_2, fma(scaled_q4_hi(v2[0]), x7_1, scaled_q4_lo(v2[0]) * x7_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let s3_1 = dot(fma(scaled_q4_hi(v3[3]), x1_7, fma(scaled_q4_lo(v3[3]), x1_6, fma(scaled_q4_hi(v3[2]), x1_5, fma(scaled_q4_lo(v3[2]), x1_4, fma(scaled_q4_hi(v3[1]), x1_3, fma(scaled_q4_lo(v3[1]), x1_2, fma(scaled_q4_hi(v3[0]), x1_1, scaled_q4_lo(v3[0]) * x1_0))))))), vec4f(1.0));
    let s3_2 = dot(fma(scaled_q4_hi(v3[3]), x2_7, fma(scaled_q4_lo(v3[3]), x2_6, fma(scaled_q4_hi(v3[2]), x2_5, fma(scaled_q4_lo(v3[2]), x2_4, fma(scaled_q4_hi(v3[1]), x2_3, fma(scaled_q4_lo(v3[1]), x2_2, fma(scaled_q4_hi(v3[0]), x2_1, scaled_q4_lo(v3[0]) * x2_0))))))), vec4f(1.0));
    let s3_3 = dot(fma(scaled_q4_hi(v3[3]), x3_7, fma(scaled_q4_lo(v3[3]), x3_6, fma(scaled_q4_hi(v3[2]), x3_5, fma(scaled_q4_lo(v3[2]), x3_4, fma(scaled_q4_hi(v3[1]), x3_3, fma(scaled_q4_lo(v3[1]), x3_2, fma(scaled_q4_hi(v3[0]), x3_1, scaled_q4_lo(v3[0]) * x3_0))))))), vec4f(1.0));
    let s3_4 = dot(fma(scaled_q4_hi(v3[3]), x4_7, fma(scaled_q4_lo(v3[3]), x4_6, fma(scaled_q4_hi(v3[2]), x4_5, fma(scaled_q4_lo(v3[2]), x4_4, fma(scaled_q4_hi(v3[1]), x4_3, fma(scaled_q4_lo(v3[1]), x4_2, fma(scaled_q4_hi(v3[0]), x4_1, scaled_q4_lo(v3[0]) * x4_0))))))), vec4f(1.0));
    let s3_5 = dot(fma(scaled_q4_hi(v3[3]), x5_7, fma(scaled_q4_lo(v3[3]), x5_6, fma(scaled_q4_hi(v3[2]), x5_5, fma(scaled_q4_lo(v3[2]), x5_4, fma(scaled_q4_hi(v3[1]), x5_3, fma(scaled_q4_lo(v3[1]), x5_2, fma(scaled_q4_hi(v3[0]), x5_1, scaled_q4_lo(v3[0]) * x5_0))))))), vec4f(1.0));
    let s3_6 = dot(fma(scaled_q4_hi(v3[3]), x6_7, fma(scaled_q4_lo(v3[3]), x6_6, fma(scaled_q4_hi(v3[2]), x6_5, fma(scaled_q4_lo(v3[2]), x6_4, fma(scaled_q4_hi(v3[1]), x6_3, fma(scaled_q4_lo(v3[1]), x6_2, fma(scaled_q4_hi(v3[0]), x6_1, scaled_q4_lo(v3[0]) * x6_0))))))), vec4f(1.0));
    let s3_7 = dot(fma(scaled_q4_hi(v3[3]), x7_7, fma(scaled_q4_lo(v3[3]), x7_6, fma(scaled_q4_hi(v3[2]), x7_5, fma(scaled_q4_lo(v3[2]), x7_4, fma(scaled_q4_hi(v3[1]), x7_3, fma(scaled_q4_lo(v3[1]), x7_2, fma(scaled_q4_hi(v3[0]), x7_1, scaled_q4_lo(v3[0]) * x7_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let s4_1 = dot(fma(scaled_q4_hi(v4[3]), x1_7, fma(scaled_q4_lo(v4[3]), x1_6, fma(scaled_q4_hi(v4[2]), x1_5, fma(scaled_q4_lo(v4[2]), x1_4, fma(scaled_q4_hi(v4[1]), x1_3, fma(scaled_q4_lo(v4[1]), x1_2, fma(scaled_q4_hi(v4[0]), x1_1, scaled_q4_lo(v4[0]) * x1_0))))))), vec4f(1.0));
    let s4_2 = dot(fma(scaled_q4_hi(v4[3]), x2_7, fma(scaled_q4_lo(v4[3]), x2_6, fma(scaled_q4_hi(v4[2]), x2_5, fma(scaled_q4_lo(v4[2]), x2_4, fma(scaled_q4_hi(v4[1]), x2_3, fma(scaled_q4_lo(v4[1]), x2_2, fma(scaled_q4_hi(v4[0]), x2_1, scaled_q4_lo(v4[0]) * x2_0))))))), vec4f(1.0));
    let s4_3 = dot(fma(scaled_q4_hi(v4[3]), x3_7, fma(scaled_q4_lo(v4[3]), x3_6, fma(scaled_q4_hi(v4[2]), x3_5, fma(scaled_q4_lo(v4[2]), x3_4, fma(scaled_q4_hi(v4[1]), x3_3, fma(scaled_q4_lo(v4[1]), x3_2, fma(scaled_q4_hi(v4[0]), x3_1, scaled_q4_lo(v4[0]) * x3_0))))))), vec4f(1.0));
    let s4_4 = dot(fma(scaled_q4_hi(v4[3]), x4_7, fma(scaled_q4_lo(v4[3]), x4_6, fma(scaled_q4_hi(v4[2]), x4_5, fma(scaled_q4_lo(v4[2]), x4_4, fma(scaled_q4_hi(v4[1]), x4_3, fma(scaled_q4_lo(v4[1]), x4_2, fma(scaled_q4_hi(v4[0]), x4_1, scaled_q4_lo(v4[0]) * x4_0))))))), vec4f(1.0));
    let s4_5 = dot(fma(scaled_q4_hi(v4[3]), x5_7, fma(scaled_q4_lo(v4[3]), x5_6, fma(scaled_q4_hi(v4[2]), x5_5, fma(scaled_q4_lo(v4[2]), x5_4, fma(scaled_q4_hi(v4[1]), x5_3, fma(scaled_q4_lo(v4[1]), x5_2, fma(scaled_q4_hi(v4[0]), x5_1, scaled_q4_lo(v4[0]) * x5_0))))))), vec4f(1.0));
    let s4_6 = dot(fma(scaled_q4_hi(v4[3]), x6_7, fma(scaled_q4_lo(v4[3]), x6_6, fma(scaled_q4_hi(v4[2]), x6_5, fma(scaled_q4_lo(v4[2]), x6_4, fma(scaled_q4_hi(v4[1]), x6_3, fma(scaled_q4_lo(v4[1]), x6_2, fma(scaled_q4_hi(v4[0]), x6_1, scaled_q4_lo(v4[0]) * x6_0))))))), vec4f(1.0));
    let s4_7 = dot(fma(scaled_q4_hi(v4[3]), x7_7, fma(scaled_q4_lo(v4[3]), x7_6, fma(scaled_q4_hi(v4[2]), x7_5, fma(scaled_q4_lo(v4[2]), x7_4, fma(scaled_q4_hi(v4[1]), x7_3, fma(scaled_q4_lo(v4[1]), x7_2, fma(scaled_q4_hi(v4[0]), x7_1, scaled_q4_lo(v4[0]) * x7_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let s5_1 = dot(fma(scaled_q4_hi(v5[3]), x1_7, fma(scaled_q4_lo(v5[3]), x1_6, fma(scaled_q4_hi(v5[2]), x1_5, fma(scaled_q4_lo(v5[2]), x1_4, fma(scaled_q4_hi(v5[1]), x1_3, fma(scaled_q4_lo(v5[1]), x1_2, fma(scaled_q4_hi(v5[0]), x1_1, scaled_q4_lo(v5[0]) * x1_0))))))), vec4f(1.0));
    let s5_2 = dot(fma(scaled_q4_hi(v5[3]), x2_7, fma(scaled_q4_lo(v5[3]), x2_6, fma(scaled_q4_hi(v5[2]), x2_5, fma(scaled_q4_lo(v5[2]), x2_4, fma(scaled_q4_hi(v5[1]), x2_3, fma(scaled_q4_lo(v5[1]), x2_2, fma(scaled_q4_hi(v5[0]), x2_1, scaled_q4_lo(v5[0]) * x2_0))))))), vec4f(1.0));
    let s5_3 = dot(fma(scaled_q4_hi(v5[3]), x3_7, fma(scaled_q4_lo(v5[3]), x3_6, fma(scaled_q4_hi(v5[2]), x3_5, fma(scaled_q4_lo(v5[2]), x3_4, fma(scaled_q4_hi(v5[1]), x3_3, fma(scaled_q4_lo(v5[1]), x3_2, fma(scaled_q4_hi(v5[0]), x3_1, scaled_q4_lo(v5[0]) * x3_0))))))), vec4f(1.0));
    let s5_4 = dot(fma(scaled_q4_hi(v5[3]), x4_7, fma(scaled_q4_lo(v5[3]), x4_6, fma(scaled_q4_hi(v5[2]), x4_5, fma(scaled_q4_lo(v5[2]), x4_4, fma(scaled_q4_hi(v5[1]), x4_3, fma(scaled_q4_lo(v5[1]), x4_2, fma(scaled_q4_hi(v5[0]), x4_1, scaled_q4_lo(v5[0]) * x4_0))))))), vec4f(1.0));
    let s5_5 = dot(fma(scaled_q4_hi(v5[3]), x5_7, fma(scaled_q4_lo(v5[3]), x5_6, fma(scaled_q4_hi(v5[2]), x5_5, fma(scaled_q4_lo(v5[2]), x5_4, fma(scaled_q4_hi(v5[1]), x5_3, fma(scaled_q4_lo(v5[1]), x5_2, fma(scaled_q4_hi(v5[0]), x5_1, scaled_q4_lo(v5[0]) * x5_0))))))), vec4f(1.0));
    let s5_6 = dot(fma(scaled_q4_hi(v5[3]), x6_7, fma(scaled_q4_lo(v5[3]), x6_6, fma(scaled_q4_hi(v5[2]), x6_5, fma(scaled_q4_lo(v5[2]), x6_4, fma(scaled_q4_hi(v5[1]), x6_3, fma(scaled_q4_lo(v5[1]), x6_2, fma(scaled_q4_hi(v5[0]), x6_1, scaled_q4_lo(v5[0]) * x6_0))))))), vec4f(1.0));
    let s5_7 = dot(fma(scaled_q4_hi(v5[3]), x7_7, fma(scaled_q4_lo(v5[3]), x7_6, fma(scaled_q4_hi(v5[2]), x7_5, fma(scaled_q4_lo(v5[2]), x7_4, fma(scaled_q4_hi(v5[1]), x7_3, fma(scaled_q4_lo(v5[1]), x7_2, fma(scaled_q4_hi(v5[0]), x7_1, scaled_q4_lo(v5[0]) * x7_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let s6_1 = dot(fma(scaled_q4_hi(v6[3]), x1_7, fma(scaled_q4_lo(v6[3]), x1_6, fma(scaled_q4_hi(v6[2]), x1_5, fma(scaled_q4_lo(v6[2]), x1_4, fma(scaled_q4_hi(v6[1]), x1_3, fma(scaled_q4_lo(v6[1]), x1_2, fma(scaled_q4_hi(v6[0]), x1_1, scaled_q4_lo(v6[0]) * x1_0))))))), vec4f(1.0));
    let s6_2 = dot(fma(scaled_q4_hi(v6[3]), x2_7, fma(scaled_q4_lo(v6[3]), x2_6, fma(scaled_q4_hi(v6[2]), x2_5, fma(scaled_q4_lo(v6[2]), x2_4, fma(scaled_q4_hi(v6[1]), x2_3, fma(scaled_q4_lo(v6[1]), x2_2, fma(scaled_q4_hi(v6[0]), x2_1, scaled_q4_lo(v6[0]) * x2_0))))))), vec4f(1.0));
    let s6_3 = dot(fma(scaled_q4_hi(v6[3]), x3_7, fma(scaled_q4_lo(v6[3]), x3_6, fma(scaled_q4_hi(v6[2]), x3_5, fma(scaled_q4_lo(v6[2]), x3_4, fma(scaled_q4_hi(v6[1]), x3_3, fma(scaled_q4_lo(v6[1]), x3_2, fma(scaled_q4_hi(v6[0]), x3_1, scaled_q4_lo(v6[0]) * x3_0))))))), vec4f(1.0));
    let s6_4 = dot(fma(scaled_q4_hi(v6[3]), x4_7, fma(scaled_q4_lo(v6[3]), x4_6, fma(scaled_q4_hi(v6[2]), x4_5, fma(scaled_q4_lo(v6[2]), x4_4, fma(scaled_q4_hi(v6[1]), x4_3, fma(scaled_q4_lo(v6[1]), x4_2, fma(scaled_q4_hi(v6[0]), x4_1, scaled_q4_lo(v6[0]) * x4_0))))))), vec4f(1.0));
    let s6_5 = dot(fma(scaled_q4_hi(v6[3]), x5_7, fma(scaled_q4_lo(v6[3]), x5_6, fma(scaled_q4_hi(v6[2]), x5_5, fma(scaled_q4_lo(v6[2]), x5_4, fma(scaled_q4_hi(v6[1]), x5_3, fma(scaled_q4_lo(v6[1]), x5_2, fma(scaled_q4_hi(v6[0]), x5_1, scaled_q4_lo(v6[0]) * x5_0))))))), vec4f(1.0));
    let s6_6 = dot(fma(scaled_q4_hi(v6[3]), x6_7, fma(scaled_q4_lo(v6[3]), x6_6, fma(scaled_q4_hi(v6[2]), x6_5, fma(scaled_q4_lo(v6[2]), x6_4, fma(scaled_q4_hi(v6[1]), x6_3, fma(scaled_q4_lo(v6[1]), x6_2, fma(scaled_q4_hi(v6[0]), x6_1, scaled_q4_lo(v6[0]) * x6_0))))))), vec4f(1.0));
    let s6_7 = dot(fma(scaled_q4_hi(v6[3]), x7_7, fma(scaled_q4_lo(v6[3]), x7_6, fma(scaled_q4_hi(v6[2]), x7_5, fma(scaled_q4_lo(v6[2]), x7_4, fma(scaled_q4_hi(v6[1]), x7_3, fma(scaled_q4_lo(v6[1]), x7_2, fma(scaled_q4_hi(v6[0]), x7_1, scaled_q4_lo(v6[0]) * x7_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let s7_1 = dot(fma(scaled_q4_hi(v7[3]), x1_7, fma(scaled_q4_lo(v7[3]), x1_6, fma(scaled_q4_hi(v7[2]), x1_5, fma(scaled_q4_lo(v7[2]), x1_4, fma(scaled_q4_hi(v7[1]), x1_3, fma(scaled_q4_lo(v7[1]), x1_2, fma(scaled_q4_hi(v7[0]), x1_1, scaled_q4_lo(v7[0]) * x1_0))))))), vec4f(1.0));
    let s7_2 = dot(fma(scaled_q4_hi(v7[3]), x2_7, fma(scaled_q4_lo(v7[3]), x2_6, fma(scaled_q4_hi(v7[2]), x2_5, fma(scaled_q4_lo(v7[2]), x2_4, fma(scaled_q4_hi(v7[1]), x2_3, fma(scaled_q4_lo(v7[1]), x2_2, fma(scaled_q4_hi(v7[0]), x2_1, scaled_q4_lo(v7[0]) * x2_0))))))), vec4f(1.0));
    let s7_3 = dot(fma(scaled_q4_hi(v7[3]), x3_7, fma(scaled_q4_lo(v7[3]), x3_6, fma(scaled_q4_hi(v7[2]), x3_5, fma(scaled_q4_lo(v7[2]), x3_4, fma(scaled_q4_hi(v7[1]), x3_3, fma(scaled_q4_lo(v7[1]), x3_2, fma(scaled_q4_hi(v7[0]), x3_1, scaled_q4_lo(v7[0]) * x3_0))))))), vec4f(1.0));
    let s7_4 = dot(fma(scaled_q4_hi(v7[3]), x4_7, fma(scaled_q4_lo(v7[3]), x4_6, fma(scaled_q4_hi(v7[2]), x4_5, fma(scaled_q4_lo(v7[2]), x4_4, fma(scaled_q4_hi(v7[1]), x4_3, fma(scaled_q4_lo(v7[1]), x4_2, fma(scaled_q4_hi(v7[0]), x4_1, scaled_q4_lo(v7[0]) * x4_0))))))), vec4f(1.0));
    let s7_5 = dot(fma(scaled_q4_hi(v7[3]), x5_7, fma(scaled_q4_lo(v7[3]), x5_6, fma(scaled_q4_hi(v7[2]), x5_5, fma(scaled_q4_lo(v7[2]), x5_4, fma(scaled_q4_hi(v7[1]), x5_3, fma(scaled_q4_lo(v7[1]), x5_2, fma(scaled_q4_hi(v7[0]), x5_1, scaled_q4_lo(v7[0]) * x5_0))))))), vec4f(1.0));
    let s7_6 = dot(fma(scaled_q4_hi(v7[3]), x6_7, fma(scaled_q4_lo(v7[3]), x6_6, fma(scaled_q4_hi(v7[2]), x6_5, fma(scaled_q4_lo(v7[2]), x6_4, fma(scaled_q4_hi(v7[1]), x6_3, fma(scaled_q4_lo(v7[1]), x6_2, fma(scaled_q4_hi(v7[0]), x6_1, scaled_q4_lo(v7[0]) * x6_0))))))), vec4f(1.0));
    let s7_7 = dot(fma(scaled_q4_hi(v7[3]), x7_7, fma(scaled_q4_lo(v7[3]), x7_6, fma(scaled_q4_hi(v7[2]), x7_5, fma(scaled_q4_lo(v7[2]), x7_4, fma(scaled_q4_hi(v7[1]), x7_3, fma(scaled_q4_lo(v7[1]), x7_2, fma(scaled_q4_hi(v7[0]), x7_1, scaled_q4_lo(v7[0]) * x7_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let off1 = 8.0 * dot(xs1, vec4f(1.0));
    let off2 = 8.0 * dot(xs2, vec4f(1.0));
    let off3 = 8.0 * dot(xs3, vec4f(1.0));
    let off4 = 8.0 * dot(xs4, vec4f(1.0));
    let off5 = 8.0 * dot(xs5, vec4f(1.0));
    let off6 = 8.0 * dot(xs6, vec4f(1.0));
    let off7 = 8.0 * dot(xs7, vec4f(1.0));
    let si0 = min(row0 + 0u * WG + lid, last) * p.scalesPerRow + b;
    let d0 = f16_at(scales[si0 >> 1u], si0);
    acc0_0 += d0 * (s0_0 - off0);
    acc0_1 += d0 * (s0_1 - off1);
    acc0_2 += d0 * (s0_2 - off2);
    acc0_3 += d0 * (s0_3 - off3);
    acc0_4 += d0 * (s0_4 - off4);
    acc0_5 += d0 * (s0_5 - off5);
    acc0_6 += d0 * (s0_6 - off6);
    acc0_7 += d0 * (s0_7 - off7);
    let si1 = min(row0 + 1u * WG + lid, last) * p.scalesPerRow + b;
    let d1 = f16_at(scales[si1 >> 1u], si1);
    acc1_0 += d1 * (s1_0 - off0);
    acc1_1 += d1 * (s1_1 - off1);
    acc1_2 += d1 * (s1_2 - off2);
    acc1_3 += d1 * (s1_3 - off3);
    acc1_4 += d1 * (s1_4 - off4);
    acc1_5 += d1 * (s1_5 - off5);
    acc1_6 += d1 * (s1_6 - off6);
    acc1_7 += d1 * (s1_7 - off7);
    let si2 = min(row0 + 2u * WG + lid, last) * p.scalesPerRow + b;
    let d2 = f16_at(scales[si2 >> 1u], si2);
    acc2_0 += d2 * (s2_0 - off0);
    acc2_1 += d2 * (s2_1 - off1);
    acc2_2 += d2 * (s2_2 - off2);
    acc2_3 += d2 * (s2_3 - off3);
    acc2_4 += d2 * (s2_4 - off4);
    acc2_5 += d2 * (s2_5 - off5);
    acc2_6 += d2 * (s2_6 - off6);
    acc2_7 += d2 * (s2_7 - off7);
    let si3 = min(row0 + 3u * WG + lid, last) * p.scalesPerRow + b;
    let d3 = f16_at(scales[si3 >> 1u], si3);
    acc3_0 += d3 * (s3_0 - off0);
    acc3_1 += d3 * (s3_1 - off1);
    acc3_2 += d3 * (s3_2 - off2);
    acc3_3 += d3 * (s3_3 - off3);
    acc3_4 += d3 * (s3_4 - off4);
    acc3_5 += d3 * (s3_5 - off5);
    acc3_6 += d3 * (s3_6 - off6);
    acc3_7 += d3 * (s3_7 - off7);
    let si4 = min(row0 + 4u * WG + lid, last) * p.scalesPerRow + b;
    let d4 = f16_at(scales[si4 >> 1u], si4);
    acc4_0 += d4 * (s4_0 - off0);
    acc4_1 += d4 * (s4_1 - off1);
    acc4_2 += d4 * (s4_2 - off2);
    acc4_3 += d4 * (s4_3 - off3);
    acc4_4 += d4 * (s4_4 - off4);
    acc4_5 += d4 * (s4_5 - off5);
    acc4_6 += d4 * (s4_6 - off6);
    acc4_7 += d4 * (s4_7 - off7);
    let si5 = min(row0 + 5u * WG + lid, last) * p.scalesPerRow + b;
    let d5 = f16_at(scales[si5 >> 1u], si5);
    acc5_0 += d5 * (s5_0 - off0);
    acc5_1 += d5 * (s5_1 - off1);
    acc5_2 += d5 * (s5_2 - off2);
    acc5_3 += d5 * (s5_3 - off3);
    acc5_4 += d5 * (s5_4 - off4);
    acc5_5 += d5 * (s5_5 - off5);
    acc5_6 += d5 * (s5_6 - off6);
    acc5_7 += d5 * (s5_7 - off7);
    let si6 = min(row0 + 6u * WG + lid, last) * p.scalesPerRow + b;
    let d6 = f16_at(scales[si6 >> 1u], si6);
    acc6_0 += d6 * (s6_0 - off0);
    acc6_1 += d6 * (s6_1 - off1);
    acc6_2 += d6 * (s6_2 - off2);
    acc6_3 += d6 * (s6_3 - off3);
    acc6_4 += d6 * (s6_4 - off4);
    acc6_5 += d6 * (s6_5 - off5);
    acc6_6 += d6 * (s6_6 - off6);
    acc6_7 += d6 * (s6_7 - off7);
    let si7 = min(row0 + 7u * WG + lid, last) * p.scalesPerRow + b;
    let d7 = f16_at(scales[si7 >> 1u], si7);
    acc7_0 += d7 * (s7_0 - off0);
    acc7_1 += d7 * (s7_1 - off1);
    acc7_2 += d7 * (s7_2 - off2);
    acc7_3 += d7 * (s7_3 - off3);
    acc7_4 += d7 * (s7_4 - off4);
    acc7_5 += d7 * (s7_5 - off5);
    acc7_6 += d7 * (s7_6 - off6);
    acc7_7 += d7 * (s7_7 - off7);
  }
  if (row0 + 0u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_7;
    }
  }
  if (row0 + 1u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_7;
    }
  }
  if (row0 + 2u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_7;
    }
  }
  if (row0 + 3u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_7;
    }
  }
  if (row0 + 4u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_7;
    }
  }
  if (row0 + 5u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_7;
    }
  }
  if (row0 + 6u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_7;
    }
  }
  if (row0 + 7u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_7;
    }
  }
}
