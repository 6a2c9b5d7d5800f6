// kernel matmul_rows_q4_b32_vec4_wg8_r16_t16
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
  let row0 = wid.x * 16u * WG;
  let t0 = wid.y * 16u;
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
  let xo8 = min(t0 + 8u, p.T - 1u) * p.K / 4u;
  let xo9 = min(t0 + 9u, p.T - 1u) * p.K / 4u;
  let xo10 = min(t0 + 10u, p.T - 1u) * p.K / 4u;
  let xo11 = min(t0 + 11u, p.T - 1u) * p.K / 4u;
  let xo12 = min(t0 + 12u, p.T - 1u) * p.K / 4u;
  let xo13 = min(t0 + 13u, p.T - 1u) * p.K / 4u;
  let xo14 = min(t0 + 14u, p.T - 1u) * p.K / 4u;
  let xo15 = min(t0 + 15u, p.T - 1u) * p.K / 4u;
  var acc0_0 = 0.0;
  var acc0_1 = 0.0;
  var acc0_2 = 0.0;
  var acc0_3 = 0.0;
  var acc0_4 = 0.0;
  var acc0_5 = 0.0;
  var acc0_6 = 0.0;
  var acc0_7 = 0.0;
  var acc0_8 = 0.0;
  var acc0_9 = 0.0;
  var acc0_10 = 0.0;
  var acc0_11 = 0.0;
  var acc0_12 = 0.0;
  var acc0_13 = 0.0;
  var acc0_14 = 0.0;
  var acc0_15 = 0.0;
  var acc1_0 = 0.0;
  var acc1_1 = 0.0;
  var acc1_2 = 0.0;
  var acc1_3 = 0.0;
  var acc1_4 = 0.0;
  var acc1_5 = 0.0;
  var acc1_6 = 0.0;
  var acc1_7 = 0.0;
  var acc1_8 = 0.0;
  var acc1_9 = 0.0;
  var acc1_10 = 0.0;
  var acc1_11 = 0.0;
  var acc1_12 = 0.0;
  var acc1_13 = 0.0;
  var acc1_14 = 0.0;
  var acc1_15 = 0.0;
  var acc2_0 = 0.0;
  var acc2_1 = 0.0;
  var acc2_2 = 0.0;
  var acc2_3 = 0.0;
  var acc2_4 = 0.0;
  var acc2_5 = 0.0;
  var acc2_6 = 0.0;
  var acc2_7 = 0.0;
  var acc2_8 = 0.0;
  var acc2_9 = 0.0;
  var acc2_10 = 0.0;
  var acc2_11 = 0.0;
  var acc2_12 = 0.0;
  var acc2_13 = 0.0;
  var acc2_14 = 0.0;
  var acc2_15 = 0.0;
  var acc3_0 = 0.0;
  var acc3_1 = 0.0;
  var acc3_2 = 0.0;
  var acc3_3 = 0.0;
  var acc3_4 = 0.0;
  var acc3_5 = 0.0;
  var acc3_6 = 0.0;
  var acc3_7 = 0.0;
  var acc3_8 = 0.0;
  var acc3_9 = 0.0;
  var acc3_10 = 0.0;
  var acc3_11 = 0.0;
  var acc3_12 = 0.0;
  var acc3_13 = 0.0;
  var acc3_14 = 0.0;
  var acc3_15 = 0.0;
  var acc4_0 = 0.0;
  var acc4_1 = 0.0;
  var acc4_2 = 0.0;
  var acc4_3 = 0.0;
  var acc4_4 = 0.0;
  var acc4_5 = 0.0;
  var acc4_6 = 0.0;
  var acc4_7 = 0.0;
  var acc4_8 = 0.0;
  var acc4_9 = 0.0;
  var acc4_10 = 0.0;
  var acc4_11 = 0.0;
  var acc4_12 = 0.0;
  var acc4_13 = 0.0;
  var acc4_14 = 0.0;
  var acc4_15 = 0.0;
  var acc5_0 = 0.0;
  var acc5_1 = 0.0;
  var acc5_2 = 0.0;
  var acc5_3 = 0.0;
  var acc5_4 = 0.0;
  var acc5_5 = 0.0;
  var acc5_6 = 0.0;
  var acc5_7 = 0.0;
  var acc5_8 = 0.0;
  var acc5_9 = 0.0;
  var acc5_10 = 0.0;
  var acc5_11 = 0.0;
  var acc5_12 = 0.0;
  var acc5_13 = 0.0;
  var acc5_14 = 0.0;
  var acc5_15 = 0.0;
  var acc6_0 = 0.0;
  var acc6_1 = 0.0;
  var acc6_2 = 0.0;
  var acc6_3 = 0.0;
  var acc6_4 = 0.0;
  var acc6_5 = 0.0;
  var acc6_6 = 0.0;
  var acc6_7 = 0.0;
  var acc6_8 = 0.0;
  var acc6_9 = 0.0;
  var acc6_10 = 0.0;
  var acc6_11 = 0.0;
  var acc6_12 = 0.0;
  var acc6_13 = 0.0;
  var acc6_14 = 0.0;
  var acc6_15 = 0.0;
  var acc7_0 = 0.0;
  var acc7_1 = 0.0;
  var acc7_2 = 0.0;
  var acc7_3 = 0.0;
  var acc7_4 = 0.0;
  var acc7_5 = 0.0;
  var acc7_6 = 0.0;
  var acc7_7 = 0.0;
  var acc7_8 = 0.0;
  var acc7_9 = 0.0;
  var acc7_10 = 0.0;
  var acc7_11 = 0.0;
  var acc7_12 = 0.0;
  var acc7_13 = 0.0;
  var acc7_14 = 0.0;
  var acc7_15 = 0.0;
  var acc8_0 = 0.0;
  var acc8_1 = 0.0;
  var acc8_2 = 0.0;
  var acc8_3 = 0.0;
  var acc8_4 = 0.0;
  var acc8_5 = 0.0;
  var acc8_6 = 0.0;
  var acc8_7 = 0.0;
  var acc8_8 = 0.0;
  var acc8_9 = 0.0;
  var acc8_10 = 0.0;
  var acc8_11 = 0.0;
  var acc8_12 = 0.0;
  var acc8_13 = 0.0;
  var acc8_14 = 0.0;
  var acc8_15 = 0.0;
  var acc9_0 = 0.0;
  var acc9_1 = 0.0;
  var acc9_2 = 0.0;
  var acc9_3 = 0.0;
  var acc9_4 = 0.0;
  var acc9_5 = 0.0;
  var acc9_6 = 0.0;
  var acc9_7 = 0.0;
  var acc9_8 = 0.0;
  var acc9_9 = 0.0;
  var acc9_10 = 0.0;
  var acc9_11 = 0.0;
  var acc9_12 = 0.0;
  var acc9_13 = 0.0;
  var acc9_14 = 0.0;
  var acc9_15 = 0.0;
  var acc10_0 = 0.0;
  var acc10_1 = 0.0;
  var acc10_2 = 0.0;
  var acc10_3 = 0.0;
  var acc10_4 = 0.0;
  var acc10_5 = 0.0;
  var acc10_6 = 0.0;
  var acc10_7 = 0.0;
  var acc10_8 = 0.0;
  var acc10_9 = 0.0;
  var acc10_10 = 0.0;
  var acc10_11 = 0.0;
  var acc10_12 = 0.0;
  var acc10_13 = 0.0;
  var acc10_14 = 0.0;
  var acc10_15 = 0.0;
  var acc11_0 = 0.0;
  var acc11_1 = 0.0;
  var acc11_2 = 0.0;
  var acc11_3 = 0.0;
  var acc11_4 = 0.0;
  var acc11_5 = 0.0;
  var acc11_6 = 0.0;
  var acc11_7 = 0.0;
  var acc11_8 = 0.0;
  var acc11_9 = 0.0;
  var acc11_10 = 0.0;
  var acc11_11 = 0.0;
  var acc11_12 = 0.0;
  var acc11_13 = 0.0;
  var acc11_14 = 0.0;
  var acc11_15 = 0.0;
  var acc12_0 = 0.0;
  var acc12_1 = 0.0;
  var acc12_2 = 0.0;
  var acc12_3 = 0.0;
  var acc12_4 = 0.0;
  var acc12_5 = 0.0;
  var acc12_6 = 0.0;
  var acc12_7 = 0.0;
  var acc12_8 = 0.0;
  var acc12_9 = 0.0;
  var acc12_10 = 0.0;
  var acc12_11 = 0.0;
  var acc12_12 = 0.0;
  var acc12_13 = 0.0;
  var acc12_14 = 0.0;
  var acc12_15 = 0.0;
  var acc13_0 = 0.0;
  var acc13_1 = 0.0;
  var acc13_2 = 0.0;
  var acc13_3 = 0.0;
  var acc13_4 = 0.0;
  var acc13_5 = 0.0;
  var acc13_6 = 0.0;
  var acc13_7 = 0.0;
  var acc13_8 = 0.0;
  var acc13_9 = 0.0;
  var acc13_10 = 0.0;
  var acc13_11 = 0.0;
  var acc13_12 = 0.0;
  var acc13_13 = 0.0;
  var acc13_14 = 0.0;
  var acc13_15 = 0.0;
  var acc14_0 = 0.0;
  var acc14_1 = 0.0;
  var acc14_2 = 0.0;
  var acc14_3 = 0.0;
  var acc14_4 = 0.0;
  var acc14_5 = 0.0;
  var acc14_6 = 0.0;
  var acc14_7 = 0.0;
  var acc14_8 = 0.0;
  var acc14_9 = 0.0;
  var acc14_10 = 0.0;
  var acc14_11 = 0.0;
  var acc14_12 = 0.0;
  var acc14_13 = 0.0;
  var acc14_14 = 0.0;
  var acc14_15 = 0.0;
  var acc15_0 = 0.0;
  var acc15_1 = 0.0;
  var acc15_2 = 0.0;
  var acc15_3 = 0.0;
  var acc15_4 = 0.0;
  var acc15_5 = 0.0;
  var acc15_6 = 0.0;
  var acc15_7 = 0.0;
  var acc15_8 = 0.0;
  var acc15_9 = 0.0;
  var acc15_10 = 0.0;
  var acc15_11 = 0.0;
  var acc15_12 = 0.0;
  var acc15_13 = 0.0;
  var acc15_14 = 0.0;
  var acc15_15 = 0.0;
  for (var b = 0u; b < full; b++) {
    var xs0 = vec4f(0.0);
    var xs1 = vec4f(0.0);
    var xs2 = vec4f(0.0);
    var xs3 = vec4f(0.0);
    var xs4 = vec4f(0.0);
    var xs5 = vec4f(0.0);
    var xs6 = vec4f(0.0);
    var xs7 = vec4f(0.0);
    var xs8 = vec4f(0.0);
    var xs9 = vec4f(0.0);
    var xs10 = vec4f(0.0);
    var xs11 = vec4f(0.0);
    var xs12 = vec4f(0.0);
    var xs13 = vec4f(0.0);
    var xs14 = vec4f(0.0);
    var xs15 = vec4f(0.0);
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
    let xr8_0 = x[xo8 + k4 + 0u];
    let xr8_1 = x[xo8 + k4 + 1u];
    let xr8_2 = x[xo8 + k4 + 2u];
    let xr8_3 = x[xo8 + k4 + 3u];
    let xr8_4 = x[xo8 + k4 + 4u];
    let xr8_5 = x[xo8 + k4 + 5u];
    let xr8_6 = x[xo8 + k4 + 6u];
    let xr8_7 = x[xo8 + k4 + 7u];
    xs8 += xr8_0 + xr8_1 + xr8_2 + xr8_3 + xr8_4 + xr8_5 + xr8_6 + xr8_7;
    let x8_0 = xr8_0 * Q4_LO;
    let x8_1 = xr8_1 * Q4_HI;
    let x8_2 = xr8_2 * Q4_LO;
    let x8_3 = xr8_3 * Q4_HI;
    let x8_4 = xr8_4 * Q4_LO;
    let x8_5 = xr8_5 * Q4_HI;
    let x8_6 = xr8_6 * Q4_LO;
    let x8_7 = xr8_7 * Q4_HI;
    let xr9_0 = x[xo9 + k4 + 0u];
    let xr9_1 = x[xo9 + k4 + 1u];
    let xr9_2 = x[xo9 + k4 + 2u];
    let xr9_3 = x[xo9 + k4 + 3u];
    let xr9_4 = x[xo9 + k4 + 4u];
    let xr9_5 = x[xo9 + k4 + 5u];
    let xr9_6 = x[xo9 + k4 + 6u];
    let xr9_7 = x[xo9 + k4 + 7u];
    xs9 += xr9_0 + xr9_1 + xr9_2 + xr9_3 + xr9_4 + xr9_5 + xr9_6 + xr9_7;
    let x9_0 = xr9_0 * Q4_LO;
    let x9_1 = xr9_1 * Q4_HI;
    let x9_2 = xr9_2 * Q4_LO;
    let x9_3 = xr9_3 * Q4_HI;
    let x9_4 = xr9_4 * Q4_LO;
    let x9_5 = xr9_5 * Q4_HI;
    let x9_6 = xr9_6 * Q4_LO;
    let x9_7 = xr9_7 * Q4_HI;
    let xr10_0 = x[xo10 + k4 + 0u];
    let xr10_1 = x[xo10 + k4 + 1u];
    let xr10_2 = x[xo10 + k4 + 2u];
    let xr10_3 = x[xo10 + k4 + 3u];
    let xr10_4 = x[xo10 + k4 + 4u];
    let xr10_5 = x[xo10 + k4 + 5u];
    let xr10_6 = x[xo10 + k4 + 6u];
    let xr10_7 = x[xo10 + k4 + 7u];
    xs10 += xr10_0 + xr10_1 + xr10_2 + xr10_3 + xr10_4 + xr10_5 + xr10_6 + xr10_7;
    let x10_0 = xr10_0 * Q4_LO;
    let x10_1 = xr10_1 * Q4_HI;
    let x10_2 = xr10_2 * Q4_LO;
    let x10_3 = xr10_3 * Q4_HI;
    let x10_4 = xr10_4 * Q4_LO;
    let x10_5 = xr10_5 * Q4_HI;
    let x10_6 = xr10_6 * Q4_LO;
    let x10_7 = xr10_7 * Q4_HI;
    let xr11_0 = x[xo11 + k4 + 0u];
    let xr11_1 = x[xo11 + k4 + 1u];
    let xr11_2 = x[xo11 + k4 + 2u];
    let xr11_3 = x[xo11 + k4 + 3u];
    let xr11_4 = x[xo11 + k4 + 4u];
    let xr11_5 = x[xo11 + k4 + 5u];
    let xr11_6 = x[xo11 + k4 + 6u];
    let xr11_7 = x[xo11 + k4 + 7u];
    xs11 += xr11_0 + xr11_1 + xr11_2 + xr11_3 + xr11_4 + xr11_5 + xr11_6 + xr11_7;
    let x11_0 = xr11_0 * Q4_LO;
    let x11_1 = xr11_1 * Q4_HI;
    let x11_2 = xr11_2 * Q4_LO;
    let x11_3 = xr11_3 * Q4_HI;
    let x11_4 = xr11_4 * Q4_LO;
    let x11_5 = xr11_5 * Q4_HI;
    let x11_6 = xr11_6 * Q4_LO;
    let x11_7 = xr11_7 * Q4_HI;
    let xr12_0 = x[xo12 + k4 + 0u];
    let xr12_1 = x[xo12 + k4 + 1u];
    let xr12_2 = x[xo12 + k4 + 2u];
    let xr12_3 = x[xo12 + k4 + 3u];
    let xr12_4 = x[xo12 + k4 + 4u];
    let xr12_5 = x[xo12 + k4 + 5u];
    let xr12_6 = x[xo12 + k4 + 6u];
    let xr12_7 = x[xo12 + k4 + 7u];
    xs12 += xr12_0 + xr12_1 + xr12_2 + xr12_3 + xr12_4 + xr12_5 + xr12_6 + xr12_7;
    let x12_0 = xr12_0 * Q4_LO;
    let x12_1 = xr12_1 * Q4_HI;
    let x12_2 = xr12_2 * Q4_LO;
    let x12_3 = xr12_3 * Q4_HI;
    let x12_4 = xr12_4 * Q4_LO;
    let x12_5 = xr12_5 * Q4_HI;
    let x12_6 = xr12_6 * Q4_LO;
    let x12_7 = xr12_7 * Q4_HI;
    let xr13_0 = x[xo13 + k4 + 0u];
    let xr13_1 = x[xo13 + k4 + 1u];
    let xr13_2 = x[xo13 + k4 + 2u];
    let xr13_3 = x[xo13 + k4 + 3u];
    let xr13_4 = x[xo13 + k4 + 4u];
    let xr13_5 = x[xo13 + k4 + 5u];
    let xr13_6 = x[xo13 + k4 + 6u];
    let xr13_7 = x[xo13 + k4 + 7u];
    xs13 += xr13_0 + xr13_1 + xr13_2 + xr13_3 + xr13_4 + xr13_5 + xr13_6 + xr13_7;
    let x13_0 = xr13_0 * Q4_LO;
    let x13_1 = xr13_1 * Q4_HI;
    let x13_2 = xr13_2 * Q4_LO;
    let x13_3 = xr13_3 * Q4_HI;
    let x13_4 = xr13_4 * Q4_LO;
    let x13_5 = xr13_5 * Q4_HI;
    let x13_6 = xr13_6 * Q4_LO;
    let x13_7 = xr13_7 * Q4_HI;
    let xr14_0 = x[xo14 + k4 + 0u];
    let xr14_1 = x[xo14 + k4 + 1u];
    let xr14_2 = x[xo14 + k4 + 2u];
    let xr14_3 = x[xo14 + k4 + 3u];
    let xr14_4 = x[xo14 + k4 + 4u];
    let xr14_5 = x[xo14 + k4 + 5u];
    let xr14_6 = x[xo14 + k4 + 6u];
    let xr14_7 = x[xo14 + k4 + 7u];
    xs14 += xr14_0 + xr14_1 + xr14_2 + xr14_3 + xr14_4 + xr14_5 + xr14_6 + xr14_7;
    let x14_0 = xr14_0 * Q4_LO;
    let x14_1 = xr14_1 * Q4_HI;
    let x14_2 = xr14_2 * Q4_LO;
    let x14_3 = xr14_3 * Q4_HI;
    let x14_4 = xr14_4 * Q4_LO;
    let x14_5 = xr14_5 * Q4_HI;
    let x14_6 = xr14_6 * Q4_LO;
    let x14_7 = xr14_7 * Q4_HI;
    let xr15_0 = x[xo15 + k4 + 0u];
    let xr15_1 = x[xo15 + k4 + 1u];
    let xr15_2 = x[xo15 + k4 + 2u];
    let xr15_3 = x[xo15 + k4 + 3u];
    let xr15_4 = x[xo15 + k4 + 4u];
    let xr15_5 = x[xo15 + k4 + 5u];
    let xr15_6 = x[xo15 + k4 + 6u];
    let xr15_7 = x[xo15 + k4 + 7u];
    xs15 += xr15_0 + xr15_1 + xr15_2 + xr15_3 + xr15_4 + xr15_5 + xr15_6 + xr15_7;
    let x15_0 = xr15_0 * Q4_LO;
    let x15_1 = xr15_1 * Q4_HI;
    let x15_2 = xr15_2 * Q4_LO;
    let x15_3 = xr15_3 * Q4_HI;
    let x15_4 = xr15_4 * Q4_LO;
    let x15_5 = xr15_5 * Q4_HI;
    let x15_6 = xr15_6 * Q4_LO;
    let x15_7 = xr15_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let s0_1 = dot(fma(scaled_q4_hi(v0[3]), x1_7, fma(scaled_q4_lo(v0[3]), x1_6, fma(scaled_q4_hi(v0[2]), x1_5, fma(scaled_q4_lo(v0[2]), x1_4, fma(scaled_q4_hi(v0[1]), x1_3, fma(scaled_q4_lo(v0[1]), x1_2, fma(scaled_q4_hi(v0[0]), x1_1, scaled_q4_lo(v0[0]) * x1_0))))))), vec4f(1.0));
    let s0_2 = dot(fma(scaled_q4_hi(v0[3]), x2_7, fma(scaled_q4_lo(v0[3]), x2_6, fma(scaled_q4_hi(v0[2]), x2_5, fma(scaled_q4_lo(v0[2]), x2_4, fma(scaled_q4_hi(v0[1]), x2_3, fma(scaled_q4_lo(v0[1]), x2_2, fma(scaled_q4_hi(v0[0]), x2_1, scaled_q4_lo(v0[0]) * x2_0))))))), vec4f(1.0));
    let s0_3 = dot(fma(scaled_q4_hi(v0[3]), x3_7, fma(scaled_q4_lo(v0[3]), x3_6, fma(scaled_q4_hi(v0[2]), x3_5, fma(scaled_q4_lo(v0[2]), x3_4, fma(scaled_q4_hi(v0[1]), x3_3, fma(scaled_q4_lo(v0[1]), x3_2, fma(scaled_q4_hi(v0[0]), x3_1, scaled_q4_lo(v0[0]) * x3_0))))))), vec4f(1.0));
    let s0_4 = dot(fma(scaled_q4_hi(v0[3]), x4_7, fma(scaled_q4_lo(v0[3]), x4_6, fma(scaled_q4_hi(v0[2]), x4_5, fma(scaled_q4_lo(v0[2]), x4_4, fma(scaled_q4_hi(v0[1]), x4_3, fma(scaled_q4_lo(v0[1]), x4_2, fma(scaled_q4_hi(v0[0]), x4_1, scaled_q4_lo(v0[0]) * x4_0))))))), vec4f(1.0));
    let s0_5 = dot(fma(scaled_q4_hi(v0[3]), x5_7, fma(scaled_q4_lo(v0[3]), x5_6, fma(scaled_q4_hi(v0[2]), x5_5, fma(scaled_q4_lo(v0[2]), x5_4, fma(scaled_q4_hi(v0[1]), x5_3, fma(scaled_q4_lo(v0[1]), x5_2, fma(scaled_q4_hi(v0[0]), x5_1, scaled_q4_lo(v0[0]) * x5_0))))))), vec4f(1.0));
    let s0_6 = dot(fma(scaled_q4_hi(v0[3]), x6_7, fma(scaled_q4_lo(v0[3]), x6_6, fma(scaled_q4_hi(v0[2]), x6_5, fma(scaled_q4_lo(v0[2]), x6_4, fma(scaled_q4_hi(v0[1]), x6_3, fma(scaled_q4_lo(v0[1]), x6_2, fma(scaled_q4_hi(v0[0]), x6_1, scaled_q4_lo(v0[0]) * x6_0))))))), vec4f(1.0));
    let s0_7 = dot(fma(scaled_q4_hi(v0[3]), x7_7, fma(scaled_q4_lo(v0[3]), x7_6, fma(scaled_q4_hi(v0[2]), x7_5, fma(scaled_q4_lo(v0[2]), x7_4, fma(scaled_q4_hi(v0[1]), x7_3, fma(scaled_q4_lo(v0[1]), x7_2, fma(scaled_q4_hi(v0[0]), x7_1, scaled_q4_lo(v0[0]) * x7_0))))))), vec4f(1.0));
    let s0_8 = dot(fma(scaled_q4_hi(v0[3]), x8_7, fma(scaled_q4_lo(v0[3]), x8_6, fma(scaled_q4_hi(v0[2]), x8_5, fma(scaled_q4_lo(v0[2]), x8_4, fma(scaled_q4_hi(v0[1]), x8_3, fma(scaled_q4_lo(v0[1]), x8_2, fma(scaled_q4_hi(v0[0]), x8_1, scaled_q4_lo(v0[0]) * x8_0))))))), vec4f(1.0));
    let s0_9 = dot(fma(scaled_q4_hi(v0[3]), x9_7, fma(scaled_q4_lo(v0[3]), x9_6, fma(scaled_q4_hi(v0[2]), x9_5, fma(scaled_q4_lo(v0[2]), x9_4, fma(scaled_q4_hi(v0[1]), x9_3, fma(scaled_q4_lo(v0[1]), x9_2, fma(scaled_q4_hi(v0[0]), x9_1, scaled_q4_lo(v0[0]) * x9_0))))))), vec4f(1.0));
    let s0_10 = dot(fma(scaled_q4_hi(v0[3]), x10_7, fma(scaled_q4_lo(v0[3]), x10_6, fma(scaled_q4_hi(v0[2]), x10_5, fma(scaled_q4_lo(v0[2]), x10_4, fma(scaled_q4_hi(v0[1]), x10_3, fma(scaled_q4_lo(v0[1]), x10_2, fma(scaled_q4_hi(v0[0]), x10_1, scaled_q4_lo(v0[0]) * x10_0))))))), vec4f(1.0));
    let s0_11 = dot(fma(scaled_q4_hi(v0[3]), x11_7, fma(scaled_q4_lo(v0[3]), x11_6, fma(scaled_q4_hi(v0[2]), x11_5, fma(scaled_q4_lo(v0[2]), x11_4, fma(scaled_q4_hi(v0[1]), x11_3, fma(scaled_q4_lo(v0[1]), x11_2, fma(scaled_q4_hi(v0[0]), x11_1, scaled_q4_lo(v0[0]) * x11_0))))))), vec4f(1.0));
    let s0_12 = dot(fma(scaled_q4_hi(v0[3]), x12_7, fma(scaled_q4_lo(v0[3]), x12_6, fma(scaled_q4_hi(v0[2]), x12_5, fma(scaled_q4_lo(v0[2]), x12_4, fma(scaled_q4_hi(v0[1]), x12_3, fma(scaled_q4_lo(v0[1]), x12_2, fma(scaled_q4_hi(v0[0]), x12_1, scaled_q4_lo(v0[0]) * x12_0))))))), vec4f(1.0));
    let s0_13 = dot(fma(scaled_q4_hi(v0[3]), x13_7, fma(scaled_q4_lo(v0[3]), x13_6, fma(scaled_q4_hi(v0[2]), x13_5, fma(scaled_q4_lo(v0[2]), x13_4, fma(scaled_q4_hi(v0[1]), x13_3, fma(scaled_q4_lo(v0[1]), x13_2, fma(scaled_q4_hi(v0[0]), x13_1, scaled_q4_lo(v0[0]) * x13_0))))))), vec4f(1.0));
    let s0_14 = dot(fma(scaled_q4_hi(v0[3]), x14_7, fma(scaled_q4_lo(v0[3]), x14_6, fma(scaled_q4_hi(v0[2]), x14_5, fma(scaled_q4_lo(v0[2]), x14_4, fma(scaled_q4_hi(v0[1]), x14_3, fma(scaled_q4_lo(v0[1]), x14_2, fma(scaled_q4_hi(v0[0]), x14_1, scaled_q4_lo(v0[0]) * x14_0))))))), vec4f(1.0));
    let s0_15 = dot(fma(scaled_q4_hi(v0[3]), x15_7, fma(scaled_q4_lo(v0[3]), x15_6, fma(scaled_q4_hi(v0[2]), x15_5, fma(scaled_q4_lo(v0[2]), x15_4, fma(scaled_q4_hi(v0[1]), x15_3, fma(scaled_q4_lo(v0[1]), x15_2, fma(scaled_q4_hi(v0[0]), x15_1, scaled_q4_lo(v0[0]) * x15_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let s1_1 = dot(fma(scaled_q4_hi(v1[3]), x1_7, fma(scaled_q4_lo(v1[3]), x1_6, fma(scaled_q4_hi(v1[2]), x1_5, fma(scaled_q4_lo(v1[2]), x1_4, fma(scaled_q4_hi(v1[1]), x1_3, fma(scaled_q4_lo(v1[1]), x1_2, fma(scaled_q4_hi(v1[0]), x1_1, scaled_q4_lo(v1[0]) * x1_0))))))), vec4f(1.0));
    let s1_2 = dot(fma(scaled_q4_hi(v1[3]), x2_7, fma(scaled_q4_lo(v1[3]), x2_6, fma(scaled_q4_hi(v1[2]), x2_5, fma(scaled_q4_lo(v1[2]), x2_4, fma(scaled_q4_hi(v1[1]), x2_3, fma(scaled_q4_lo(v1[1]), x2_2, fma(scaled_q4_hi(v1[0]), x2_1, scaled_q4_lo(v1[0]) * x2_0))))))), vec4f(1.0));
    let s1_3 = dot(fma(scaled_q4_hi(v1[3]), x3_7, fma(scaled_q4_lo(v1[3]), x3_6, fma(scaled_q4_hi(v1[2]), x3_5, fma(scaled_q4_lo(v1[2]), x3_4, fma(scaled_q4_hi(v1[1]), x3_3, fma(scaled_q4_lo(v1[1]), x3_2, fma(scaled_q4_hi(v1[0]), x3_1, scaled_q4_lo(v1[0]) * x3_0))))))), vec4f(1.0));
    let s1_4 = dot(fma(scaled_q4_hi(v1[3]), x4_7, fma(scaled_q4_lo(v1[3]), x4_6, fma(scaled_q4_hi(v1[2]), x4_5, fma(scaled_q4_lo(v1[2]), x4_4, fma(scaled_q4_hi(v1[1]), x4_3, fma(scaled_q4_lo(v1[1]), x4_2, fma(scaled_q4_hi(v1[0]), x4_1, scaled_q4_lo(v1[0]) * x4_0))))))), vec4f(1.0));
    let s1_5 = dot(fma(scaled_q4_hi(v1[3]), x5_7, fma(scaled_q4_lo(v1[3]), x5_6, fma(scaled_q4_hi(v1[2]), x5_5, fma(scaled_q4_lo(v1[2]), x5_4, fma(scaled_q4_hi(v1[1]), x5_3, fma(scaled_q4_lo(v1[1]), x5_2, fma(scaled_q4_hi(v1[0]), x5_1, scaled_q4_lo(v1[0]) * x5_0))))))), vec4f(1.0));
    let s1_6 = dot(fma(scaled_q4_hi(v1[3]), x6_7, fma(scaled_q4_lo(v1[3]), x6_6, fma(scaled_q4_hi(v1[2]), x6_5, fma(scaled_q4_lo(v1[2]), x6_4, fma(scaled_q4_hi(v1[1]), x6_3, fma(scaled_q4_lo(v1[1]), x6_2, fma(scaled_q4_hi(v1[0]), x6_1, scaled_q4_lo(v1[0]) * x6_0))))))), vec4f(1.0));
    let s1_7 = dot(fma(scaled_q4_hi(v1[3]), x7_7, fma(scaled_q4_lo(v1[3]), x7_6, fma(scaled_q4_hi(v1[2]), x7_5, fma(scaled_q4_lo(v1[2]), x7_4, fma(scaled_q4_hi(v1[1]), x7_3, fma(scaled_q4_lo(v1[1]), x7_2, fma(scaled_q4_hi(v1[0]), x7_1, scaled_q4_lo(v1[0]) * x7_0))))))), vec4f(1.0));
    let s1_8 = dot(fma(scaled_q4_hi(v1[3]), x8_7, fma(scaled_q4_lo(v1[3]), x8_6, fma(scaled_q4_hi(v1[2]), x8_5, fma(scaled_q4_lo(v1[2]), x8_4, fma(scaled_q4_hi(v1[1]), x8_3, fma(scaled_q4_lo(v1[1]), x8_2, fma(scaled_q4_hi(v1[0]), x8_1, scaled_q4_lo(v1[0]) * x8_0))))))), vec4f(1.0));
    let s1_9 = dot(fma(scaled_q4_hi(v1[3]), x9_7, fma(scaled_q4_lo(v1[3]), x9_6, fma(scaled_q4_hi(v1[2]), x9_5, fma(scaled_q4_lo(v1[2]), x9_4, fma(scaled_q4_hi(v1[1]), x9_3, fma(scaled_q4_lo(v1[1]), x9_2, fma(scaled_q4_hi(v1[0]), x9_1, scaled_q4_lo(v1[0]) * x9_0))))))), vec4f(1.0));
    let s1_10 = dot(fma(scaled_q4_hi(v1[3]), x10_7, fma(scaled_q4_lo(v1[3]), x10_6, fma(scaled_q4_hi(v1[2]), x10_5, fma(scaled_q4_lo(v1[2]), x10_4, fma(scaled_q4_hi(v1[1]), x10_3, fma(scaled_q4_lo(v1[1]), x10_2, fma(scaled_q4_hi(v1[0]), x10_1, scaled_q4_lo(v1[0]) * x10_0))))))), vec4f(1.0));
    let s1_11 = dot(fma(scaled_q4_hi(v1[3]), x11_7, fma(scaled_q4_lo(v1[3]), x11_6, fma(scaled_q4_hi(v1[2]), x11_5, fma(scaled_q4_lo(v1[2]), x11_4, fma(scaled_q4_hi(v1[1]), x11_3, fma(scaled_q4_lo(v1[1]), x11_2, fma(scaled_q4_hi(v1[0]), x11_1, scaled_q4_lo(v1[0]) * x11_0))))))), vec4f(1.0));
    let s1_12 = dot(fma(scaled_q4_hi(v1[3]), x12_7, fma(scaled_q4_lo(v1[3]), x12_6, fma(scaled_q4_hi(v1[2]), x12_5, fma(scaled_q4_lo(v1[2]), x12_4, fma(scaled_q4_hi(v1[1]), x12_3, fma(scaled_q4_lo(v1[1]), x12_2, fma(scaled_q4_hi(v1[0]), x12_1, scaled_q4_lo(v1[0]) * x12_0))))))), vec4f(1.0));
    let s1_13 = dot(fma(scaled_q4_hi(v1[3]), x13_7, fma(scaled_q4_lo(v1[3]), x13_6, fma(scaled_q4_hi(v1[2]), x13_5, fma(scaled_q4_lo(v1[2]), x13_4, fma(scaled_q4_hi(v1[1]), x13_3, fma(scaled_q4_lo(v1[1]), x13_2, fma(scaled_q4_hi(v1[0]), x13_1, scaled_q4_lo(v1[0]) * x13_0))))))), vec4f(1.0));
    let s1_14 = dot(fma(scaled_q4_hi(v1[3]), x14_7, fma(scaled_q4_lo(v1[3]), x14_6, fma(scaled_q4_hi(v1[2]), x14_5, fma(scaled_q4_lo(v1[2]), x14_4, fma(scaled_q4_hi(v1[1]), x14_3, fma(scaled_q4_lo(v1[1]), x14_2, fma(scaled_q4_hi(v1[0]), x14_1, scaled_q4_lo(v1[0]) * x14_0))))))), vec4f(1.0));
    let s1_15 = dot(fma(scaled_q4_hi(v1[3]), x15_7, fma(scaled_q4_lo(v1[3]), x15_6, fma(scaled_q4_hi(v1[2]), x15_5, fma(scaled_q4_lo(v1[2]), x15_4, fma(scaled_q4_hi(v1[1]), x15_3, fma(scaled_q4_lo(v1[1]), x15_2, fma(scaled_q4_hi(v1[0]), x15_1, scaled_q4_lo(v1[0]) * x15_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let s2_1 = dot(fma(scaled_q4_hi(v2[3]), x1_7, fma(scaled_q4_lo(v2[3]), x1_6, fma(scaled_q4_hi(v2[2]), x1_5, fma(scaled_q4_lo(v2[2]), x1_4, fma(scaled_q4_hi(v2[1]), x1_3, fma(scaled_q4_lo(v2[1]), x1_2, fma(scaled_q4_hi(v2[0]), x1_1, scaled_q4_lo(v2[0]) * x1_0))))))), vec4f(1.0));
    let s2_2 = dot(fma(scaled_q4_hi(v2[3]), x2_7, fma(scaled_q4_lo(v2[3]), x2_6, fma(scaled_q4_hi(v2[2]), x2_5, fma(scaled_q4_lo(v2[2]), x2_4, fma(scaled_q4_hi(v2[1]), x2_3, fma(scaled_q4_lo(v2[1]), x2_2, fma(scaled_q4_hi(v2[0]), x2_1, scaled_q4_lo(v2[0]) * x2_0))))))), vec4f(1.0));
    let s2_3 = dot(fma(scaled_q4_hi(v2[3]), x3_7, fma(scaled_q4_lo(v2[3]), x3_6, fma(scaled_q4_hi(v2[2]), x3_5, fma(scaled_q4_lo(v2[2]), x3_4, fma(scaled_q4_hi(v2[1]), x3_3, fma(scaled_q4_lo(v2[1]), x3_2, fma(scaled_q4_hi(v2[0]), x3_1, scaled_q4_lo(v2[0]) * x3_0))))))), vec4f(1.0));
    let s2_4 = dot(fma(scaled_q4_hi(v2[3]), x4_7, fma(scaled_q4_lo(v2[3]), x4_6, fma(scaled_q4_hi(v2[2]), x4_5, fma(scaled_q4_lo(v2[2]), x4_4, fma(scaled_q4_hi(v2[1]), x4_3, fma(scaled_q4_lo(v2[1]), x4_2, fma(scaled_q4_hi(v2[0]), x4_1, scaled_q4_lo(v2[0]) * x4_0))))))), vec4f(1.0));
    let s2_5 = dot(fma(scaled_q4_hi(v2[3]), x5_7, fma(scaled_q4_lo(v2[3]), x5_6, fma(scaled_q4_hi(v2[2]), x5_5, fma(scaled_q4_lo(v2[2]), x5_4, fma(scaled_q4_hi(v2[1]), x5_3, fma(scaled_q4_lo(v2[1]), x5_2, fma(scaled_q4_hi(v2[0]), x5_1, scaled_q4_lo(v2[0]) * x5_0))))))), vec4f(1.0));
    let s2_6 = dot(fma(scaled_q4_hi(v2[3]), x6_7, fma(scaled_q4_lo(v2[3]), x6_6, fma(scaled_q4_hi(v2[2]), x6_5, fma(scaled_q4_lo(v2[2]), x6_4, fma(scaled_q4_hi(v2[1]), x6_3, fma(scaled_q4_lo(v2[1]), x6_2, fma(scaled_q4_hi(v2[0]), x6_1, scaled_q4_lo(v2[0]) * x6_0))))))), vec4f(1.0));
    let s2_7 = dot(fma(scaled_q4_hi(v2[3]), x7_7, fma(scaled_q4_lo(v2[3]), x7_6, fma(scaled_q4_hi(v2[2]), x7_5, fma(scaled_q4_lo(v2[2]), x7_4, fma(scaled_q4_hi(v2[1]), x7_3, fma(scaled_q4_lo(v2[1]), x7_2, fma(scaled_q4_hi(v2[0]), x7_1, scaled_q4_lo(v2[0]) * x7_0))))))), vec4f(1.0));
    let s2_8 = dot(fma(scaled_q4_hi(v2[3]), x8_7, fma(scaled_q4_lo(v2[3]), x8_6, fma(scaled_q4_hi(v2[2]), x8_5, fma(scaled_q4_lo(v2[2]), x8_4, fma(scaled_q4_hi(v2[1]), x8_3, fma(scaled_q4_lo(v2[1]), x8_2, fma(scaled_q4_hi(v2[0]), x8_1, scaled_q4_lo(v2[0]) * x8_0))))))), vec4f(1.0));
    let s2_9 = dot(fma(scaled_q4_hi(v2[3]), x9_7, fma(scaled_q4_lo(v2[3]), x9_6, fma(scaled_q4_hi(v2[2]), x9_5, fma(scaled_q4_lo(v2[2]), x9_4, fma(scaled_q4_hi(v2[1]), x9_3, fma(scaled_q4_lo(v2[1]), x9_2, fma(scaled_q4_hi(v2[0]), x9_1, scaled_q4_lo(v2[0]) * x9_0))))))), vec4f(1.0));
    let s2_10 = dot(fma(scaled_q4_hi(v2[3]), x10_7, fma(scaled_q4_lo(v2[3]), x10_6, fma(scaled_q4_hi(v2[2]), x10_5, fma(scaled_q4_lo(v2[2]), x10_4, fma(scaled_q4_hi(v2[1]), x10_3, fma(scaled_q4_lo(v2[1]), x10_2, fma(scaled_q4_hi(v2[0]), x10_1, scaled_q4_lo(v2[0]) * x10_0))))))), vec4f(1.0));
    let s2_11 = dot(fma(scaled_q4_hi(v2[3]), x11_7, fma(scaled_q4_lo(v2[3]), x11_6, fma(scaled_q4_hi(v2[2]), x11_5, fma(scaled_q4_lo(v2[2]), x11_4, fma(scaled_q4_hi(v2[1]), x11_3, fma(scaled_q4_lo(v2[1]), x11_2, fma(scaled_q4_hi(v2[0]), x11_1, scaled_q4_lo(v2[0]) * x11_0))))))), vec4f(1.0));
    let s2_12 = dot(fma(scaled_q4_hi(v2[3]), x12_7, fma(scaled_q4_lo(v2[3]), x12_6, fma(scaled_q4_hi(v2[2]), x12_5, fma(scaled_q4_lo(v2[2]), x12_4, fma(scaled_q4_hi(v2[1]), x12_3, fma(scaled_q4_lo(v2[1]), x12_2, fma(scaled_q4_hi(v2[0]), x12_1, scaled_q4_lo(v2[0]) * x12_0))))))), vec4f(1.0));
    let s2_13 = dot(fma(scaled_q4_hi(v2[3]), x13_7, fma(scaled_q4_lo(v2[3]), x13_6, fma(scaled_q4_hi(v2[2]), x13_5, fma(scaled_q4_lo(v2[2]), x13_4, fma(scaled_q4_hi(v2[1]), x13_3, fma(scaled_q4_lo(v2[1]), x13_2, fma(scaled_q4_hi(v2[0]), x13_1, scaled_q4_lo(v2[0]) * x13_0))))))), vec4f(1.0));
    let s2_14 = dot(fma(scaled_q4_hi(v2[3]), x14_7, fma(scaled_q4_lo(v2[3]), x14_6, fma(scaled_q4_hi(v2[2]), x14_5, fma(scaled_q4_lo(v2[2]), x14_4, fma(scaled_q4_hi(v2[1]), x14_3, fma(scaled_q4_lo(v2[1]), x14_2, fma(scaled_q4_hi(v2[0]), x14_1, scaled_q4_lo(v2[0]) * x14_0))))))), vec4f(1.0));
    let s2_15 = dot(fma(scaled_q4_hi(v2[3]), x15_7, fma(scaled_q4_lo(v2[3]), x15_6, fma(scaled_q4_hi(v2[2]), x15_5, fma(scaled_q4_lo(v2[2]), x15_4, fma(scaled_q4_hi(v2[1]), x15_3, fma(scaled_q4_lo(v2[1]), x15_2, fma(scaled_q4_hi(v2[0]), x15_1, scaled_q4_lo(v2[0]) * x15_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let s3_1 = dot(fma(scaled_q4_hi(v3[3]), x1_7, fma(scaled_q4_lo(v3[3]), x1_6, fma(scaled_q4_hi(v3[2]), x1_5, fma(scaled_q4_lo(v3[2]), x1_4, fma(scaled_q4_hi(v3[1]), x1_3, fma(scaled_q4_lo(v3[1]), x1_2, fma(scaled_q4_hi(v3[0]), x1_1, scaled_q4_lo(v3[0]) * x1_0))))))), vec4f(1.0));
    let s3_2 = dot(fma(scaled_q4_hi(v3[3]), x2_7, fma(scaled_q4_lo(v3[3]), x2_6, fma(scaled_q4_hi(v3[2]), x2_5, fma(scaled_q4_lo(v3[2]), x2_4, fma(scaled_q4_hi(v3[1]), x2_3, fma(scaled_q4_lo(v3[1]), x2_2, fma(scaled_q4_hi(v3[0]), x2_1, scaled_q4_lo(v3[0]) * x2_0))))))), vec4f(1.0));
    let s3_3 = dot(fma(scaled_q4_hi(v3[3]), x3_7, fma(scaled_q4_lo(v3[3]), x3_6, fma(scaled_q4_hi(v3[2]), x3_5, fma(scaled_q4_lo(v3[2]), x3_4, fma(scaled_q4_hi(v3[1]), x3_3, fma(scaled_q4_lo(v3[1]), x3_2, fma(scaled_q4_hi(v3[0]), x3_1, scaled_q4_lo(v3[0]) * x3_0))))))), vec4f(1.0));
    let s3_4 = dot(fma(scaled_q4_hi(v3[3]), x4_7, fma(scaled_q4_lo(v3[3]), x4_6, fma(scaled_q4_hi(v3[2]), x4_5, fma(scaled_q4_lo(v3[2]), x4_4, fma(scaled_q4_hi(v3[1]), x4_3, fma(scaled_q4_lo(v3[1]), x4_2, fma(scaled_q4_hi(v3[0]), x4_1, scaled_q4_lo(v3[0]) * x4_0))))))), vec4f(1.0));
    let s3_5 = dot(fma(scaled_q4_hi(v3[3]), x5_7, fma(scaled_q4_lo(v3[3]), x5_6, fma(scaled_q4_hi(v3[2]), x5_5, fma(scaled_q4_lo(v3[2]), x5_4, fma(scaled_q4_hi(v3[1]), x5_3, fma(scaled_q4_lo(v3[1]), x5_2, fma(scaled_q4_hi(v3[0]), x5_1, scaled_q4_lo(v3[0]) * x5_0))))))), vec4f(1.0));
    let s3_6 = dot(fma(scaled_q4_hi(v3[3]), x6_7, fma(scaled_q4_lo(v3[3]), x6_6, fma(scaled_q4_hi(v3[2]), x6_5, fma(scaled_q4_lo(v3[2]), x6_4, fma(scaled_q4_hi(v3[1]), x6_3, fma(scaled_q4_lo(v3[1]), x6_2, fma(scaled_q4_hi(v3[0]), x6_1, scaled_q4_lo(v3[0]) * x6_0))))))), vec4f(1.0));
    let s3_7 = dot(fma(scaled_q4_hi(v3[3]), x7_7, fma(scaled_q4_lo(v3[3]), x7_6, fma(scaled_q4_hi(v3[2]), x7_5, fma(scaled_q4_lo(v3[2]), x7_4, fma(scaled_q4_hi(v3[1]), x7_3, fma(scaled_q4_lo(v3[1]), x7_2, fma(scaled_q4_hi(v3[0]), x7_1, scaled_q4_lo(v3[0]) * x7_0))))))), vec4f(1.0));
    let s3_8 = dot(fma(scaled_q4_hi(v3[3]), x8_7, fma(scaled_q4_lo(v3[3]), x8_6, fma(scaled_q4_hi(v3[2]), x8_5, fma(scaled_q4_lo(v3[2]), x8_4, fma(scaled_q4_hi(v3[1]), x8_3, fma(scaled_q4_lo(v3[1]), x8_2, fma(scaled_q4_hi(v3[0]), x8_1, scaled_q4_lo(v3[0]) * x8_0))))))), vec4f(1.0));
    let s3_9 = dot(fma(scaled_q4_hi(v3[3]), x9_7, fma(scaled_q4_lo(v3[3]), x9_6, fma(scaled_q4_hi(v3[2]), x9_5, fma(scaled_q4_lo(v3[2]), x9_4, fma(scaled_q4_hi(v3[1]), x9_3, fma(scaled_q4_lo(v3[1]), x9_2, fma(scaled_q4_hi(v3[0]), x9_1, scaled_q4_lo(v3[0]) * x9_0))))))), vec4f(1.0));
    let s3_10 = dot(fma(scaled_q4_hi(v3[3]), x10_7, fma(scaled_q4_lo(v3[3]), x10_6, fma(scaled_q4_hi(v3[2]), x10_5, fma(scaled_q4_lo(v3[2]), x10_4, fma(scaled_q4_hi(v3[1]), x10_3, fma(scaled_q4_lo(v3[1]), x10_2, fma(scaled_q4_hi(v3[0]), x10_1, scaled_q4_lo(v3[0]) * x10_0))))))), vec4f(1.0));
    let s3_11 = dot(fma(scaled_q4_hi(v3[3]), x11_7, fma(scaled_q4_lo(v3[3]), x11_6, fma(scaled_q4_hi(v3[2]), x11_5, fma(scaled_q4_lo(v3[2]), x11_4, fma(scaled_q4_hi(v3[1]), x11_3, fma(scaled_q4_lo(v3[1]), x11_2, fma(scaled_q4_hi(v3[0]), x11_1, scaled_q4_lo(v3[0]) * x11_0))))))), vec4f(1.0));
    let s3_12 = dot(fma(scaled_q4_hi(v3[3]), x12_7, fma(scaled_q4_lo(v3[3]), x12_6, fma(scaled_q4_hi(v3[2]), x12_5, fma(scaled_q4_lo(v3[2]), x12_4, fma(scaled_q4_hi(v3[1]), x12_3, fma(scaled_q4_lo(v3[1]), x12_2, fma(scaled_q4_hi(v3[0]), x12_1, scaled_q4_lo(v3[0]) * x12_0))))))), vec4f(1.0));
    let s3_13 = dot(fma(scaled_q4_hi(v3[3]), x13_7, fma(scaled_q4_lo(v3[3]), x13_6, fma(scaled_q4_hi(v3[2]), x13_5, fma(scaled_q4_lo(v3[2]), x13_4, fma(scaled_q4_hi(v3[1]), x13_3, fma(scaled_q4_lo(v3[1]), x13_2, fma(scaled_q4_hi(v3[0]), x13_1, scaled_q4_lo(v3[0]) * x13_0))))))), vec4f(1.0));
    let s3_14 = dot(fma(scaled_q4_hi(v3[3]), x14_7, fma(scaled_q4_lo(v3[3]), x14_6, fma(scaled_q4_hi(v3[2]), x14_5, fma(scaled_q4_lo(v3[2]), x14_4, fma(scaled_q4_hi(v3[1]), x14_3, fma(scaled_q4_lo(v3[1]), x14_2, fma(scaled_q4_hi(v3[0]), x14_1, scaled_q4_lo(v3[0]) * x14_0))))))), vec4f(1.0));
    let s3_15 = dot(fma(scaled_q4_hi(v3[3]), x15_7, fma(scaled_q4_lo(v3[3]), x15_6, fma(scaled_q4_hi(v3[2]), x15_5, fma(scaled_q4_lo(v3[2]), x15_4, fma(scaled_q4_hi(v3[1]), x15_3, fma(scaled_q4_lo(v3[1]), x15_2, fma(scaled_q4_hi(v3[0]), x15_1, scaled_q4_lo(v3[0]) * x15_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let s4_1 = dot(fma(scaled_q4_hi(v4[3]), x1_7, fma(scaled_q4_lo(v4[3]), x1_6, fma(scaled_q4_hi(v4[2]), x1_5, fma(scaled_q4_lo(v4[2]), x1_4, fma(scaled_q4_hi(v4[1]), x1_3, fma(scaled_q4_lo(v4[1]), x1_2, fma(scaled_q4_hi(v4[0]), x1_1, scaled_q4_lo(v4[0]) * x1_0))))))), vec4f(1.0));
    let s4_2 = dot(fma(scaled_q4_hi(v4[3]), x2_7, fma(scaled_q4_lo(v4[3]), x2_6, fma(scaled_q4_hi(v4[2]), x2_5, fma(scaled_q4_lo(v4[2]), x2_4, fma(scaled_q4_hi(v4[1]), x2_3, fma(scaled_q4_lo(v4[1]), x2_2, fma(scaled_q4_hi(v4[0]), x2_1, scaled_q4_lo(v4[0]) * x2_0))))))), vec4f(1.0));
    let s4_3 = dot(fma(scaled_q4_hi(v4[3]), x3_7, fma(scaled_q4_lo(v4[3]), x3_6, fma(scaled_q4_hi(v4[2]), x3_5, fma(scaled_q4_lo(v4[2]), x3_4, fma(scaled_q4_hi(v4[1]), x3_3, fma(scaled_q4_lo(v4[1]), x3_2, fma(scaled_q4_hi(v4[0]), x3_1, scaled_q4_lo(v4[0]) * x3_0))))))), vec4f(1.0));
    let s4_4 = dot(fma(scaled_q4_hi(v4[3]), x4_7, fma(scaled_q4_lo(v4[3]), x4_6, fma(scaled_q4_hi(v4[2]), x4_5, fma(scaled_q4_lo(v4[2]), x4_4, fma(scaled_q4_hi(v4[1]), x4_3, fma(scaled_q4_lo(v4[1]), x4_2, fma(scaled_q4_hi(v4[0]), x4_1, scaled_q4_lo(v4[0]) * x4_0))))))), vec4f(1.0));
    let s4_5 = dot(fma(scaled_q4_hi(v4[3]), x5_7, fma(scaled_q4_lo(v4[3]), x5_6, fma(scaled_q4_hi(v4[2]), x5_5, fma(scaled_q4_lo(v4[2]), x5_4, fma(scaled_q4_hi(v4[1]), x5_3, fma(scaled_q4_lo(v4[1]), x5_2, fma(scaled_q4_hi(v4[0]), x5_1, scaled_q4_lo(v4[0]) * x5_0))))))), vec4f(1.0));
    let s4_6 = dot(fma(scaled_q4_hi(v4[3]), x6_7, fma(scaled_q4_lo(v4[3]), x6_6, fma(scaled_q4_hi(v4[2]), x6_5, fma(scaled_q4_lo(v4[2]), x6_4, fma(scaled_q4_hi(v4[1]), x6_3, fma(scaled_q4_lo(v4[1]), x6_2, fma(scaled_q4_hi(v4[0]), x6_1, scaled_q4_lo(v4[0]) * x6_0))))))), vec4f(1.0));
    let s4_7 = dot(fma(scaled_q4_hi(v4[3]), x7_7, fma(scaled_q4_lo(v4[3]), x7_6, fma(scaled_q4_hi(v4[2]), x7_5, fma(scaled_q4_lo(v4[2]), x7_4, fma(scaled_q4_hi(v4[1]), x7_3, fma(scaled_q4_lo(v4[1]), x7_2, fma(scaled_q4_hi(v4[0]), x7_1, scaled_q4_lo(v4[0]) * x7_0))))))), vec4f(1.0));
    let s4_8 = dot(fma(scaled_q4_hi(v4[3]), x8_7, fma(scaled_q4_lo(v4[3]), x8_6, fma(scaled_q4_hi(v4[2]), x8_5, fma(scaled_q4_lo(v4[2]), x8_4, fma(scaled_q4_hi(v4[1]), x8_3, fma(scaled_q4_lo(v4[1]), x8_2, fma(scaled_q4_hi(v4[0]), x8_1, scaled_q4_lo(v4[0]) * x8_0))))))), vec4f(1.0));
    let s4_9 = dot(fma(scaled_q4_hi(v4[3]), x9_7, fma(scaled_q4_lo(v4[3]), x9_6, fma(scaled_q4_hi(v4[2]), x9_5, fma(scaled_q4_lo(v4[2]), x9_4, fma(scaled_q4_hi(v4[1]), x9_3, fma(scaled_q4_lo(v4[1]), x9_2, fma(scaled_q4_hi(v4[0]), x9_1, scaled_q4_lo(v4[0]) * x9_0))))))), vec4f(1.0));
    let s4_10 = dot(fma(scaled_q4_hi(v4[3]), x10_7, fma(scaled_q4_lo(v4[3]), x10_6, fma(scaled_q4_hi(v4[2]), x10_5, fma(scaled_q4_lo(v4[2]), x10_4, fma(scaled_q4_hi(v4[1]), x10_3, fma(scaled_q4_lo(v4[1]), x10_2, fma(scaled_q4_hi(v4[0]), x10_1, scaled_q4_lo(v4[0]) * x10_0))))))), vec4f(1.0));
    let s4_11 = dot(fma(scaled_q4_hi(v4[3]), x11_7, fma(scaled_q4_lo(v4[3]), x11_6, fma(scaled_q4_hi(v4[2]), x11_5, fma(scaled_q4_lo(v4[2]), x11_4, fma(scaled_q4_hi(v4[1]), x11_3, fma(scaled_q4_lo(v4[1]), x11_2, fma(scaled_q4_hi(v4[0]), x11_1, scaled_q4_lo(v4[0]) * x11_0))))))), vec4f(1.0));
    let s4_12 = dot(fma(scaled_q4_hi(v4[3]), x12_7, fma(scaled_q4_lo(v4[3]), x12_6, fma(scaled_q4_hi(v4[2]), x12_5, fma(scaled_q4_lo(v4[2]), x12_4, fma(scaled_q4_hi(v4[1]), x12_3, fma(scaled_q4_lo(v4[1]), x12_2, fma(scaled_q4_hi(v4[0]), x12_1, scaled_q4_lo(v4[0]) * x12_0))))))), vec4f(1.0));
    let s4_13 = dot(fma(scaled_q4_hi(v4[3]), x13_7, fma(scaled_q4_lo(v4[3]), x13_6, fma(scaled_q4_hi(v4[2]), x13_5, fma(scaled_q4_lo(v4[2]), x13_4, fma(scaled_q4_hi(v4[1]), x13_3, fma(scaled_q4_lo(v4[1]), x13_2, fma(scaled_q4_hi(v4[0]), x13_1, scaled_q4_lo(v4[0]) * x13_0))))))), vec4f(1.0));
    let s4_14 = dot(fma(scaled_q4_hi(v4[3]), x14_7, fma(scaled_q4_lo(v4[3]), x14_6, fma(scaled_q4_hi(v4[2]), x14_5, fma(scaled_q4_lo(v4[2]), x14_4, fma(scaled_q4_hi(v4[1]), x14_3, fma(scaled_q4_lo(v4[1]), x14_2, fma(scaled_q4_hi(v4[0]), x14_1, scaled_q4_lo(v4[0]) * x14_0))))))), vec4f(1.0));
    let s4_15 = dot(fma(scaled_q4_hi(v4[3]), x15_7, fma(scaled_q4_lo(v4[3]), x15_6, fma(scaled_q4_hi(v4[2]), x15_5, fma(scaled_q4_lo(v4[2]), x15_4, fma(scaled_q4_hi(v4[1]), x15_3, fma(scaled_q4_lo(v4[1]), x15_2, fma(scaled_q4_hi(v4[0]), x15_1, scaled_q4_lo(v4[0]) * x15_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let s5_1 = dot(fma(scaled_q4_hi(v5[3]), x1_7, fma(scaled_q4_lo(v5[3]), x1_6, fma(scaled_q4_hi(v5[2]), x1_5, fma(scaled_q4_lo(v5[2]), x1_4, fma(scaled_q4_hi(v5[1]), x1_3, fma(scaled_q4_lo(v5[1]), x1_2, fma(scaled_q4_hi(v5[0]), x1_1, scaled_q4_lo(v5[0]) * x1_0))))))), vec4f(1.0));
    let s5_2 = dot(fma(scaled_q4_hi(v5[3]), x2_7, fma(scaled_q4_lo(v5[3]), x2_6, fma(scaled_q4_hi(v5[2]), x2_5, fma(scaled_q4_lo(v5[2]), x2_4, fma(scaled_q4_hi(v5[1]), x2_3, fma(scaled_q4_lo(v5[1]), x2_2, fma(scaled_q4_hi(v5[0]), x2_1, scaled_q4_lo(v5[0]) * x2_0))))))), vec4f(1.0));
    let s5_3 = dot(fma(scaled_q4_hi(v5[3]), x3_7, fma(scaled_q4_lo(v5[3]), x3_6, fma(scaled_q4_hi(v5[2]), x3_5, fma(scaled_q4_lo(v5[2]), x3_4, fma(scaled_q4_hi(v5[1]), x3_3, fma(scaled_q4_lo(v5[1]), x3_2, fma(scaled_q4_hi(v5[0]), x3_1, scaled_q4_lo(v5[0]) * x3_0))))))), vec4f(1.0));
    let s5_4 = dot(fma(scaled_q4_hi(v5[3]), x4_7, fma(scaled_q4_lo(v5[3]), x4_6, fma(scaled_q4_hi(v5[2]), x4_5, fma(scaled_q4_lo(v5[2]), x4_4, fma(scaled_q4_hi(v5[1]), x4_3, fma(scaled_q4_lo(v5[1]), x4_2, fma(scaled_q4_hi(v5[0]), x4_1, scaled_q4_lo(v5[0]) * x4_0))))))), vec4f(1.0));
    let s5_5 = dot(fma(scaled_q4_hi(v5[3]), x5_7, fma(scaled_q4_lo(v5[3]), x5_6, fma(scaled_q4_hi(v5[2]), x5_5, fma(scaled_q4_lo(v5[2]), x5_4, fma(scaled_q4_hi(v5[1]), x5_3, fma(scaled_q4_lo(v5[1]), x5_2, fma(scaled_q4_hi(v5[0]), x5_1, scaled_q4_lo(v5[0]) * x5_0))))))), vec4f(1.0));
    let s5_6 = dot(fma(scaled_q4_hi(v5[3]), x6_7, fma(scaled_q4_lo(v5[3]), x6_6, fma(scaled_q4_hi(v5[2]), x6_5, fma(scaled_q4_lo(v5[2]), x6_4, fma(scaled_q4_hi(v5[1]), x6_3, fma(scaled_q4_lo(v5[1]), x6_2, fma(scaled_q4_hi(v5[0]), x6_1, scaled_q4_lo(v5[0]) * x6_0))))))), vec4f(1.0));
    let s5_7 = dot(fma(scaled_q4_hi(v5[3]), x7_7, fma(scaled_q4_lo(v5[3]), x7_6, fma(scaled_q4_hi(v5[2]), x7_5, fma(scaled_q4_lo(v5[2]), x7_4, fma(scaled_q4_hi(v5[1]), x7_3, fma(scaled_q4_lo(v5[1]), x7_2, fma(scaled_q4_hi(v5[0]), x7_1, scaled_q4_lo(v5[0]) * x7_0))))))), vec4f(1.0));
    let s5_8 = dot(fma(scaled_q4_hi(v5[3]), x8_7, fma(scaled_q4_lo(v5[3]), x8_6, fma(scaled_q4_hi(v5[2]), x8_5, fma(scaled_q4_lo(v5[2]), x8_4, fma(scaled_q4_hi(v5[1]), x8_3, fma(scaled_q4_lo(v5[1]), x8_2, fma(scaled_q4_hi(v5[0]), x8_1, scaled_q4_lo(v5[0]) * x8_0))))))), vec4f(1.0));
    let s5_9 = dot(fma(scaled_q4_hi(v5[3]), x9_7, fma(scaled_q4_lo(v5[3]), x9_6, fma(scaled_q4_hi(v5[2]), x9_5, fma(scaled_q4_lo(v5[2]), x9_4, fma(scaled_q4_hi(v5[1]), x9_3, fma(scaled_q4_lo(v5[1]), x9_2, fma(scaled_q4_hi(v5[0]), x9_1, scaled_q4_lo(v5[0]) * x9_0))))))), vec4f(1.0));
    let s5_10 = dot(fma(scaled_q4_hi(v5[3]), x10_7, fma(scaled_q4_lo(v5[3]), x10_6, fma(scaled_q4_hi(v5[2]), x10_5, fma(scaled_q4_lo(v5[2]), x10_4, fma(scaled_q4_hi(v5[1]), x10_3, fma(scaled_q4_lo(v5[1]), x10_2, fma(scaled_q4_hi(v5[0]), x10_1, scaled_q4_lo(v5[0]) * x10_0))))))), vec4f(1.0));
    let s5_11 = dot(fma(scaled_q4_hi(v5[3]), x11_7, fma(scaled_q4_lo(v5[3]), x11_6, fma(scaled_q4_hi(v5[2]), x11_5, fma(scaled_q4_lo(v5[2]), x11_4, fma(scaled_q4_hi(v5[1]), x11_3, fma(scaled_q4_lo(v5[1]), x11_2, fma(scaled_q4_hi(v5[0]), x11_1, scaled_q4_lo(v5[0]) * x11_0))))))), vec4f(1.0));
    let s5_12 = dot(fma(scaled_q4_hi(v5[3]), x12_7, fma(scaled_q4_lo(v5[3]), x12_6, fma(scaled_q4_hi(v5[2]), x12_5, fma(scaled_q4_lo(v5[2]), x12_4, fma(scaled_q4_hi(v5[1]), x12_3, fma(scaled_q4_lo(v5[1]), x12_2, fma(scaled_q4_hi(v5[0]), x12_1, scaled_q4_lo(v5[0]) * x12_0))))))), vec4f(1.0));
    let s5_13 = dot(fma(scaled_q4_hi(v5[3]), x13_7, fma(scaled_q4_lo(v5[3]), x13_6, fma(scaled_q4_hi(v5[2]), x13_5, fma(scaled_q4_lo(v5[2]), x13_4, fma(scaled_q4_hi(v5[1]), x13_3, fma(scaled_q4_lo(v5[1]), x13_2, fma(scaled_q4_hi(v5[0]), x13_1, scaled_q4_lo(v5[0]) * x13_0))))))), vec4f(1.0));
    let s5_14 = dot(fma(scaled_q4_hi(v5[3]), x14_7, fma(scaled_q4_lo(v5[3]), x14_6, fma(scaled_q4_hi(v5[2]), x14_5, fma(scaled_q4_lo(v5[2]), x14_4, fma(scaled_q4_hi(v5[1]), x14_3, fma(scaled_q4_lo(v5[1]), x14_2, fma(scaled_q4_hi(v5[0]), x14_1, scaled_q4_lo(v5[0]) * x14_0))))))), vec4f(1.0));
    let s5_15 = dot(fma(scaled_q4_hi(v5[3]), x15_7, fma(scaled_q4_lo(v5[3]), x15_6, fma(scaled_q4_hi(v5[2]), x15_5, fma(scaled_q4_lo(v5[2]), x15_4, fma(scaled_q4_hi(v5[1]), x15_3, fma(scaled_q4_lo(v5[1]), x15_2, fma(scaled_q4_hi(v5[0]), x15_1, scaled_q4_lo(v5[0]) * x15_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let s6_1 = dot(fma(scaled_q4_hi(v6[3]), x1_7, fma(scaled_q4_lo(v6[3]), x1_6, fma(scaled_q4_hi(v6[2]), x1_5, fma(scaled_q4_lo(v6[2]), x1_4, fma(scaled_q4_hi(v6[1]), x1_3, fma(scaled_q4_lo(v6[1]), x1_2, fma(scaled_q4_hi(v6[0]), x1_1, scaled_q4_lo(v6[0]) * x1_0))))))), vec4f(1.0));
    let s6_2 = dot(fma(scaled_q4_hi(v6[3]), x2_7, fma(scaled_q4_lo(v6[3]), x2_6, fma(scaled_q4_hi(v6[2]), x2_5, fma(scaled_q4_lo(v6[2]), x2_4, fma(scaled_q4_hi(v6[1]), x2_3, fma(scaled_q4_lo(v6[1]), x2_2, fma(scaled_q4_hi(v6[0]), x2_1, scaled_q4_lo(v6[0]) * x2_0))))))), vec4f(1.0));
    let s6_3 = dot(fma(scaled_q4_hi(v6[3]), x3_7, fma(scaled_q4_lo(v6[3]), x3_6, fma(scaled_q4_hi(v6[2]), x3_5, fma(scaled_q4_lo(v6[2]), x3_4, fma(scaled_q4_hi(v6[1]), x3_3, fma(scaled_q4_lo(v6[1]), x3_2, fma(scaled_q4_hi(v6[0]), x3_1, scaled_q4_lo(v6[0]) * x3_0))))))), vec4f(1.0));
    let s6_4 = dot(fma(scaled_q4_hi(v6[3]), x4_7, fma(scaled_q4_lo(v6[3]), x4_6, fma(scaled_q4_hi(v6[2]), x4_5, fma(scaled_q4_lo(v6[2]), x4_4, fma(scaled_q4_hi(v6[1]), x4_3, fma(scaled_q4_lo(v6[1]), x4_2, fma(scaled_q4_hi(v6[0]), x4_1, scaled_q4_lo(v6[0]) * x4_0))))))), vec4f(1.0));
    let s6_5 = dot(fma(scaled_q4_hi(v6[3]), x5_7, fma(scaled_q4_lo(v6[3]), x5_6, fma(scaled_q4_hi(v6[2]), x5_5, fma(scaled_q4_lo(v6[2]), x5_4, fma(scaled_q4_hi(v6[1]), x5_3, fma(scaled_q4_lo(v6[1]), x5_2, fma(scaled_q4_hi(v6[0]), x5_1, scaled_q4_lo(v6[0]) * x5_0))))))), vec4f(1.0));
    let s6_6 = dot(fma(scaled_q4_hi(v6[3]), x6_7, fma(scaled_q4_lo(v6[3]), x6_6, fma(scaled_q4_hi(v6[2]), x6_5, fma(scaled_q4_lo(v6[2]), x6_4, fma(scaled_q4_hi(v6[1]), x6_3, fma(scaled_q4_lo(v6[1]), x6_2, fma(scaled_q4_hi(v6[0]), x6_1, scaled_q4_lo(v6[0]) * x6_0))))))), vec4f(1.0));
    let s6_7 = dot(fma(scaled_q4_hi(v6[3]), x7_7, fma(scaled_q4_lo(v6[3]), x7_6, fma(scaled_q4_hi(v6[2]), x7_5, fma(scaled_q4_lo(v6[2]), x7_4, fma(scaled_q4_hi(v6[1]), x7_3, fma(scaled_q4_lo(v6[1]), x7_2, fma(scaled_q4_hi(v6[0]), x7_1, scaled_q4_lo(v6[0]) * x7_0))))))), vec4f(1.0));
    let s6_8 = dot(fma(scaled_q4_hi(v6[3]), x8_7, fma(scaled_q4_lo(v6[3]), x8_6, fma(scaled_q4_hi(v6[2]), x8_5, fma(scaled_q4_lo(v6[2]), x8_4, fma(scaled_q4_hi(v6[1]), x8_3, fma(scaled_q4_lo(v6[1]), x8_2, fma(scaled_q4_hi(v6[0]), x8_1, scaled_q4_lo(v6[0]) * x8_0))))))), vec4f(1.0));
    let s6_9 = dot(fma(scaled_q4_hi(v6[3]), x9_7, fma(scaled_q4_lo(v6[3]), x9_6, fma(scaled_q4_hi(v6[2]), x9_5, fma(scaled_q4_lo(v6[2]), x9_4, fma(scaled_q4_hi(v6[1]), x9_3, fma(scaled_q4_lo(v6[1]), x9_2, fma(scaled_q4_hi(v6[0]), x9_1, scaled_q4_lo(v6[0]) * x9_0))))))), vec4f(1.0));
    let s6_10 = dot(fma(scaled_q4_hi(v6[3]), x10_7, fma(scaled_q4_lo(v6[3]), x10_6, fma(scaled_q4_hi(v6[2]), x10_5, fma(scaled_q4_lo(v6[2]), x10_4, fma(scaled_q4_hi(v6[1]), x10_3, fma(scaled_q4_lo(v6[1]), x10_2, fma(scaled_q4_hi(v6[0]), x10_1, scaled_q4_lo(v6[0]) * x10_0))))))), vec4f(1.0));
    let s6_11 = dot(fma(scaled_q4_hi(v6[3]), x11_7, fma(scaled_q4_lo(v6[3]), x11_6, fma(scaled_q4_hi(v6[2]), x11_5, fma(scaled_q4_lo(v6[2]), x11_4, fma(scaled_q4_hi(v6[1]), x11_3, fma(scaled_q4_lo(v6[1]), x11_2, fma(scaled_q4_hi(v6[0]), x11_1, scaled_q4_lo(v6[0]) * x11_0))))))), vec4f(1.0));
    let s6_12 = dot(fma(scaled_q4_hi(v6[3]), x12_7, fma(scaled_q4_lo(v6[3]), x12_6, fma(scaled_q4_hi(v6[2]), x12_5, fma(scaled_q4_lo(v6[2]), x12_4, fma(scaled_q4_hi(v6[1]), x12_3, fma(scaled_q4_lo(v6[1]), x12_2, fma(scaled_q4_hi(v6[0]), x12_1, scaled_q4_lo(v6[0]) * x12_0))))))), vec4f(1.0));
    let s6_13 = dot(fma(scaled_q4_hi(v6[3]), x13_7, fma(scaled_q4_lo(v6[3]), x13_6, fma(scaled_q4_hi(v6[2]), x13_5, fma(scaled_q4_lo(v6[2]), x13_4, fma(scaled_q4_hi(v6[1]), x13_3, fma(scaled_q4_lo(v6[1]), x13_2, fma(scaled_q4_hi(v6[0]), x13_1, scaled_q4_lo(v6[0]) * x13_0))))))), vec4f(1.0));
    let s6_14 = dot(fma(scaled_q4_hi(v6[3]), x14_7, fma(scaled_q4_lo(v6[3]), x14_6, fma(scaled_q4_hi(v6[2]), x14_5, fma(scaled_q4_lo(v6[2]), x14_4, fma(scaled_q4_hi(v6[1]), x14_3, fma(scaled_q4_lo(v6[1]), x14_2, fma(scaled_q4_hi(v6[0]), x14_1, scaled_q4_lo(v6[0]) * x14_0))))))), vec4f(1.0));
    let s6_15 = dot(fma(scaled_q4_hi(v6[3]), x15_7, fma(scaled_q4_lo(v6[3]), x15_6, fma(scaled_q4_hi(v6[2]), x15_5, fma(scaled_q4_lo(v6[2]), x15_4, fma(scaled_q4_hi(v6[1]), x15_3, fma(scaled_q4_lo(v6[1]), x15_2, fma(scaled_q4_hi(v6[0]), x15_1, scaled_q4_lo(v6[0]) * x15_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let s7_1 = dot(fma(scaled_q4_hi(v7[3]), x1_7, fma(scaled_q4_lo(v7[3]), x1_6, fma(scaled_q4_hi(v7[2]), x1_5, fma(scaled_q4_lo(v7[2]), x1_4, fma(scaled_q4_hi(v7[1]), x1_3, fma(scaled_q4_lo(v7[1]), x1_2, fma(scaled_q4_hi(v7[0]), x1_1, scaled_q4_lo(v7[0]) * x1_0))))))), vec4f(1.0));
    let s7_2 = dot(fma(scaled_q4_hi(v7[3]), x2_7, fma(scaled_q4_lo(v7[3]), x2_6, fma(scaled_q4_hi(v7[2]), x2_5, fma(scaled_q4_lo(v7[2]), x2_4, fma(scaled_q4_hi(v7[1]), x2_3, fma(scaled_q4_lo(v7[1]), x2_2, fma(scaled_q4_hi(v7[0]), x2_1, scaled_q4_lo(v7[0]) * x2_0))))))), vec4f(1.0));
    let s7_3 = dot(fma(scaled_q4_hi(v7[3]), x3_7, fma(scaled_q4_lo(v7[3]), x3_6, fma(scaled_q4_hi(v7[2]), x3_5, fma(scaled_q4_lo(v7[2]), x3_4, fma(scaled_q4_hi(v7[1]), x3_3, fma(scaled_q4_lo(v7[1]), x3_2, fma(scaled_q4_hi(v7[0]), x3_1, scaled_q4_lo(v7[0]) * x3_0))))))), vec4f(1.0));
    let s7_4 = dot(fma(scaled_q4_hi(v7[3]), x4_7, fma(scaled_q4_lo(v7[3]), x4_6, fma(scaled_q4_hi(v7[2]), x4_5, fma(scaled_q4_lo(v7[2]), x4_4, fma(scaled_q4_hi(v7[1]), x4_3, fma(scaled_q4_lo(v7[1]), x4_2, fma(scaled_q4_hi(v7[0]), x4_1, scaled_q4_lo(v7[0]) * x4_0))))))), vec4f(1.0));
    let s7_5 = dot(fma(scaled_q4_hi(v7[3]), x5_7, fma(scaled_q4_lo(v7[3]), x5_6, fma(scaled_q4_hi(v7[2]), x5_5, fma(scaled_q4_lo(v7[2]), x5_4, fma(scaled_q4_hi(v7[1]), x5_3, fma(scaled_q4_lo(v7[1]), x5_2, fma(scaled_q4_hi(v7[0]), x5_1, scaled_q4_lo(v7[0]) * x5_0))))))), vec4f(1.0));
    let s7_6 = dot(fma(scaled_q4_hi(v7[3]), x6_7, fma(scaled_q4_lo(v7[3]), x6_6, fma(scaled_q4_hi(v7[2]), x6_5, fma(scaled_q4_lo(v7[2]), x6_4, fma(scaled_q4_hi(v7[1]), x6_3, fma(scaled_q4_lo(v7[1]), x6_2, fma(scaled_q4_hi(v7[0]), x6_1, scaled_q4_lo(v7[0]) * x6_0))))))), vec4f(1.0));
    let s7_7 = dot(fma(scaled_q4_hi(v7[3]), x7_7, fma(scaled_q4_lo(v7[3]), x7_6, fma(scaled_q4_hi(v7[2]), x7_5, fma(scaled_q4_lo(v7[2]), x7_4, fma(scaled_q4_hi(v7[1]), x7_3, fma(scaled_q4_lo(v7[1]), x7_2, fma(scaled_q4_hi(v7[0]), x7_1, scaled_q4_lo(v7[0]) * x7_0))))))), vec4f(1.0));
    let s7_8 = dot(fma(scaled_q4_hi(v7[3]), x8_7, fma(scaled_q4_lo(v7[3]), x8_6, fma(scaled_q4_hi(v7[2]), x8_5, fma(scaled_q4_lo(v7[2]), x8_4, fma(scaled_q4_hi(v7[1]), x8_3, fma(scaled_q4_lo(v7[1]), x8_2, fma(scaled_q4_hi(v7[0]), x8_1, scaled_q4_lo(v7[0]) * x8_0))))))), vec4f(1.0));
    let s7_9 = dot(fma(scaled_q4_hi(v7[3]), x9_7, fma(scaled_q4_lo(v7[3]), x9_6, fma(scaled_q4_hi(v7[2]), x9_5, fma(scaled_q4_lo(v7[2]), x9_4, fma(scaled_q4_hi(v7[1]), x9_3, fma(scaled_q4_lo(v7[1]), x9_2, fma(scaled_q4_hi(v7[0]), x9_1, scaled_q4_lo(v7[0]) * x9_0))))))), vec4f(1.0));
    let s7_10 = dot(fma(scaled_q4_hi(v7[3]), x10_7, fma(scaled_q4_lo(v7[3]), x10_6, fma(scaled_q4_hi(v7[2]), x10_5, fma(scaled_q4_lo(v7[2]), x10_4, fma(scaled_q4_hi(v7[1]), x10_3, fma(scaled_q4_lo(v7[1]), x10_2, fma(scaled_q4_hi(v7[0]), x10_1, scaled_q4_lo(v7[0]) * x10_0))))))), vec4f(1.0));
    let s7_11 = dot(fma(scaled_q4_hi(v7[3]), x11_7, fma(scaled_q4_lo(v7[3]), x11_6, fma(scaled_q4_hi(v7[2]), x11_5, fma(scaled_q4_lo(v7[2]), x11_4, fma(scaled_q4_hi(v7[1]), x11_3, fma(scaled_q4_lo(v7[1]), x11_2, fma(scaled_q4_hi(v7[0]), x11_1, scaled_q4_lo(v7[0]) * x11_0))))))), vec4f(1.0));
    let s7_12 = dot(fma(scaled_q4_hi(v7[3]), x12_7, fma(scaled_q4_lo(v7[3]), x12_6, fma(scaled_q4_hi(v7[2]), x12_5, fma(scaled_q4_lo(v7[2]), x12_4, fma(scaled_q4_hi(v7[1]), x12_3, fma(scaled_q4_lo(v7[1]), x12_2, fma(scaled_q4_hi(v7[0]), x12_1, scaled_q4_lo(v7[0]) * x12_0))))))), vec4f(1.0));
    let s7_13 = dot(fma(scaled_q4_hi(v7[3]), x13_7, fma(scaled_q4_lo(v7[3]), x13_6, fma(scaled_q4_hi(v7[2]), x13_5, fma(scaled_q4_lo(v7[2]), x13_4, fma(scaled_q4_hi(v7[1]), x13_3, fma(scaled_q4_lo(v7[1]), x13_2, fma(scaled_q4_hi(v7[0]), x13_1, scaled_q4_lo(v7[0]) * x13_0))))))), vec4f(1.0));
    let s7_14 = dot(fma(scaled_q4_hi(v7[3]), x14_7, fma(scaled_q4_lo(v7[3]), x14_6, fma(scaled_q4_hi(v7[2]), x14_5, fma(scaled_q4_lo(v7[2]), x14_4, fma(scaled_q4_hi(v7[1]), x14_3, fma(scaled_q4_lo(v7[1]), x14_2, fma(scaled_q4_hi(v7[0]), x14_1, scaled_q4_lo(v7[0]) * x14_0))))))), vec4f(1.0));
    let s7_15 = dot(fma(scaled_q4_hi(v7[3]), x15_7, fma(scaled_q4_lo(v7[3]), x15_6, fma(scaled_q4_hi(v7[2]), x15_5, fma(scaled_q4_lo(v7[2]), x15_4, fma(scaled_q4_hi(v7[1]), x15_3, fma(scaled_q4_lo(v7[1]), x15_2, fma(scaled_q4_hi(v7[0]), x15_1, scaled_q4_lo(v7[0]) * x15_0))))))), vec4f(1.0));
    let v8 = w[min(row0 + 8u * WG + lid, last) * wpv + b * 1u + c];
    let s8_0 = dot(fma(scaled_q4_hi(v8[3]), x0_7, fma(scaled_q4_lo(v8[3]), x0_6, fma(scaled_q4_hi(v8[2]), x0_5, fma(scaled_q4_lo(v8[2]), x0_4, fma(scaled_q4_hi(v8[1]), x0_3, fma(scaled_q4_lo(v8[1]), x0_2, fma(scaled_q4_hi(v8[0]), x0_1, scaled_q4_lo(v8[0]) * x0_0))))))), vec4f(1.0));
    let s8_1 = dot(fma(scaled_q4_hi(v8[3]), x1_7, fma(scaled_q4_lo(v8[3]), x1_6, fma(scaled_q4_hi(v8[2]), x1_5, fma(scaled_q4_lo(v8[2]), x1_4, fma(scaled_q4_hi(v8[1]), x1_3, fma(scaled_q4_lo(v8[1]), x1_2, fma(scaled_q4_hi(v8[0]), x1_1, scaled_q4_lo(v8[0]) * x1_0))))))), vec4f(1.0));
    let s8_2 = dot(fma(scaled_q4_hi(v8[3]), x2_7, fma(scaled_q4_lo(v8[3]), x2_6, fma(scaled_q4_hi(v8[2]), x2_5, fma(scaled_q4_lo(v8[2]), x2_4, fma(scaled_q4_hi(v8[1]), x2_3, fma(scaled_q4_lo(v8[1]), x2_2, fma(scaled_q4_hi(v8[0]), x2_1, scaled_q4_lo(v8[0]) * x2_0))))))), vec4f(1.0));
    let s8_3 = dot(fma(scaled_q4_hi(v8[3]), x3_7, fma(scaled_q4_lo(v8[3]), x3_6, fma(scaled_q4_hi(v8[2]), x3_5, fma(scaled_q4_lo(v8[2]), x3_4, fma(scaled_q4_hi(v8[1]), x3_3, fma(scaled_q4_lo(v8[1]), x3_2, fma(scaled_q4_hi(v8[0]), x3_1, scaled_q4_lo(v8[0]) * x3_0))))))), vec4f(1.0));
    let s8_4 = dot(fma(scaled_q4_hi(v8[3]), x4_7, fma(scaled_q4_lo(v8[3]), x4_6, fma(scaled_q4_hi(v8[2]), x4_5, fma(scaled_q4_lo(v8[2]), x4_4, fma(scaled_q4_hi(v8[1]), x4_3, fma(scaled_q4_lo(v8[1]), x4_2, fma(scaled_q4_hi(v8[0]), x4_1, scaled_q4_lo(v8[0]) * x4_0))))))), vec4f(1.0));
    let s8_5 = dot(fma(scaled_q4_hi(v8[3]), x5_7, fma(scaled_q4_lo(v8[3]), x5_6, fma(scaled_q4_hi(v8[2]), x5_5, fma(scaled_q4_lo(v8[2]), x5_4, fma(scaled_q4_hi(v8[1]), x5_3, fma(scaled_q4_lo(v8[1]), x5_2, fma(scaled_q4_hi(v8[0]), x5_1, scaled_q4_lo(v8[0]) * x5_0))))))), vec4f(1.0));
    let s8_6 = dot(fma(scaled_q4_hi(v8[3]), x6_7, fma(scaled_q4_lo(v8[3]), x6_6, fma(scaled_q4_hi(v8[2]), x6_5, fma(scaled_q4_lo(v8[2]), x6_4, fma(scaled_q4_hi(v8[1]), x6_3, fma(scaled_q4_lo(v8[1]), x6_2, fma(scaled_q4_hi(v8[0]), x6_1, scaled_q4_lo(v8[0]) * x6_0))))))), vec4f(1.0));
    let s8_7 = dot(fma(scaled_q4_hi(v8[3]), x7_7, fma(scaled_q4_lo(v8[3]), x7_6, fma(scaled_q4_hi(v8[2]), x7_5, fma(scaled_q4_lo(v8[2]), x7_4, fma(scaled_q4_hi(v8[1]), x7_3, fma(scaled_q4_lo(v8[1]), x7_2, fma(scaled_q4_hi(v8[0]), x7_1, scaled_q4_lo(v8[0]) * x7_0))))))), vec4f(1.0));
    let s8_8 = dot(fma(scaled_q4_hi(v8[3]), x8_7, fma(scaled_q4_lo(v8[3]), x8_6, fma(scaled_q4_hi(v8[2]), x8_5, fma(scaled_q4_lo(v8[2]), x8_4, fma(scaled_q4_hi(v8[1]), x8_3, fma(scaled_q4_lo(v8[1]), x8_2, fma(scaled_q4_hi(v8[0]), x8_1, scaled_q4_lo(v8[0]) * x8_0))))))), vec4f(1.0));
    let s8_9 = dot(fma(scaled_q4_hi(v8[3]), x9_7, fma(scaled_q4_lo(v8[3]), x9_6, fma(scaled_q4_hi(v8[2]), x9_5, fma(scaled_q4_lo(v8[2]), x9_4, fma(scaled_q4_hi(v8[1]), x9_3, fma(scaled_q4_lo(v8[1]), x9_2, fma(scaled_q4_hi(v8[0]), x9_1, scaled_q4_lo(v8[0]) * x9_0))))))), vec4f(1.0));
    let s8_10 = dot(fma(scaled_q4_hi(v8[3]), x10_7, fma(scaled_q4_lo(v8[3]), x10_6, fma(scaled_q4_hi(v8[2]), x10_5, fma(scaled_q4_lo(v8[2]), x10_4, fma(scaled_q4_hi(v8[1]), x10_3, fma(scaled_q4_lo(v8[1]), x10_2, fma(scaled_q4_hi(v8[0]), x10_1, scaled_q4_lo(v8[0]) * x10_0))))))), vec4f(1.0));
    let s8_11 = dot(fma(scaled_q4_hi(v8[3]), x11_7, fma(scaled_q4_lo(v8[3]), x11_6, fma(scaled_q4_hi(v8[2]), x11_5, fma(scaled_q4_lo(v8[2]), x11_4, fma(scaled_q4_hi(v8[1]), x11_3, fma(scaled_q4_lo(v8[1]), x11_2, fma(scaled_q4_hi(v8[0]), x11_1, scaled_q4_lo(v8[0]) * x11_0))))))), vec4f(1.0));
    let s8_12 = dot(fma(scaled_q4_hi(v8[3]), x12_7, fma(scaled_q4_lo(v8[3]), x12_6, fma(scaled_q4_hi(v8[2]), x12_5, fma(scaled_q4_lo(v8[2]), x12_4, fma(scaled_q4_hi(v8[1]), x12_3, fma(scaled_q4_lo(v8[1]), x12_2, fma(scaled_q4_hi(v8[0]), x12_1, scaled_q4_lo(v8[0]) * x12_0))))))), vec4f(1.0));
    let s8_13 = dot(fma(scaled_q4_hi(v8[3]), x13_7, fma(scaled_q4_lo(v8[3]), x13_6, fma(scaled_q4_hi(v8[2]), x13_5, fma(scaled_q4_lo(v8[2]), x13_4, fma(scaled_q4_hi(v8[1]), x13_3, fma(scaled_q4_lo(v8[1]), x13_2, fma(scaled_q4_hi(v8[0]), x13_1, scaled_q4_lo(v8[0]) * x13_0))))))), vec4f(1.0));
    let s8_14 = dot(fma(scaled_q4_hi(v8[3]), x14_7, fma(scaled_q4_lo(v8[3]), x14_6, fma(scaled_q4_hi(v8[2]), x14_5, fma(scaled_q4_lo(v8[2]), x14_4, fma(scaled_q4_hi(v8[1]), x14_3, fma(scaled_q4_lo(v8[1]), x14_2, fma(scaled_q4_hi(v8[0]), x14_1, scaled_q4_lo(v8[0]) * x14_0))))))), vec4f(1.0));
    let s8_15 = dot(fma(scaled_q4_hi(v8[3]), x15_7, fma(scaled_q4_lo(v8[3]), x15_6, fma(scaled_q4_hi(v8[2]), x15_5, fma(scaled_q4_lo(v8[2]), x15_4, fma(scaled_q4_hi(v8[1]), x15_3, fma(scaled_q4_lo(v8[1]), x15_2, fma(scaled_q4_hi(v8[0]), x15_1, scaled_q4_lo(v8[0]) * x15_0))))))), vec4f(1.0));
    let v9 = w[min(row0 + 9u * WG + lid, last) * wpv + b * 1u + c];
    let s9_0 = dot(fma(scaled_q4_hi(v9[3]), x0_7, fma(scaled_q4_lo(v9[3]), x0_6, fma(scaled_q4_hi(v9[2]), x0_5, fma(scaled_q4_lo(v9[2]), x0_4, fma(scaled_q4_hi(v9[1]), x0_3, fma(scaled_q4_lo(v9[1]), x0_2, fma(scaled_q4_hi(v9[0]), x0_1, scaled_q4_lo(v9[0]) * x0_0))))))), vec4f(1.0));
    let s9_1 = dot(fma(scaled_q4_hi(v9[3]), x1_7, fma(scaled_q4_lo(v9[3]), x1_6, fma(scaled_q4_hi(v9[2]), x1_5, fma(scaled_q4_lo(v9[2]), x1_4, fma(scaled_q4_hi(v9[1]), x1_3, fma(scaled_q4_lo(v9[1]), x1_2, fma(scaled_q4_hi(v9[0]), x1_1, scaled_q4_lo(v9[0]) * x1_0))))))), vec4f(1.0));
    let s9_2 = dot(fma(scaled_q4_hi(v9[3]), x2_7, fma(scaled_q4_lo(v9[3]), x2_6, fma(scaled_q4_hi(v9[2]), x2_5, fma(scaled_q4_lo(v9[2]), x2_4, fma(scaled_q4_hi(v9[1]), x2_3, fma(scaled_q4_lo(v9[1]), x2_2, fma(scaled_q4_hi(v9[0]), x2_1, scaled_q4_lo(v9[0]) * x2_0))))))), vec4f(1.0));
    let s9_3 = dot(fma(scaled_q4_hi(v9[3]), x3_7, fma(scaled_q4_lo(v9[3]), x3_6, fma(scaled_q4_hi(v9[2]), x3_5, fma(scaled_q4_lo(v9[2]), x3_4, fma(scaled_q4_hi(v9[1]), x3_3, fma(scaled_q4_lo(v9[1]), x3_2, fma(scaled_q4_hi(v9[0]), x3_1, scaled_q4_lo(v9[0]) * x3_0))))))), vec4f(1.0));
    let s9_4 = dot(fma(scaled_q4_hi(v9[3]), x4_7, fma(scaled_q4_lo(v9[3]), x4_6, fma(scaled_q4_hi(v9[2]), x4_5, fma(scaled_q4_lo(v9[2]), x4_4, fma(scaled_q4_hi(v9[1]), x4_3, fma(scaled_q4_lo(v9[1]), x4_2, fma(scaled_q4_hi(v9[0]), x4_1, scaled_q4_lo(v9[0]) * x4_0))))))), vec4f(1.0));
    let s9_5 = dot(fma(scaled_q4_hi(v9[3]), x5_7, fma(scaled_q4_lo(v9[3]), x5_6, fma(scaled_q4_hi(v9[2]), x5_5, fma(scaled_q4_lo(v9[2]), x5_4, fma(scaled_q4_hi(v9[1]), x5_3, fma(scaled_q4_lo(v9[1]), x5_2, fma(scaled_q4_hi(v9[0]), x5_1, scaled_q4_lo(v9[0]) * x5_0))))))), vec4f(1.0));
    let s9_6 = dot(fma(scaled_q4_hi(v9[3]), x6_7, fma(scaled_q4_lo(v9[3]), x6_6, fma(scaled_q4_hi(v9[2]), x6_5, fma(scaled_q4_lo(v9[2]), x6_4, fma(scaled_q4_hi(v9[1]), x6_3, fma(scaled_q4_lo(v9[1]), x6_2, fma(scaled_q4_hi(v9[0]), x6_1, scaled_q4_lo(v9[0]) * x6_0))))))), vec4f(1.0));
    let s9_7 = dot(fma(scaled_q4_hi(v9[3]), x7_7, fma(scaled_q4_lo(v9[3]), x7_6, fma(scaled_q4_hi(v9[2]), x7_5, fma(scaled_q4_lo(v9[2]), x7_4, fma(scaled_q4_hi(v9[1]), x7_3, fma(scaled_q4_lo(v9[1]), x7_2, fma(scaled_q4_hi(v9[0]), x7_1, scaled_q4_lo(v9[0]) * x7_0))))))), vec4f(1.0));
    let s9_8 = dot(fma(scaled_q4_hi(v9[3]), x8_7, fma(scaled_q4_lo(v9[3]), x8_6, fma(scaled_q4_hi(v9[2]), x8_5, fma(scaled_q4_lo(v9[2]), x8_4, fma(scaled_q4_hi(v9[1]), x8_3, fma(scaled_q4_lo(v9[1]), x8_2, fma(scaled_q4_hi(v9[0]), x8_1, scaled_q4_lo(v9[0]) * x8_0))))))), vec4f(1.0));
    let s9_9 = dot(fma(scaled_q4_hi(v9[3]), x9_7, fma(scaled_q4_lo(v9[3]), x9_6, fma(scaled_q4_hi(v9[2]), x9_5, fma(scaled_q4_lo(v9[2]), x9_4, fma(scaled_q4_hi(v9[1]), x9_3, fma(scaled_q4_lo(v9[1]), x9_2, fma(scaled_q4_hi(v9[0]), x9_1, scaled_q4_lo(v9[0]) * x9_0))))))), vec4f(1.0));
    let s9_10 = dot(fma(scaled_q4_hi(v9[3]), x10_7, fma(scaled_q4_lo(v9[3]), x10_6, fma(scaled_q4_hi(v9[2]), x10_5, fma(scaled_q4_lo(v9[2]), x10_4, fma(scaled_q4_hi(v9[1]), x10_3, fma(scaled_q4_lo(v9[1]), x10_2, fma(scaled_q4_hi(v9[0]), x10_1, scaled_q4_lo(v9[0]) * x10_0))))))), vec4f(1.0));
    let s9_11 = dot(fma(scaled_q4_hi(v9[3]), x11_7, fma(scaled_q4_lo(v9[3]), x11_6, fma(scaled_q4_hi(v9[2]), x11_5, fma(scaled_q4_lo(v9[2]), x11_4, fma(scaled_q4_hi(v9[1]), x11_3, fma(scaled_q4_lo(v9[1]), x11_2, fma(scaled_q4_hi(v9[0]), x11_1, scaled_q4_lo(v9[0]) * x11_0))))))), vec4f(1.0));
    let s9_12 = dot(fma(scaled_q4_hi(v9[3]), x12_7, fma(scaled_q4_lo(v9[3]), x12_6, fma(scaled_q4_hi(v9[2]), x12_5, fma(scaled_q4_lo(v9[2]), x12_4, fma(scaled_q4_hi(v9[1]), x12_3, fma(scaled_q4_lo(v9[1]), x12_2, fma(scaled_q4_hi(v9[0]), x12_1, scaled_q4_lo(v9[0]) * x12_0))))))), vec4f(1.0));
    let s9_13 = dot(fma(scaled_q4_hi(v9[3]), x13_7, fma(scaled_q4_lo(v9[3]), x13_6, fma(scaled_q4_hi(v9[2]), x13_5, fma(scaled_q4_lo(v9[2]), x13_4, fma(scaled_q4_hi(v9[1]), x13_3, fma(scaled_q4_lo(v9[1]), x13_2, fma(scaled_q4_hi(v9[0]), x13_1, scaled_q4_lo(v9[0]) * x13_0))))))), vec4f(1.0));
    let s9_14 = dot(fma(scaled_q4_hi(v9[3]), x14_7, fma(scaled_q4_lo(v9[3]), x14_6, fma(scaled_q4_hi(v9[2]), x14_5, fma(scaled_q4_lo(v9[2]), x14_4, fma(scaled_q4_hi(v9[1]), x14_3, fma(scaled_q4_lo(v9[1]), x14_2, fma(scaled_q4_hi(v9[0]), x14_1, scaled_q4_lo(v9[0]) * x14_0))))))), vec4f(1.0));
    let s9_15 = dot(fma(scaled_q4_hi(v9[3]), x15_7, fma(scaled_q4_lo(v9[3]), x15_6, fma(scaled_q4_hi(v9[2]), x15_5, fma(scaled_q4_lo(v9[2]), x15_4, fma(scaled_q4_hi(v9[1]), x15_3, fma(scaled_q4_lo(v9[1]), x15_2, fma(scaled_q4_hi(v9[0]), x15_1, scaled_q4_lo(v9[0]) * x15_0))))))), vec4f(1.0));
    let v10 = w[min(row0 + 10u * WG + lid, last) * wpv + b * 1u + c];
    let s10_0 = dot(fma(scaled_q4_hi(v10[3]), x0_7, fma(scaled_q4_lo(v10[3]), x0_6, fma(scaled_q4_hi(v10[2]), x0_5, fma(scaled_q4_lo(v10[2]), x0_4, fma(scaled_q4_hi(v10[1]), x0_3, fma(scaled_q4_lo(v10[1]), x0_2, fma(scaled_q4_hi(v10[0]), x0_1, scaled_q4_lo(v10[0]) * x0_0))))))), vec4f(1.0));
    let s10_1 = dot(fma(scaled_q4_hi(v10[3]), x1_7, fma(scaled_q4_lo(v10[3]), x1_6, fma(scaled_q4_hi(v10[2]), x1_5, fma(scaled_q4_lo(v10[2]), x1_4, fma(scaled_q4_hi(v10[1]), x1_3, fma(scaled_q4_lo(v10[1]), x1_2, fma(scaled_q4_hi(v10[0]), x1_1, scaled_q4_lo(v10[0]) * x1_0))))))), vec4f(1.0));
    let s10_2 = dot(fma(scaled_q4_hi(v10[3]), x2_7, fma(scaled_q4_lo(v10[3]), x2_6, fma(scaled_q4_hi(v10[2]), x2_5, fma(scaled_q4_lo(v10[2]), x2_4, fma(scaled_q4_hi(v10[1]), x2_3, fma(scaled_q4_lo(v10[1]), x2_2, fma(scaled_q4_hi(v10[0]), x2_1, scaled_q4_lo(v10[0]) * x2_0))))))), vec4f(1.0));
    let s10_3 = dot(fma(scaled_q4_hi(v10[3]), x3_7, fma(scaled_q4_lo(v10[3]), x3_6, fma(scaled_q4_hi(v10[2]), x3_5, fma(scaled_q4_lo(v10[2]), x3_4, fma(scaled_q4_hi(v10[1]), x3_3, fma(scaled_q4_lo(v10[1]), x3_2, fma(scaled_q4_hi(v10[0]), x3_1, scaled_q4_lo(v10[0]) * x3_0))))))), vec4f(1.0));
    let s10_4 = dot(fma(scaled_q4_hi(v10[3]), x4_7, fma(scaled_q4_lo(v10[3]), x4_6, fma(scaled_q4_hi(v10[2]), x4_5, fma(scaled_q4_lo(v10[2]), x4_4, fma(scaled_q4_hi(v10[1]), x4_3, fma(scaled_q4_lo(v10[1]), x4_2, fma(scaled_q4_hi(v10[0]), x4_1, scaled_q4_lo(v10[0]) * x4_0))))))), vec4f(1.0));
    let s10_5 = dot(fma(scaled_q4_hi(v10[3]), x5_7, fma(scaled_q4_lo(v10[3]), x5_6, fma(scaled_q4_hi(v10[2]), x5_5, fma(scaled_q4_lo(v10[2]), x5_4, fma(scaled_q4_hi(v10[1]), x5_3, fma(scaled_q4_lo(v10[1]), x5_2, fma(scaled_q4_hi(v10[0]), x5_1, scaled_q4_lo(v10[0]) * x5_0))))))), vec4f(1.0));
    let s10_6 = dot(fma(scaled_q4_hi(v10[3]), x6_7, fma(scaled_q4_lo(v10[3]), x6_6, fma(scaled_q4_hi(v10[2]), x6_5, fma(scaled_q4_lo(v10[2]), x6_4, fma(scaled_q4_hi(v10[1]), x6_3, fma(scaled_q4_lo(v10[1]), x6_2, fma(scaled_q4_hi(v10[0]), x6_1, scaled_q4_lo(v10[0]) * x6_0))))))), vec4f(1.0));
    let s10_7 = dot(fma(scaled_q4_hi(v10[3]), x7_7, fma(scaled_q4_lo(v10[3]), x7_6, fma(scaled_q4_hi(v10[2]), x7_5, fma(scaled_q4_lo(v10[2]), x7_4, fma(scaled_q4_hi(v10[1]), x7_3, fma(scaled_q4_lo(v10[1]), x7_2, fma(scaled_q4_hi(v10[0]), x7_1, scaled_q4_lo(v10[0]) * x7_0))))))), vec4f(1.0));
    let s10_8 = dot(fma(scaled_q4_hi(v10[3]), x8_7, fma(scaled_q4_lo(v10[3]), x8_6, fma(scaled_q4_hi(v10[2]), x8_5, fma(scaled_q4_lo(v10[2]), x8_4, fma(scaled_q4_hi(v10[1]), x8_3, fma(scaled_q4_lo(v10[1]), x8_2, fma(scaled_q4_hi(v10[0]), x8_1, scaled_q4_lo(v10[0]) * x8_0))))))), vec4f(1.0));
    let s10_9 = dot(fma(scaled_q4_hi(v10[3]), x9_7, fma(scaled_q4_lo(v10[3]), x9_6, fma(scaled_q4_hi(v10[2]), x9_5, fma(scaled_q4_lo(v10[2]), x9_4, fma(scaled_q4_hi(v10[1]), x9_3, fma(scaled_q4_lo(v10[1]), x9_2, fma(scaled_q4_hi(v10[0]), x9_1, scaled_q4_lo(v10[0]) * x9_0))))))), vec4f(1.0));
    let s10_10 = dot(fma(scaled_q4_hi(v10[3]), x10_7, fma(scaled_q4_lo(v10[3]), x10_6, fma(scaled_q4_hi(v10[2]), x10_5, fma(scaled_q4_lo(v10[2]), x10_4, fma(scaled_q4_hi(v10[1]), x10_3, fma(scaled_q4_lo(v10[1]), x10_2, fma(scaled_q4_hi(v10[0]), x10_1, scaled_q4_lo(v10[0]) * x10_0))))))), vec4f(1.0));
    let s10_11 = dot(fma(scaled_q4_hi(v10[3]), x11_7, fma(scaled_q4_lo(v10[3]), x11_6, fma(scaled_q4_hi(v10[2]), x11_5, fma(scaled_q4_lo(v10[2]), x11_4, fma(scaled_q4_hi(v10[1]), x11_3, fma(scaled_q4_lo(v10[1]), x11_2, fma(scaled_q4_hi(v10[0]), x11_1, scaled_q4_lo(v10[0]) * x11_0))))))), vec4f(1.0));
    let s10_12 = dot(fma(scaled_q4_hi(v10[3]), x12_7, fma(scaled_q4_lo(v10[3]), x12_6, fma(scaled_q4_hi(v10[2]), x12_5, fma(scaled_q4_lo(v10[2]), x12_4, fma(scaled_q4_hi(v10[1]), x12_3, fma(scaled_q4_lo(v10[1]), x12_2, fma(scaled_q4_hi(v10[0]), x12_1, scaled_q4_lo(v10[0]) * x12_0))))))), vec4f(1.0));
    let s10_13 = dot(fma(scaled_q4_hi(v10[3]), x13_7, fma(scaled_q4_lo(v10[3]), x13_6, fma(scaled_q4_hi(v10[2]), x13_5, fma(scaled_q4_lo(v10[2]), x13_4, fma(scaled_q4_hi(v10[1]), x13_3, fma(scaled_q4_lo(v10[1]), x13_2, fma(scaled_q4_hi(v10[0]), x13_1, scaled_q4_lo(v10[0]) * x13_0))))))), vec4f(1.0));
    let s10_14 = dot(fma(scaled_q4_hi(v10[3]), x14_7, fma(scaled_q4_lo(v10[3]), x14_6, fma(scaled_q4_hi(v10[2]), x14_5, fma(scaled_q4_lo(v10[2]), x14_4, fma(scaled_q4_hi(v10[1]), x14_3, fma(scaled_q4_lo(v10[1]), x14_2, fma(scaled_q4_hi(v10[0]), x14_1, scaled_q4_lo(v10[0]) * x14_0))))))), vec4f(1.0));
    let s10_15 = dot(fma(scaled_q4_hi(v10[3]), x15_7, fma(scaled_q4_lo(v10[3]), x15_6, fma(scaled_q4_hi(v10[2]), x15_5, fma(scaled_q4_lo(v10[2]), x15_4, fma(scaled_q4_hi(v10[1]), x15_3, fma(scaled_q4_lo(v10[1]), x15_2, fma(scaled_q4_hi(v10[0]), x15_1, scaled_q4_lo(v10[0]) * x15_0))))))), vec4f(1.0));
    let v11 = w[min(row0 + 11u * WG + lid, last) * wpv + b * 1u + c];
    let s11_0 = dot(fma(scaled_q4_hi(v11[3]), x0_7, fma(scaled_q4_lo(v11[3]), x0_6, fma(scaled_q4_hi(v11[2]), x0_5, fma(scaled_q4_lo(v11[2]), x0_4, fma(scaled_q4_hi(v11[1]), x0_3, fma(scaled_q4_lo(v11[1]), x0_2, fma(scaled_q4_hi(v11[0]), x0_1, scaled_q4_lo(v11[0]) * x0_0))))))), vec4f(1.0));
    let s11_1 = dot(fma(scaled_q4_hi(v11[3]), x1_7, fma(scaled_q4_lo(v11[3]), x1_6, fma(scaled_q4_hi(v11[2]), x1_5, fma(scaled_q4_lo(v11[2]), x1_4, fma(scaled_q4_hi(v11[1]), x1_3, fma(scaled_q4_lo(v11[1]), x1_2, fma(scaled_q4_hi(v11[0]), x1_1, scaled_q4_lo(v11[0]) * x1_0))))))), vec4f(1.0));
    let s11_2 = dot(fma(scaled_q4_hi(v11[3]), x2_7, fma(scaled_q4_lo(v11[3]), x2_6, fma(scaled_q4_hi(v11[2]), x2_5, fma(scaled_q4_lo(v11[2]), x2_4, fma(scaled_q4_hi(v11[1]), x2_3, fma(scaled_q4_lo(v11[1]), x2_2, fma(scaled_q4_hi(v11[0]), x2_1, scaled_q4_lo(v11[0]) * x2_0))))))), vec4f(1.0));
    let s11_3 = dot(fma(scaled_q4_hi(v11[3]), x3_7, fma(scaled_q4_lo(v11[3]), x3_6, fma(scaled_q4_hi(v11[2]), x3_5, fma(scaled_q4_lo(v11[2]), x3_4, fma(scaled_q4_hi(v11[1]), x3_3, fma(scaled_q4_lo(v11[1]), x3_2, fma(scaled_q4_hi(v11[0]), x3_1, scaled_q4_lo(v11[0]) * x3_0))))))), vec4f(1.0));
    let s11_4 = dot(fma(scaled_q4_hi(v11[3]), x4_7, fma(scaled_q4_lo(v11[3]), x4_6, fma(scaled_q4_hi(v11[2]), x4_5, fma(scaled_q4_lo(v11[2]), x4_4, fma(scaled_q4_hi(v11[1]), x4_3, fma(scaled_q4_lo(v11[1]), x4_2, fma(scaled_q4_hi(v11[0]), x4_1, scaled_q4_lo(v11[0]) * x4_0))))))), vec4f(1.0));
    let s11_5 = dot(fma(scaled_q4_hi(v11[3]), x5_7, fma(scaled_q4_lo(v11[3]), x5_6, fma(scaled_q4_hi(v11[2]), x5_5, fma(scaled_q4_lo(v11[2]), x5_4, fma(scaled_q4_hi(v11[1]), x5_3, fma(scaled_q4_lo(v11[1]), x5_2, fma(scaled_q4_hi(v11[0]), x5_1, scaled_q4_lo(v11[0]) * x5_0))))))), vec4f(1.0));
    let s11_6 = dot(fma(scaled_q4_hi(v11[3]), x6_7, fma(scaled_q4_lo(v11[3]), x6_6, fma(scaled_q4_hi(v11[2]), x6_5, fma(scaled_q4_lo(v11[2]), x6_4, fma(scaled_q4_hi(v11[1]), x6_3, fma(scaled_q4_lo(v11[1]), x6_2, fma(scaled_q4_hi(v11[0]), x6_1, scaled_q4_lo(v11[0]) * x6_0))))))), vec4f(1.0));
    let s11_7 = dot(fma(scaled_q4_hi(v11[3]), x7_7, fma(scaled_q4_lo(v11[3]), x7_6, fma(scaled_q4_hi(v11[2]), x7_5, fma(scaled_q4_lo(v11[2]), x7_4, fma(scaled_q4_hi(v11[1]), x7_3, fma(scaled_q4_lo(v11[1]), x7_2, fma(scaled_q4_hi(v11[0]), x7_1, scaled_q4_lo(v11[0]) * x7_0))))))), vec4f(1.0));
    let s11_8 = dot(fma(scaled_q4_hi(v11[3]), x8_7, fma(scaled_q4_lo(v11[3]), x8_6, fma(scaled_q4_hi(v11[2]), x8_5, fma(scaled_q4_lo(v11[2]), x8_4, fma(scaled_q4_hi(v11[1]), x8_3, fma(scaled_q4_lo(v11[1]), x8_2, fma(scaled_q4_hi(v11[0]), x8_1, scaled_q4_lo(v11[0]) * x8_0))))))), vec4f(1.0));
    let s11_9 = dot(fma(scaled_q4_hi(v11[3]), x9_7, fma(scaled_q4_lo(v11[3]), x9_6, fma(scaled_q4_hi(v11[2]), x9_5, fma(scaled_q4_lo(v11[2]), x9_4, fma(scaled_q4_hi(v11[1]), x9_3, fma(scaled_q4_lo(v11[1]), x9_2, fma(scaled_q4_hi(v11[0]), x9_1, scaled_q4_lo(v11[0]) * x9_0))))))), vec4f(1.0));
    let s11_10 = dot(fma(scaled_q4_hi(v11[3]), x10_7, fma(scaled_q4_lo(v11[3]), x10_6, fma(scaled_q4_hi(v11[2]), x10_5, fma(scaled_q4_lo(v11[2]), x10_4, fma(scaled_q4_hi(v11[1]), x10_3, fma(scaled_q4_lo(v11[1]), x10_2, fma(scaled_q4_hi(v11[0]), x10_1, scaled_q4_lo(v11[0]) * x10_0))))))), vec4f(1.0));
    let s11_11 = dot(fma(scaled_q4_hi(v11[3]), x11_7, fma(scaled_q4_lo(v11[3]), x11_6, fma(scaled_q4_hi(v11[2]), x11_5, fma(scaled_q4_lo(v11[2]), x11_4, fma(scaled_q4_hi(v11[1]), x11_3, fma(scaled_q4_lo(v11[1]), x11_2, fma(scaled_q4_hi(v11[0]), x11_1, scaled_q4_lo(v11[0]) * x11_0))))))), vec4f(1.0));
    let s11_12 = dot(fma(scaled_q4_hi(v11[3]), x12_7, fma(scaled_q4_lo(v11[3]), x12_6, fma(scaled_q4_hi(v11[2]), x12_5, fma(scaled_q4_lo(v11[2]), x12_4, fma(scaled_q4_hi(v11[1]), x12_3, fma(scaled_q4_lo(v11[1]), x12_2, fma(scaled_q4_hi(v11[0]), x12_1, scaled_q4_lo(v11[0]) * x12_0))))))), vec4f(1.0));
    let s11_13 = dot(fma(scaled_q4_hi(v11[3]), x13_7, fma(scaled_q4_lo(v11[3]), x13_6, fma(scaled_q4_hi(v11[2]), x13_5, fma(scaled_q4_lo(v11[2]), x13_4, fma(scaled_q4_hi(v11[1]), x13_3, fma(scaled_q4_lo(v11[1]), x13_2, fma(scaled_q4_hi(v11[0]), x13_1, scaled_q4_lo(v11[0]) * x13_0))))))), vec4f(1.0));
    let s11_14 = dot(fma(scaled_q4_hi(v11[3]), x14_7, fma(scaled_q4_lo(v11[3]), x14_6, fma(scaled_q4_hi(v11[2]), x14_5, fma(scaled_q4_lo(v11[2]), x14_4, fma(scaled_q4_hi(v11[1]), x14_3, fma(scaled_q4_lo(v11[1]), x14_2, fma(scaled_q4_hi(v11[0]), x14_1, scaled_q4_lo(v11[0]) * x14_0))))))), vec4f(1.0));
    let s11_15 = dot(fma(scaled_q4_hi(v11[3]), x15_7, fma(scaled_q4_lo(v11[3]), x15_6, fma(scaled_q4_hi(v11[2]), x15_5, fma(scaled_q4_lo(v11[2]), x15_4, fma(scaled_q4_hi(v11[1]), x15_3, fma(scaled_q4_lo(v11[1]), x15_2, fma(scaled_q4_hi(v11[0]), x15_1, scaled_q4_lo(v11[0]) * x15_0))))))), vec4f(1.0));
    let v12 = w[min(row0 + 12u * WG + lid, last) * wpv + b * 1u + c];
    let s12_0 = dot(fma(scaled_q4_hi(v12[3]), x0_7, fma(scaled_q4_lo(v12[3]), x0_6, fma(scaled_q4_hi(v12[2]), x0_5, fma(scaled_q4_lo(v12[2]), x0_4, fma(scaled_q4_hi(v12[1]), x0_3, fma(scaled_q4_lo(v12[1]), x0_2, fma(scaled_q4_hi(v12[0]), x0_1, scaled_q4_lo(v12[0]) * x0_0))))))), vec4f(1.0));
    let s12_1 = dot(fma(scaled_q4_hi(v12[3]), x1_7, fma(scaled_q4_lo(v12[3]), x1_6, fma(scaled_q4_hi(v12[2]), x1_5, fma(scaled_q4_lo(v12[2]), x1_4, fma(scaled_q4_hi(v12[1]), x1_3, fma(scaled_q4_lo(v12[1]), x1_2, fma(scaled_q4_hi(v12[0]), x1_1, scaled_q4_lo(v12[0]) * x1_0))))))), vec4f(1.0));
    let s12_2 = dot(fma(scaled_q4_hi(v12[3]), x2_7, fma(scaled_q4_lo(v12[3]), x2_6, fma(scaled_q4_hi(v12[2]), x2_5, fma(scaled_q4_lo(v12[2]), x2_4, fma(scaled_q4_hi(v12[1]), x2_3, fma(scaled_q4_lo(v12[1]), x2_2, fma(scaled_q4_hi(v12[0]), x2_1, scaled_q4_lo(v12[0]) * x2_0))))))), vec4f(1.0));
    let s12_3 = dot(fma(scaled_q4_hi(v12[3]), x3_7, fma(scaled_q4_lo(v12[3]), x3_6, fma(scaled_q4_hi(v12[2]), x3_5, fma(scaled_q4_lo(v12[2]), x3_4, fma(scaled_q4_hi(v12[1]), x3_3, fma(scaled_q4_lo(v12[1]), x3_2, fma(scaled_q4_hi(v12[0]), x3_1, scaled_q4_lo(v12[0]) * x3_0))))))), vec4f(1.0));
    let s12_4 = dot(fma(scaled_q4_hi(v12[3]), x4_7, fma(scaled_q4_lo(v12[3]), x4_6, fma(scaled_q4_hi(v12[2]), x4_5, fma(scaled_q4_lo(v12[2]), x4_4, fma(scaled_q4_hi(v12[1]), x4_3, fma(scaled_q4_lo(v12[1]), x4_2, fma(scaled_q4_hi(v12[0]), x4_1, scaled_q4_lo(v12[0]) * x4_0))))))), vec4f(1.0));
    let s12_5 = dot(fma(scaled_q4_hi(v12[3]), x5_7, fma(scaled_q4_lo(v12[3]), x5_6, fma(scaled_q4_hi(v12[2]), x5_5, fma(scaled_q4_lo(v12[2]), x5_4, fma(scaled_q4_hi(v12[1]), x5_3, fma(scaled_q4_lo(v12[1]), x5_2, fma(scaled_q4_hi(v12[0]), x5_1, scaled_q4_lo(v12[0]) * x5_0))))))), vec4f(1.0));
    let s12_6 = dot(fma(scaled_q4_hi(v12[3]), x6_7, fma(scaled_q4_lo(v12[3]), x6_6, fma(scaled_q4_hi(v12[2]), x6_5, fma(scaled_q4_lo(v12[2]), x6_4, fma(scaled_q4_hi(v12[1]), x6_3, fma(scaled_q4_lo(v12[1]), x6_2, fma(scaled_q4_hi(v12[0]), x6_1, scaled_q4_lo(v12[0]) * x6_0))))))), vec4f(1.0));
    let s12_7 = dot(fma(scaled_q4_hi(v12[3]), x7_7, fma(scaled_q4_lo(v12[3]), x7_6, fma(scaled_q4_hi(v12[2]), x7_5, fma(scaled_q4_lo(v12[2]), x7_4, fma(scaled_q4_hi(v12[1]), x7_3, fma(scaled_q4_lo(v12[1]), x7_2, fma(scaled_q4_hi(v12[0]), x7_1, scaled_q4_lo(v12[0]) * x7_0))))))), vec4f(1.0));
    let s12_8 = dot(fma(scaled_q4_hi(v12[3]), x8_7, fma(scaled_q4_lo(v12[3]), x8_6, fma(scaled_q4_hi(v12[2]), x8_5, fma(scaled_q4_lo(v12[2]), x8_4, fma(scaled_q4_hi(v12[1]), x8_3, fma(scaled_q4_lo(v12[1]), x8_2, fma(scaled_q4_hi(v12[0]), x8_1, scaled_q4_lo(v12[0]) * x8_0))))))), vec4f(1.0));
    let s12_9 = dot(fma(scaled_q4_hi(v12[3]), x9_7, fma(scaled_q4_lo(v12[3]), x9_6, fma(scaled_q4_hi(v12[2]), x9_5, fma(scaled_q4_lo(v12[2]), x9_4, fma(scaled_q4_hi(v12[1]), x9_3, fma(scaled_q4_lo(v12[1]), x9_2, fma(scaled_q4_hi(v12[0]), x9_1, scaled_q4_lo(v12[0]) * x9_0))))))), vec4f(1.0));
    let s12_10 = dot(fma(scaled_q4_hi(v12[3]), x10_7, fma(scaled_q4_lo(v12[3]), x10_6, fma(scaled_q4_hi(v12[2]), x10_5, fma(scaled_q4_lo(v12[2]), x10_4, fma(scaled_q4_hi(v12[1]), x10_3, fma(scaled_q4_lo(v12[1]), x10_2, fma(scaled_q4_hi(v12[0]), x10_1, scaled_q4_lo(v12[0]) * x10_0))))))), vec4f(1.0));
    let s12_11 = dot(fma(scaled_q4_hi(v12[3]), x11_7, fma(scaled_q4_lo(v12[3]), x11_6, fma(scaled_q4_hi(v12[2]), x11_5, fma(scaled_q4_lo(v12[2]), x11_4, fma(scaled_q4_hi(v12[1]), x11_3, fma(scaled_q4_lo(v12[1]), x11_2, fma(scaled_q4_hi(v12[0]), x11_1, scaled_q4_lo(v12[0]) * x11_0))))))), vec4f(1.0));
    let s12_12 = dot(fma(scaled_q4_hi(v12[3]), x12_7, fma(scaled_q4_lo(v12[3]), x12_6, fma(scaled_q4_hi(v12[2]), x12_5, fma(scaled_q4_lo(v12[2]), x12_4, fma(scaled_q4_hi(v12[1]), x12_3, fma(scaled_q4_lo(v12[1]), x12_2, fma(scaled_q4_hi(v12[0]), x12_1, scaled_q4_lo(v12[0]) * x12_0))))))), vec4f(1.0));
    let s12_13 = dot(fma(scaled_q4_hi(v12[3]), x13_7, fma(scaled_q4_lo(v12[3]), x13_6, fma(scaled_q4_hi(v12[2]), x13_5, fma(scaled_q4_lo(v12[2]), x13_4, fma(scaled_q4_hi(v12[1]), x13_3, fma(scaled_q4_lo(v12[1]), x13_2, fma(scaled_q4_hi(v12[0]), x13_1, scaled_q4_lo(v12[0]) * x13_0))))))), vec4f(1.0));
    let s12_14 = dot(fma(scaled_q4_hi(v12[3]), x14_7, fma(scaled_q4_lo(v12[3]), x14_6, fma(scaled_q4_hi(v12[2]), x14_5, fma(scaled_q4_lo(v12[2]), x14_4, fma(scaled_q4_hi(v12[1]), x14_3, fma(scaled_q4_lo(v12[1]), x14_2, fma(scaled_q4_hi(v12[0]), x14_1, scaled_q4_lo(v12[0]) * x14_0))))))), vec4f(1.0));
    let s12_15 = dot(fma(scaled_q4_hi(v12[3]), x15_7, fma(scaled_q4_lo(v12[3]), x15_6, fma(scaled_q4_hi(v12[2]), x15_5, fma(scaled_q4_lo(v12[2]), x15_4, fma(scaled_q4_hi(v12[1]), x15_3, fma(scaled_q4_lo(v12[1]), x15_2, fma(scaled_q4_hi(v12[0]), x15_1, scaled_q4_lo(v12[0]) * x15_0))))))), vec4f(1.0));
    let v13 = w[min(row0 + 13u * WG + lid, last) * wpv + b * 1u + c];
    let s13_0 = dot(fma(scaled_q4_hi(v13[3]), x0_7, fma(scaled_q4_lo(v13[3]), x0_6, fma(scaled_q4_hi(v13[2]), x0_5, fma(scaled_q4_lo(v13[2]), x0_4, fma(scaled_q4_hi(v13[1]), x0_3, fma(scaled_q4_lo(v13[1]), x0_2, fma(scaled_q4_hi(v13[0]), x0_1, scaled_q4_lo(v13[0]) * x0_0))))))), vec4f(1.0));
    let s13_1 = dot(fma(scaled_q4_hi(v13[3]), x1_7, fma(scaled_q4_lo(v13[3]), x1_6, fma(scaled_q4_hi(v13[2]), x1_5, fma(scaled_q4_lo(v13[2]), x1_4, fma(scaled_q4_hi(v13[1]), x1_3, fma(scaled_q4_lo(v13[1]), x1_2, fma(scaled_q4_hi(v13[0]), x1_1, scaled_q4_lo(v13[0]) * x1_0))))))), vec4f(1.0));
    let s13_2 = dot(fma(scaled_q4_hi(v13[3]), x2_7, fma(scaled_q4_lo(v13[3]), x2_6, fma(scaled_q4_hi(v13[2]), x2_5, fma(scaled_q4_lo(v13[2]), x2_4, fma(scaled_q4_hi(v13[1]), x2_3, fma(scaled_q4_lo(v13[1]), x2_2, fma(scaled_q4_hi(v13[0]), x2_1, scaled_q4_lo(v13[0]) * x2_0))))))), vec4f(1.0));
    let s13_3 = dot(fma(scaled_q4_hi(v13[3]), x3_7, fma(scaled_q4_lo(v13[3]), x3_6, fma(scaled_q4_hi(v13[2]), x3_5, fma(scaled_q4_lo(v13[2]), x3_4, fma(scaled_q4_hi(v13[1]), x3_3, fma(scaled_q4_lo(v13[1]), x3_2, fma(scaled_q4_hi(v13[0]), x3_1, scaled_q4_lo(v13[0]) * x3_0))))))), vec4f(1.0));
    let s13_4 = dot(fma(scaled_q4_hi(v13[3]), x4_7, fma(scaled_q4_lo(v13[3]), x4_6, fma(scaled_q4_hi(v13[2]), x4_5, fma(scaled_q4_lo(v13[2]), x4_4, fma(scaled_q4_hi(v13[1]), x4_3, fma(scaled_q4_lo(v13[1]), x4_2, fma(scaled_q4_hi(v13[0]), x4_1, scaled_q4_lo(v13[0]) * x4_0))))))), vec4f(1.0));
    let s13_5 = dot(fma(scaled_q4_hi(v13[3]), x5_7, fma(scaled_q4_lo(v13[3]), x5_6, fma(scaled_q4_hi(v13[2]), x5_5, fma(scaled_q4_lo(v13[2]), x5_4, fma(scaled_q4_hi(v13[1]), x5_3, fma(scaled_q4_lo(v13[1]), x5_2, fma(scaled_q4_hi(v13[0]), x5_1, scaled_q4_lo(v13[0]) * x5_0))))))), vec4f(1.0));
    let s13_6 = dot(fma(scaled_q4_hi(v13[3]), x6_7, fma(scaled_q4_lo(v13[3]), x6_6, fma(scaled_q4_hi(v13[2]), x6_5, fma(scaled_q4_lo(v13[2]), x6_4, fma(scaled_q4_hi(v13[1]), x6_3, fma(scaled_q4_lo(v13[1]), x6_2, fma(scaled_q4_hi(v13[0]), x6_1, scaled_q4_lo(v13[0]) * x6_0))))))), vec4f(1.0));
    let s13_7 = dot(fma(scaled_q4_hi(v13[3]), x7_7, fma(scaled_q4_lo(v13[3]), x7_6, fma(scaled_q4_hi(v13[2]), x7_5, fma(scaled_q4_lo(v13[2]), x7_4, fma(scaled_q4_hi(v13[1]), x7_3, fma(scaled_q4_lo(v13[1]), x7_2, fma(scaled_q4_hi(v13[0]), x7_1, scaled_q4_lo(v13[0]) * x7_0))))))), vec4f(1.0));
    let s13_8 = dot(fma(scaled_q4_hi(v13[3]), x8_7, fma(scaled_q4_lo(v13[3]), x8_6, fma(scaled_q4_hi(v13[2]), x8_5, fma(scaled_q4_lo(v13[2]), x8_4, fma(scaled_q4_hi(v13[1]), x8_3, fma(scaled_q4_lo(v13[1]), x8_2, fma(scaled_q4_hi(v13[0]), x8_1, scaled_q4_lo(v13[0]) * x8_0))))))), vec4f(1.0));
    let s13_9 = dot(fma(scaled_q4_hi(v13[3]), x9_7, fma(scaled_q4_lo(v13[3]), x9_6, fma(scaled_q4_hi(v13[2]), x9_5, fma(scaled_q4_lo(v13[2]), x9_4, fma(scaled_q4_hi(v13[1]), x9_3, fma(scaled_q4_lo(v13[1]), x9_2, fma(scaled_q4_hi(v13[0]), x9_1, scaled_q4_lo(v13[0]) * x9_0))))))), vec4f(1.0));
    let s13_10 = dot(fma(scaled_q4_hi(v13[3]), x10_7, fma(scaled_q4_lo(v13[3]), x10_6, fma(scaled_q4_hi(v13[2]), x10_5, fma(scaled_q4_lo(v13[2]), x10_4, fma(scaled_q4_hi(v13[1]), x10_3, fma(scaled_q4_lo(v13[1]), x10_2, fma(scaled_q4_hi(v13[0]), x10_1, scaled_q4_lo(v13[0]) * x10_0))))))), vec4f(1.0));
    let s13_11 = dot(fma(scaled_q4_hi(v13[3]), x11_7, fma(scaled_q4_lo(v13[3]), x11_6, fma(scaled_q4_hi(v13[2]), x11_5, fma(scaled_q4_lo(v13[2]), x11_4, fma(scaled_q4_hi(v13[1]), x11_3, fma(scaled_q4_lo(v13[1]), x11_2, fma(scaled_q4_hi(v13[0]), x11_1, scaled_q4_lo(v13[0]) * x11_0))))))), vec4f(1.0));
    let s13_12 = dot(fma(scaled_q4_hi(v13[3]), x12_7, fma(scaled_q4_lo(v13[3]), x12_6, fma(scaled_q4_hi(v13[2]), x12_5, fma(scaled_q4_lo(v13[2]), x12_4, fma(scaled_q4_hi(v13[1]), x12_3, fma(scaled_q4_lo(v13[1]), x12_2, fma(scaled_q4_hi(v13[0]), x12_1, scaled_q4_lo(v13[0]) * x12_0))))))), vec4f(1.0));
    let s13_13 = dot(fma(scaled_q4_hi(v13[3]), x13_7, fma(scaled_q4_lo(v13[3]), x13_6, fma(scaled_q4_hi(v13[2]), x13_5, fma(scaled_q4_lo(v13[2]), x13_4, fma(scaled_q4_hi(v13[1]), x13_3, fma(scaled_q4_lo(v13[1]), x13_2, fma(scaled_q4_hi(v13[0]), x13_1, scaled_q4_lo(v13[0]) * x13_0))))))), vec4f(1.0));
    let s13_14 = dot(fma(scaled_q4_hi(v13[3]), x14_7, fma(scaled_q4_lo(v13[3]), x14_6, fma(scaled_q4_hi(v13[2]), x14_5, fma(scaled_q4_lo(v13[2]), x14_4, fma(scaled_q4_hi(v13[1]), x14_3, fma(scaled_q4_lo(v13[1]), x14_2, fma(scaled_q4_hi(v13[0]), x14_1, scaled_q4_lo(v13[0]) * x14_0))))))), vec4f(1.0));
    let s13_15 = dot(fma(scaled_q4_hi(v13[3]), x15_7, fma(scaled_q4_lo(v13[3]), x15_6, fma(scaled_q4_hi(v13[2]), x15_5, fma(scaled_q4_lo(v13[2]), x15_4, fma(scaled_q4_hi(v13[1]), x15_3, fma(scaled_q4_lo(v13[1]), x15_2, fma(scaled_q4_hi(v13[0]), x15_1, scaled_q4_lo(v13[0]) * x15_0))))))), vec4f(1.0));
    let v14 = w[min(row0 + 14u * WG + lid, last) * wpv + b * 1u + c];
    let s14_0 = dot(fma(scaled_q4_hi(v14[3]), x0_7, fma(scaled_q4_lo(v14[3]), x0_6, fma(scaled_q4_hi(v14[2]), x0_5, fma(scaled_q4_lo(v14[2]), x0_4, fma(scaled_q4_hi(v14[1]), x0_3, fma(scaled_q4_lo(v14[1]), x0_2, fma(scaled_q4_hi(v14[0]), x0_1, scaled_q4_lo(v14[0]) * x0_0))))))), vec4f(1.0));
    let s14_1 = dot(fma(scaled_q4_hi(v14[3]), x1_7, fma(scaled_q4_lo(v14[3]), x1_6, fma(scaled_q4_hi(v14[2]), x1_5, fma(scaled_q4_lo(v14[2]), x1_4, fma(scaled_q4_hi(v14[1]), x1_3, fma(scaled_q4_lo(v14[1]), x1_2, fma(scaled_q4_hi(v14[0]), x1_1, scaled_q4_lo(v14[0]) * x1_0))))))), vec4f(1.0));
    let s14_2 = dot(fma(scaled_q4_hi(v14[3]), x2_7, fma(scaled_q4_lo(v14[3]), x2_6, fma(scaled_q4_hi(v14[2]), x2_5, fma(scaled_q4_lo(v14[2]), x2_4, fma(scaled_q4_hi(v14[1]), x2_3, fma(scaled_q4_lo(v14[1]), x2_2, fma(scaled_q4_hi(v14[0]), x2_1, scaled_q4_lo(v14[0]) * x2_0))))))), vec4f(1.0));
    let s14_3 = dot(fma(scaled_q4_hi(v14[3]), x3_7, fma(scaled_q4_lo(v14[3]), x3_6, fma(scaled_q4_hi(v14[2]), x3_5, fma(scaled_q4_lo(v14[2]), x3_4, fma(scaled_q4_hi(v14[1]), x3_3, fma(scaled_q4_lo(v14[1]), x3_2, fma(scaled_q4_hi(v14[0]), x3_1, scaled_q4_lo(v14[0]) * x3_0))))))), vec4f(1.0));
    let s14_4 = dot(fma(scaled_q4_hi(v14[3]), x4_7, fma(scaled_q4_lo(v14[3]), x4_6, fma(scaled_q4_hi(v14[2]), x4_5, fma(scaled_q4_lo(v14[2]), x4_4, fma(scaled_q4_hi(v14[1]), x4_3, fma(scaled_q4_lo(v14[1]), x4_2, fma(scaled_q4_hi(v14[0]), x4_1, scaled_q4_lo(v14[0]) * x4_0))))))), vec4f(1.0));
    let s14_5 = dot(fma(scaled_q4_hi(v14[3]), x5_7, fma(scaled_q4_lo(v14[3]), x5_6, fma(scaled_q4_hi(v14[2]), x5_5, fma(scaled_q4_lo(v14[2]), x5_4, fma(scaled_q4_hi(v14[1]), x5_3, fma(scaled_q4_lo(v14[1]), x5_2, fma(scaled_q4_hi(v14[0]), x5_1, scaled_q4_lo(v14[0]) * x5_0))))))), vec4f(1.0));
    let s14_6 = dot(fma(scaled_q4_hi(v14[3]), x6_7, fma(scaled_q4_lo(v14[3]), x6_6, fma(scaled_q4_hi(v14[2]), x6_5, fma(scaled_q4_lo(v14[2]), x6_4, fma(scaled_q4_hi(v14[1]), x6_3, fma(scaled_q4_lo(v14[1]), x6_2, fma(scaled_q4_hi(v14[0]), x6_1, scaled_q4_lo(v14[0]) * x6_0))))))), vec4f(1.0));
    let s14_7 = dot(fma(scaled_q4_hi(v14[3]), x7_7, fma(scaled_q4_lo(v14[3]), x7_6, fma(scaled_q4_hi(v14[2]), x7_5, fma(scaled_q4_lo(v14[2]), x7_4, fma(scaled_q4_hi(v14[1]), x7_3, fma(scaled_q4_lo(v14[1]), x7_2, fma(scaled_q4_hi(v14[0]), x7_1, scaled_q4_lo(v14[0]) * x7_0))))))), vec4f(1.0));
    let s14_8 = dot(fma(scaled_q4_hi(v14[3]), x8_7, fma(scaled_q4_lo(v14[3]), x8_6, fma(scaled_q4_hi(v14[2]), x8_5, fma(scaled_q4_lo(v14[2]), x8_4, fma(scaled_q4_hi(v14[1]), x8_3, fma(scaled_q4_lo(v14[1]), x8_2, fma(scaled_q4_hi(v14[0]), x8_1, scaled_q4_lo(v14[0]) * x8_0))))))), vec4f(1.0));
    let s14_9 = dot(fma(scaled_q4_hi(v14[3]), x9_7, fma(scaled_q4_lo(v14[3]), x9_6, fma(scaled_q4_hi(v14[2]), x9_5, fma(scaled_q4_lo(v14[2]), x9_4, fma(scaled_q4_hi(v14[1]), x9_3, fma(scaled_q4_lo(v14[1]), x9_2, fma(scaled_q4_hi(v14[0]), x9_1, scaled_q4_lo(v14[0]) * x9_0))))))), vec4f(1.0));
    let s14_10 = dot(fma(scaled_q4_hi(v14[3]), x10_7, fma(scaled_q4_lo(v14[3]), x10_6, fma(scaled_q4_hi(v14[2]), x10_5, fma(scaled_q4_lo(v14[2]), x10_4, fma(scaled_q4_hi(v14[1]), x10_3, fma(scaled_q4_lo(v14[1]), x10_2, fma(scaled_q4_hi(v14[0]), x10_1, scaled_q4_lo(v14[0]) * x10_0))))))), vec4f(1.0));
    let s14_11 = dot(fma(scaled_q4_hi(v14[3]), x11_7, fma(scaled_q4_lo(v14[3]), x11_6, fma(scaled_q4_hi(v14[2]), x11_5, fma(scaled_q4_lo(v14[2]), x11_4, fma(scaled_q4_hi(v14[1]), x11_3, fma(scaled_q4_lo(v14[1]), x11_2, fma(scaled_q4_hi(v14[0]), x11_1, scaled_q4_lo(v14[0]) * x11_0))))))), vec4f(1.0));
    let s14_12 = dot(fma(scaled_q4_hi(v14[3]), x12_7, fma(scaled_q4_lo(v14[3]), x12_6, fma(scaled_q4_hi(v14[2]), x12_5, fma(scaled_q4_lo(v14[2]), x12_4, fma(scaled_q4_hi(v14[1]), x12_3, fma(scaled_q4_lo(v14[1]), x12_2, fma(scaled_q4_hi(v14[0]), x12_1, scaled_q4_lo(v14[0]) * x12_0))))))), vec4f(1.0));
    let s14_13 = dot(fma(scaled_q4_hi(v14[3]), x13_7, fma(scaled_q4_lo(v14[3]), x13_6, fma(scaled_q4_hi(v14[2]), x13_5, fma(scaled_q4_lo(v14[2]), x13_4, fma(scaled_q4_hi(v14[1]), x13_3, fma(scaled_q4_lo(v14[1]), x13_2, fma(scaled_q4_hi(v14[0]), x13_1, scaled_q4_lo(v14[0]) * x13_0))))))), vec4f(1.0));
    let s14_14 = dot(fma(scaled_q4_hi(v14[3]), x14_7, fma(scaled_q4_lo(v14[3]), x14_6, fma(scaled_q4_hi(v14[2]), x14_5, fma(scaled_q4_lo(v14[2]), x14_4, fma(scaled_q4_hi(v14[1]), x14_3, fma(scaled_q4_lo(v14[1]), x14_2, fma(scaled_q4_hi(v14[0]), x14_1, scaled_q4_lo(v14[0]) * x14_0))))))), vec4f(1.0));
    let s14_15 = dot(fma(scaled_q4_hi(v14[3]), x15_7, fma(scaled_q4_lo(v14[3]), x15_6, fma(scaled_q4_hi(v14[2]), x15_5, fma(scaled_q4_lo(v14[2]), x15_4, fma(scaled_q4_hi(v14[1]), x15_3, fma(scaled_q4_lo(v14[1]), x15_2, fma(scaled_q4_hi(v14[0]), x15_1, scaled_q4_lo(v14[0]) * x15_0))))))), vec4f(1.0));
    let v15 = w[min(row0 + 15u * WG + lid, last) * wpv + b * 1u + c];
    let s15_0 = dot(fma(scaled_q4_hi(v15[3]), x0_7, fma(scaled_q4_lo(v15[3]), x0_6, fma(scaled_q4_hi(v15[2]), x0_5, fma(scaled_q4_lo(v15[2]), x0_4, fma(scaled_q4_hi(v15[1]), x0_3, fma(scaled_q4_lo(v15[1]), x0_2, fma(scaled_q4_hi(v15[0]), x0_1, scaled_q4_lo(v15[0]) * x0_0))))))), vec4f(1.0));
    let s15_1 = dot(fma(scaled_q4_hi(v15[3]), x1_7, fma(scaled_q4_lo(v15[3]), x1_6, fma(scaled_q4_hi(v15[2]), x1_5, fma(scaled_q4_lo(v15[2]), x1_4, fma(scaled_q4_hi(v15[1]), x1_3, fma(scaled_q4_lo(v15[1]), x1_2, fma(scaled_q4_hi(v15[0]), x1_1, scaled_q4_lo(v15[0]) * x1_0))))))), vec4f(1.0));
    let s15_2 = dot(fma(scaled_q4_hi(v15[3]), x2_7, fma(scaled_q4_lo(v15[3]), x2_6, fma(scaled_q4_hi(v15[2]), x2_5, fma(scaled_q4_lo(v15[2]), x2_4, fma(scaled_q4_hi(v15[1]), x2_3, fma(scaled_q4_lo(v15[1]), x2_2, fma(scaled_q4_hi(v15[0]), x2_1, scaled_q4_lo(v15[0]) * x2_0))))))), vec4f(1.0));
    let s15_3 = dot(fma(scaled_q4_hi(v15[3]), x3_7, fma(scaled_q4_lo(v15[3]), x3_6, fma(scaled_q4_hi(v15[2]), x3_5, fma(scaled_q4_lo(v15[2]), x3_4, fma(scaled_q4_hi(v15[1]), x3_3, fma(scaled_q4_lo(v15[1]), x3_2, fma(scaled_q4_hi(v15[0]), x3_1, scaled_q4_lo(v15[0]) * x3_0))))))), vec4f(1.0));
    let s15_4 = dot(fma(scaled_q4_hi(v15[3]), x4_7, fma(scaled_q4_lo(v15[3]), x4_6, fma(scaled_q4_hi(v15[2]), x4_5, fma(scaled_q4_lo(v15[2]), x4_4, fma(scaled_q4_hi(v15[1]), x4_3, fma(scaled_q4_lo(v15[1]), x4_2, fma(scaled_q4_hi(v15[0]), x4_1, scaled_q4_lo(v15[0]) * x4_0))))))), vec4f(1.0));
    let s15_5 = dot(fma(scaled_q4_hi(v15[3]), x5_7, fma(scaled_q4_lo(v15[3]), x5_6, fma(scaled_q4_hi(v15[2]), x5_5, fma(scaled_q4_lo(v15[2]), x5_4, fma(scaled_q4_hi(v15[1]), x5_3, fma(scaled_q4_lo(v15[1]), x5_2, fma(scaled_q4_hi(v15[0]), x5_1, scaled_q4_lo(v15[0]) * x5_0))))))), vec4f(1.0));
    let s15_6 = dot(fma(scaled_q4_hi(v15[3]), x6_7, fma(scaled_q4_lo(v15[3]), x6_6, fma(scaled_q4_hi(v15[2]), x6_5, fma(scaled_q4_lo(v15[2]), x6_4, fma(scaled_q4_hi(v15[1]), x6_3, fma(scaled_q4_lo(v15[1]), x6_2, fma(scaled_q4_hi(v15[0]), x6_1, scaled_q4_lo(v15[0]) * x6_0))))))), vec4f(1.0));
    let s15_7 = dot(fma(scaled_q4_hi(v15[3]), x7_7, fma(scaled_q4_lo(v15[3]), x7_6, fma(scaled_q4_hi(v15[2]), x7_5, fma(scaled_q4_lo(v15[2]), x7_4, fma(scaled_q4_hi(v15[1]), x7_3, fma(scaled_q4_lo(v15[1]), x7_2, fma(scaled_q4_hi(v15[0]), x7_1, scaled_q4_lo(v15[0]) * x7_0))))))), vec4f(1.0));
    let s15_8 = dot(fma(scaled_q4_hi(v15[3]), x8_7, fma(scaled_q4_lo(v15[3]), x8_6, fma(scaled_q4_hi(v15[2]), x8_5, fma(scaled_q4_lo(v15[2]), x8_4, fma(scaled_q4_hi(v15[1]), x8_3, fma(scaled_q4_lo(v15[1]), x8_2, fma(scaled_q4_hi(v15[0]), x8_1, scaled_q4_lo(v15[0]) * x8_0))))))), vec4f(1.0));
    let s15_9 = dot(fma(scaled_q4_hi(v15[3]), x9_7, fma(scaled_q4_lo(v15[3]), x9_6, fma(scaled_q4_hi(v15[2]), x9_5, fma(scaled_q4_lo(v15[2]), x9_4, fma(scaled_q4_hi(v15[1]), x9_3, fma(scaled_q4_lo(v15[1]), x9_2, fma(scaled_q4_hi(v15[0]), x9_1, scaled_q4_lo(v15[0]) * x9_0))))))), vec4f(1.0));
    let s15_10 = dot(fma(scaled_q4_hi(v15[3]), x10_7, fma(scaled_q4_lo(v15[3]), x10_6, fma(scaled_q4_hi(v15[2]), x10_5, fma(scaled_q4_lo(v15[2]), x10_4, fma(scaled_q4_hi(v15[1]), x10_3, fma(scaled_q4_lo(v15[1]), x10_2, fma(scaled_q4_hi(v15[0]), x10_1, scaled_q4_lo(v15[0]) * x10_0))))))), vec4f(1.0));
    let s15_11 = dot(fma(scaled_q4_hi(v15[3]), x11_7, fma(scaled_q4_lo(v15[3]), x11_6, fma(scaled_q4_hi(v15[2]), x11_5, fma(scaled_q4_lo(v15[2]), x11_4, fma(scaled_q4_hi(v15[1]), x11_3, fma(scaled_q4_lo(v15[1]), x11_2, fma(scaled_q4_hi(v15[0]), x11_1, scaled_q4_lo(v15[0]) * x11_0))))))), vec4f(1.0));
    let s15_12 = dot(fma(scaled_q4_hi(v15[3]), x12_7, fma(scaled_q4_lo(v15[3]), x12_6, fma(scaled_q4_hi(v15[2]), x12_5, fma(scaled_q4_lo(v15[2]), x12_4, fma(scaled_q4_hi(v15[1]), x12_3, fma(scaled_q4_lo(v15[1]), x12_2, fma(scaled_q4_hi(v15[0]), x12_1, scaled_q4_lo(v15[0]) * x12_0))))))), vec4f(1.0));
    let s15_13 = dot(fma(scaled_q4_hi(v15[3]), x13_7, fma(scaled_q4_lo(v15[3]), x13_6, fma(scaled_q4_hi(v15[2]), x13_5, fma(scaled_q4_lo(v15[2]), x13_4, fma(scaled_q4_hi(v15[1]), x13_3, fma(scaled_q4_lo(v15[1]), x13_2, fma(scaled_q4_hi(v15[0]), x13_1, scaled_q4_lo(v15[0]) * x13_0))))))), vec4f(1.0));
    let s15_14 = dot(fma(scaled_q4_hi(v15[3]), x14_7, fma(scaled_q4_lo(v15[3]), x14_6, fma(scaled_q4_hi(v15[2]), x14_5, fma(scaled_q4_lo(v15[2]), x14_4, fma(scaled_q4_hi(v15[1]), x14_3, fma(scaled_q4_lo(v15[1]), x14_2, fma(scaled_q4_hi(v15[0]), x14_1, scaled_q4_lo(v15[0]) * x14_0))))))), vec4f(1.0));
    let s15_15 = dot(fma(scaled_q4_hi(v15[3]), x15_7, fma(scaled_q4_lo(v15[3]), x15_6, fma(scaled_q4_hi(v15[2]), x15_5, fma(scaled_q4_lo(v15[2]), x15_4, fma(scaled_q4_hi(v15[1]), x15_3, fma(scaled_q4_lo(v15[1]), x15_2, fma(scaled_q4_hi(v15[0]), x15_1, scaled_q4_lo(v15[0]) * x15_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let off1 = 8.0 * dot(xs1, vec4f(1.0));
    let off2 = 8.0 * dot(xs2, vec4f(1.0));
    let off3 = 8.0 * dot(xs3, vec4f(1.0));
    let off4 = 8.0 * dot(xs4, vec4f(1.0));
    let off5 = 8.0 * dot(xs5, vec4f(1.0));
    let off6 = 8.0 * dot(xs6, vec4f(1.0));
    let off7 = 8.0 * dot(xs7, vec4f(1.0));
    let off8 = 8.0 * dot(xs8, vec4f(1.0));
    let off9 = 8.0 * dot(xs9, vec4f(1.0));
    let off10 = 8.0 * dot(xs10, vec4f(1.0));
    let off11 = 8.0 * dot(xs11, vec4f(1.0));
    let off12 = 8.0 * dot(xs12, vec4f(1.0));
    let off13 = 8.0 * dot(xs13, vec4f(1.0));
    let off14 = 8.0 * dot(xs14, vec4f(1.0));
    let off15 = 8.0 * dot(xs15, vec4f(1.0));
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
    acc0_8 += d0 * (s0_8 - off8);
    acc0_9 += d0 * (s0_9 - off9);
    acc0_10 += d0 * (s0_10 - off10);
    acc0_11 += d0 * (s0_11 - off11);
    acc0_12 += d0 * (s0_12 - off12);
    acc0_13 += d0 * (s0_13 - off13);
    acc0_14 += d0 * (s0_14 - off14);
    acc0_15 += d0 * (s0_15 - off15);
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
    acc1_8 += d1 * (s1_8 - off8);
    acc1_9 += d1 * (s1_9 - off9);
    acc1_10 += d1 * (s1_10 - off10);
    acc1_11 += d1 * (s1_11 - off11);
    acc1_12 += d1 * (s1_12 - off12);
    acc1_13 += d1 * (s1_13 - off13);
    acc1_14 += d1 * (s1_14 - off14);
    acc1_15 += d1 * (s1_15 - off15);
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
    acc2_8 += d2 * (s2_8 - off8);
    acc2_9 += d2 * (s2_9 - off9);
    acc2_10 += d2 * (s2_10 - off10);
    acc2_11 += d2 * (s2_11 - off11);
    acc2_12 += d2 * (s2_12 - off12);
    acc2_13 += d2 * (s2_13 - off13);
    acc2_14 += d2 * (s2_14 - off14);
    acc2_15 += d2 * (s2_15 - off15);
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
    acc3_8 += d3 * (s3_8 - off8);
    acc3_9 += d3 * (s3_9 - off9);
    acc3_10 += d3 * (s3_10 - off10);
    acc3_11 += d3 * (s3_11 - off11);
    acc3_12 += d3 * (s3_12 - off12);
    acc3_13 += d3 * (s3_13 - off13);
    acc3_14 += d3 * (s3_14 - off14);
    acc3_15 += d3 * (s3_15 - off15);
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
    acc4_8 += d4 * (s4_8 - off8);
    acc4_9 += d4 * (s4_9 - off9);
    acc4_10 += d4 * (s4_10 - off10);
    acc4_11 += d4 * (s4_11 - off11);
    acc4_12 += d4 * (s4_12 - off12);
    acc4_13 += d4 * (s4_13 - off13);
    acc4_14 += d4 * (s4_14 - off14);
    acc4_15 += d4 * (s4_15 - off15);
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
    acc5_8 += d5 * (s5_8 - off8);
    acc5_9 += d5 * (s5_9 - off9);
    acc5_10 += d5 * (s5_10 - off10);
    acc5_11 += d5 * (s5_11 - off11);
    acc5_12 += d5 * (s5_12 - off12);
    acc5_13 += d5 * (s5_13 - off13);
    acc5_14 += d5 * (s5_14 - off14);
    acc5_15 += d5 * (s5_15 - off15);
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
    acc6_8 += d6 * (s6_8 - off8);
    acc6_9 += d6 * (s6_9 - off9);
    acc6_10 += d6 * (s6_10 - off10);
    acc6_11 += d6 * (s6_11 - off11);
    acc6_12 += d6 * (s6_12 - off12);
    acc6_13 += d6 * (s6_13 - off13);
    acc6_14 += d6 * (s6_14 - off14);
    acc6_15 += d6 * (s6_15 - off15);
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
    acc7_8 += d7 * (s7_8 - off8);
    acc7_9 += d7 * (s7_9 - off9);
    acc7_10 += d7 * (s7_10 - off10);
    acc7_11 += d7 * (s7_11 - off11);
    acc7_12 += d7 * (s7_12 - off12);
    acc7_13 += d7 * (s7_13 - off13);
    acc7_14 += d7 * (s7_14 - off14);
    acc7_15 += d7 * (s7_15 - off15);
    let si8 = min(row0 + 8u * WG + lid, last) * p.scalesPerRow + b;
    let d8 = f16_at(scales[si8 >> 1u], si8);
    acc8_0 += d8 * (s8_0 - off0);
    acc8_1 += d8 * (s8_1 - off1);
    acc8_2 += d8 * (s8_2 - off2);
    acc8_3 += d8 * (s8_3 - off3);
    acc8_4 += d8 * (s8_4 - off4);
    acc8_5 += d8 * (s8_5 - off5);
    acc8_6 += d8 * (s8_6 - off6);
    acc8_7 += d8 * (s8_7 - off7);
    acc8_8 += d8 * (s8_8 - off8);
    acc8_9 += d8 * (s8_9 - off9);
    acc8_10 += d8 * (s8_10 - off10);
    acc8_11 += d8 * (s8_11 - off11);
    acc8_12 += d8 * (s8_12 - off12);
    acc8_13 += d8 * (s8_13 - off13);
    acc8_14 += d8 * (s8_14 - off14);
    acc8_15 += d8 * (s8_15 - off15);
    let si9 = min(row0 + 9u * WG + lid, last) * p.scalesPerRow + b;
    let d9 = f16_at(scales[si9 >> 1u], si9);
    acc9_0 += d9 * (s9_0 - off0);
    acc9_1 += d9 * (s9_1 - off1);
    acc9_2 += d9 * (s9_2 - off2);
    acc9_3 += d9 * (s9_3 - off3);
    acc9_4 += d9 * (s9_4 - off4);
    acc9_5 += d9 * (s9_5 - off5);
    acc9_6 += d9 * (s9_6 - off6);
    acc9_7 += d9 * (s9_7 - off7);
    acc9_8 += d9 * (s9_8 - off8);
    acc9_9 += d9 * (s9_9 - off9);
    acc9_10 += d9 * (s9_10 - off10);
    acc9_11 += d9 * (s9_11 - off11);
    acc9_12 += d9 * (s9_12 - off12);
    acc9_13 += d9 * (s9_13 - off13);
    acc9_14 += d9 * (s9_14 - off14);
    acc9_15 += d9 * (s9_15 - off15);
    let si10 = min(row0 + 10u * WG + lid, last) * p.scalesPerRow + b;
    let d10 = f16_at(scales[si10 >> 1u], si10);
    acc10_0 += d10 * (s10_0 - off0);
    acc10_1 += d10 * (s10_1 - off1);
    acc10_2 += d10 * (s10_2 - off2);
    acc10_3 += d10 * (s10_3 - off3);
    acc10_4 += d10 * (s10_4 - off4);
    acc10_5 += d10 * (s10_5 - off5);
    acc10_6 += d10 * (s10_6 - off6);
    acc10_7 += d10 * (s10_7 - off7);
    acc10_8 += d10 * (s10_8 - off8);
    acc10_9 += d10 * (s10_9 - off9);
    acc10_10 += d10 * (s10_10 - off10);
    acc10_11 += d10 * (s10_11 - off11);
    acc10_12 += d10 * (s10_12 - off12);
    acc10_13 += d10 * (s10_13 - off13);
    acc10_14 += d10 * (s10_14 - off14);
    acc10_15 += d10 * (s10_15 - off15);
    let si11 = min(row0 + 11u * WG + lid, last) * p.scalesPerRow + b;
    let d11 = f16_at(scales[si11 >> 1u], si11);
    acc11_0 += d11 * (s11_0 - off0);
    acc11_1 += d11 * (s11_1 - off1);
    acc11_2 += d11 * (s11_2 - off2);
    acc11_3 += d11 * (s11_3 - off3);
    acc11_4 += d11 * (s11_4 - off4);
    acc11_5 += d11 * (s11_5 - off5);
    acc11_6 += d11 * (s11_6 - off6);
    acc11_7 += d11 * (s11_7 - off7);
    acc11_8 += d11 * (s11_8 - off8);
    acc11_9 += d11 * (s11_9 - off9);
    acc11_10 += d11 * (s11_10 - off10);
    acc11_11 += d11 * (s11_11 - off11);
    acc11_12 += d11 * (s11_12 - off12);
    acc11_13 += d11 * (s11_13 - off13);
    acc11_14 += d11 * (s11_14 - off14);
    acc11_15 += d11 * (s11_15 - off15);
    let si12 = min(row0 + 12u * WG + lid, last) * p.scalesPerRow + b;
    let d12 = f16_at(scales[si12 >> 1u], si12);
    acc12_0 += d12 * (s12_0 - off0);
    acc12_1 += d12 * (s12_1 - off1);
    acc12_2 += d12 * (s12_2 - off2);
    acc12_3 += d12 * (s12_3 - off3);
    acc12_4 += d12 * (s12_4 - off4);
    acc12_5 += d12 * (s12_5 - off5);
    acc12_6 += d12 * (s12_6 - off6);
    acc12_7 += d12 * (s12_7 - off7);
    acc12_8 += d12 * (s12_8 - off8);
    acc12_9 += d12 * (s12_9 - off9);
    acc12_10 += d12 * (s12_10 - off10);
    acc12_11 += d12 * (s12_11 - off11);
    acc12_12 += d12 * (s12_12 - off12);
    acc12_13 += d12 * (s12_13 - off13);
    acc12_14 += d12 * (s12_14 - off14);
    acc12_15 += d12 * (s12_15 - off15);
    let si13 = min(row0 + 13u * WG + lid, last) * p.scalesPerRow + b;
    let d13 = f16_at(scales[si13 >> 1u], si13);
    acc13_0 += d13 * (s13_0 - off0);
    acc13_1 += d13 * (s13_1 - off1);
    acc13_2 += d13 * (s13_2 - off2);
    acc13_3 += d13 * (s13_3 - off3);
    acc13_4 += d13 * (s13_4 - off4);
    acc13_5 += d13 * (s13_5 - off5);
    acc13_6 += d13 * (s13_6 - off6);
    acc13_7 += d13 * (s13_7 - off7);
    acc13_8 += d13 * (s13_8 - off8);
    acc13_9 += d13 * (s13_9 - off9);
    acc13_10 += d13 * (s13_10 - off10);
    acc13_11 += d13 * (s13_11 - off11);
    acc13_12 += d13 * (s13_12 - off12);
    acc13_13 += d13 * (s13_13 - off13);
    acc13_14 += d13 * (s13_14 - off14);
    acc13_15 += d13 * (s13_15 - off15);
    let si14 = min(row0 + 14u * WG + lid, last) * p.scalesPerRow + b;
    let d14 = f16_at(scales[si14 >> 1u], si14);
    acc14_0 += d14 * (s14_0 - off0);
    acc14_1 += d14 * (s14_1 - off1);
    acc14_2 += d14 * (s14_2 - off2);
    acc14_3 += d14 * (s14_3 - off3);
    acc14_4 += d14 * (s14_4 - off4);
    acc14_5 += d14 * (s14_5 - off5);
    acc14_6 += d14 * (s14_6 - off6);
    acc14_7 += d14 * (s14_7 - off7);
    acc14_8 += d14 * (s14_8 - off8);
    acc14_9 += d14 * (s14_9 - off9);
    acc14_10 += d14 * (s14_10 - off10);
    acc14_11 += d14 * (s14_11 - off11);
    acc14_12 += d14 * (s14_12 - off12);
    acc14_13 += d14 * (s14_13 - off13);
    acc14_14 += d14 * (s14_14 - off14);
    acc14_15 += d14 * (s14_15 - off15);
    let si15 = min(row0 + 15u * WG + lid, last) * p.scalesPerRow + b;
    let d15 = f16_at(scales[si15 >> 1u], si15);
    acc15_0 += d15 * (s15_0 - off0);
    acc15_1 += d15 * (s15_1 - off1);
    acc15_2 += d15 * (s15_2 - off2);
    acc15_3 += d15 * (s15_3 - off3);
    acc15_4 += d15 * (s15_4 - off4);
    acc15_5 += d15 * (s15_5 - off5);
    acc15_6 += d15 * (s15_6 - off6);
    acc15_7 += d15 * (s15_7 - off7);
    acc15_8 += d15 * (s15_8 - off8);
    acc15_9 += d15 * (s15_9 - off9);
    acc15_10 += d15 * (s15_10 - off10);
    acc15_11 += d15 * (s15_11 - off11);
    acc15_12 += d15 * (s15_12 - off12);
    acc15_13 += d15 * (s15_13 - off13);
    acc15_14 += d15 * (s15_14 - off14);
    acc15_15 += d15 * (s15_15 - off15);
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
    var xs8 = vec4f(0.0);
    var xs9 = vec4f(0.0);
    var xs10 = vec4f(0.0);
    var xs11 = vec4f(0.0);
    var xs12 = vec4f(0.0);
    var xs13 = vec4f(0.0);
    var xs14 = vec4f(0.0);
    var xs15 = vec4f(0.0);
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
    let xr8_0 = select(vec4f(0.0), x[xo8 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr8_1 = select(vec4f(0.0), x[xo8 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr8_2 = select(vec4f(0.0), x[xo8 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr8_3 = select(vec4f(0.0), x[xo8 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr8_4 = select(vec4f(0.0), x[xo8 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr8_5 = select(vec4f(0.0), x[xo8 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr8_6 = select(vec4f(0.0), x[xo8 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr8_7 = select(vec4f(0.0), x[xo8 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs8 += xr8_0 + xr8_1 + xr8_2 + xr8_3 + xr8_4 + xr8_5 + xr8_6 + xr8_7;
    let x8_0 = xr8_0 * Q4_LO;
    let x8_1 = xr8_1 * Q4_HI;
    let x8_2 = xr8_2 * Q4_LO;
    let x8_3 = xr8_3 * Q4_HI;
    let x8_4 = xr8_4 * Q4_LO;
    let x8_5 = xr8_5 * Q4_HI;
    let x8_6 = xr8_6 * Q4_LO;
    let x8_7 = xr8_7 * Q4_HI;
    let xr9_0 = select(vec4f(0.0), x[xo9 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr9_1 = select(vec4f(0.0), x[xo9 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr9_2 = select(vec4f(0.0), x[xo9 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr9_3 = select(vec4f(0.0), x[xo9 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr9_4 = select(vec4f(0.0), x[xo9 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr9_5 = select(vec4f(0.0), x[xo9 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr9_6 = select(vec4f(0.0), x[xo9 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr9_7 = select(vec4f(0.0), x[xo9 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs9 += xr9_0 + xr9_1 + xr9_2 + xr9_3 + xr9_4 + xr9_5 + xr9_6 + xr9_7;
    let x9_0 = xr9_0 * Q4_LO;
    let x9_1 = xr9_1 * Q4_HI;
    let x9_2 = xr9_2 * Q4_LO;
    let x9_3 = xr9_3 * Q4_HI;
    let x9_4 = xr9_4 * Q4_LO;
    let x9_5 = xr9_5 * Q4_HI;
    let x9_6 = xr9_6 * Q4_LO;
    let x9_7 = xr9_7 * Q4_HI;
    let xr10_0 = select(vec4f(0.0), x[xo10 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr10_1 = select(vec4f(0.0), x[xo10 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr10_2 = select(vec4f(0.0), x[xo10 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr10_3 = select(vec4f(0.0), x[xo10 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr10_4 = select(vec4f(0.0), x[xo10 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr10_5 = select(vec4f(0.0), x[xo10 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr10_6 = select(vec4f(0.0), x[xo10 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr10_7 = select(vec4f(0.0), x[xo10 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs10 += xr10_0 + xr10_1 + xr10_2 + xr10_3 + xr10_4 + xr10_5 + xr10_6 + xr10_7;
    let x10_0 = xr10_0 * Q4_LO;
    let x10_1 = xr10_1 * Q4_HI;
    let x10_2 = xr10_2 * Q4_LO;
    let x10_3 = xr10_3 * Q4_HI;
    let x10_4 = xr10_4 * Q4_LO;
    let x10_5 = xr10_5 * Q4_HI;
    let x10_6 = xr10_6 * Q4_LO;
    let x10_7 = xr10_7 * Q4_HI;
    let xr11_0 = select(vec4f(0.0), x[xo11 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr11_1 = select(vec4f(0.0), x[xo11 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr11_2 = select(vec4f(0.0), x[xo11 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr11_3 = select(vec4f(0.0), x[xo11 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr11_4 = select(vec4f(0.0), x[xo11 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr11_5 = select(vec4f(0.0), x[xo11 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr11_6 = select(vec4f(0.0), x[xo11 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr11_7 = select(vec4f(0.0), x[xo11 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs11 += xr11_0 + xr11_1 + xr11_2 + xr11_3 + xr11_4 + xr11_5 + xr11_6 + xr11_7;
    let x11_0 = xr11_0 * Q4_LO;
    let x11_1 = xr11_1 * Q4_HI;
    let x11_2 = xr11_2 * Q4_LO;
    let x11_3 = xr11_3 * Q4_HI;
    let x11_4 = xr11_4 * Q4_LO;
    let x11_5 = xr11_5 * Q4_HI;
    let x11_6 = xr11_6 * Q4_LO;
    let x11_7 = xr11_7 * Q4_HI;
    let xr12_0 = select(vec4f(0.0), x[xo12 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr12_1 = select(vec4f(0.0), x[xo12 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr12_2 = select(vec4f(0.0), x[xo12 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr12_3 = select(vec4f(0.0), x[xo12 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr12_4 = select(vec4f(0.0), x[xo12 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr12_5 = select(vec4f(0.0), x[xo12 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr12_6 = select(vec4f(0.0), x[xo12 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr12_7 = select(vec4f(0.0), x[xo12 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs12 += xr12_0 + xr12_1 + xr12_2 + xr12_3 + xr12_4 + xr12_5 + xr12_6 + xr12_7;
    let x12_0 = xr12_0 * Q4_LO;
    let x12_1 = xr12_1 * Q4_HI;
    let x12_2 = xr12_2 * Q4_LO;
    let x12_3 = xr12_3 * Q4_HI;
    let x12_4 = xr12_4 * Q4_LO;
    let x12_5 = xr12_5 * Q4_HI;
    let x12_6 = xr12_6 * Q4_LO;
    let x12_7 = xr12_7 * Q4_HI;
    let xr13_0 = select(vec4f(0.0), x[xo13 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr13_1 = select(vec4f(0.0), x[xo13 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr13_2 = select(vec4f(0.0), x[xo13 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr13_3 = select(vec4f(0.0), x[xo13 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr13_4 = select(vec4f(0.0), x[xo13 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr13_5 = select(vec4f(0.0), x[xo13 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr13_6 = select(vec4f(0.0), x[xo13 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr13_7 = select(vec4f(0.0), x[xo13 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs13 += xr13_0 + xr13_1 + xr13_2 + xr13_3 + xr13_4 + xr13_5 + xr13_6 + xr13_7;
    let x13_0 = xr13_0 * Q4_LO;
    let x13_1 = xr13_1 * Q4_HI;
    let x13_2 = xr13_2 * Q4_LO;
    let x13_3 = xr13_3 * Q4_HI;
    let x13_4 = xr13_4 * Q4_LO;
    let x13_5 = xr13_5 * Q4_HI;
    let x13_6 = xr13_6 * Q4_LO;
    let x13_7 = xr13_7 * Q4_HI;
    let xr14_0 = select(vec4f(0.0), x[xo14 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr14_1 = select(vec4f(0.0), x[xo14 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr14_2 = select(vec4f(0.0), x[xo14 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr14_3 = select(vec4f(0.0), x[xo14 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr14_4 = select(vec4f(0.0), x[xo14 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr14_5 = select(vec4f(0.0), x[xo14 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr14_6 = select(vec4f(0.0), x[xo14 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr14_7 = select(vec4f(0.0), x[xo14 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs14 += xr14_0 + xr14_1 + xr14_2 + xr14_3 + xr14_4 + xr14_5 + xr14_6 + xr14_7;
    let x14_0 = xr14_0 * Q4_LO;
    let x14_1 = xr14_1 * Q4_HI;
    let x14_2 = xr14_2 * Q4_LO;
    let x14_3 = xr14_3 * Q4_HI;
    let x14_4 = xr14_4 * Q4_LO;
    let x14_5 = xr14_5 * Q4_HI;
    let x14_6 = xr14_6 * Q4_LO;
    let x14_7 = xr14_7 * Q4_HI;
    let xr15_0 = select(vec4f(0.0), x[xo15 + min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr15_1 = select(vec4f(0.0), x[xo15 + min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr15_2 = select(vec4f(0.0), x[xo15 + min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr15_3 = select(vec4f(0.0), x[xo15 + min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr15_4 = select(vec4f(0.0), x[xo15 + min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr15_5 = select(vec4f(0.0), x[xo15 + min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr15_6 = select(vec4f(0.0), x[xo15 + min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr15_7 = select(vec4f(0.0), x[xo15 + min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs15 += xr15_0 + xr15_1 + xr15_2 + xr15_3 + xr15_4 + xr15_5 + xr15_6 + xr15_7;
    let x15_0 = xr15_0 * Q4_LO;
    let x15_1 = xr15_1 * Q4_HI;
    let x15_2 = xr15_2 * Q4_LO;
    let x15_3 = xr15_3 * Q4_HI;
    let x15_4 = xr15_4 * Q4_LO;
    let x15_5 = xr15_5 * Q4_HI;
    let x15_6 = xr15_6 * Q4_LO;
    let x15_7 = xr15_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let s0_1 = dot(fma(scaled_q4_hi(v0[3]), x1_7, fma(scaled_q4_lo(v0[3]), x1_6, fma(scaled_q4_hi(v0[2]), x1_5, fma(scaled_q4_lo(v0[2]), x1_4, fma(scaled_q4_hi(v0[1]), x1_3, fma(scaled_q4_lo(v0[1]), x1_2, fma(scaled_q4_hi(v0[0]), x1_1, scaled_q4_lo(v0[0]) * x1_0))))))), vec4f(1.0));
    let s0_2 = dot(fma(scaled_q4_hi(v0[3]), x2_7, fma(scaled_q4_lo(v0[3]), x2_6, fma(scaled_q4_hi(v0[2]), x2_5, fma(scaled_q4_lo(v0[2]), x2_4, fma(scaled_q4_hi(v0[1]), x2_3, fma(scaled_q4_lo(v0[1]), x2_2, fma(scaled_q4_hi(v0[0]), x2_1, scaled_q4_lo(v0[0]) * x2_0))))))), vec4f(1.0));
    let s0_3 = dot(fma(scaled_q4_hi(v0[3]), x3_7, fma(scaled_q4_lo(v0[3]), x3_6, fma(scaled_q4_hi(v0[2]), x3_5, fma(scaled_q4_lo(v0[2]), x3_4, fma(scaled_q4_hi(v0[1]), x3_3, fma(scaled_q4_lo(v0[1]), x3_2, fma(scaled_q4_hi(v0[0]), x3_1, scaled_q4_lo(v0[0]) * x3_0))))))), vec4f(1.0));
    let s0_4 = dot(fma(scaled_q4_hi(v0[3]), x4_7, fma(scaled_q4_lo(v0[3]), x4_6, fma(scaled_q4_hi(v0[2]), x4_5, fma(scaled_q4_lo(v0[2]), x4_4, fma(scaled_q4_hi(v0[1]), x4_3, fma(scaled_q4_lo(v0[1]), x4_2, fma(scaled_q4_hi(v0[0]), x4_1, scaled_q4_lo(v0[0]) * x4_0))))))), vec4f(1.0));
    let s0_5 = dot(fma(scaled_q4_hi(v0[3]), x5_7, fma(scaled_q4_lo(v0[3]), x5_6, fma(scaled_q4_hi(v0[2]), x5_5, fma(scaled_q4_lo(v0[2]), x5_4, fma(scaled_q4_hi(v0[1]), x5_3, fma(scaled_q4_lo(v0[1]), x5_2, fma(scaled_q4_hi(v0[0]), x5_1, scaled_q4_lo(v0[0]) * x5_0))))))), vec4f(1.0));
    let s0_6 = dot(fma(scaled_q4_hi(v0[3]), x6_7, fma(scaled_q4_lo(v0[3]), x6_6, fma(scaled_q4_hi(v0[2]), x6_5, fma(scaled_q4_lo(v0[2]), x6_4, fma(scaled_q4_hi(v0[1]), x6_3, fma(scaled_q4_lo(v0[1]), x6_2, fma(scaled_q4_hi(v0[0]), x6_1, scaled_q4_lo(v0[0]) * x6_0))))))), vec4f(1.0));
    let s0_7 = dot(fma(scaled_q4_hi(v0[3]), x7_7, fma(scaled_q4_lo(v0[3]), x7_6, fma(scaled_q4_hi(v0[2]), x7_5, fma(scaled_q4_lo(v0[2]), x7_4, fma(scaled_q4_hi(v0[1]), x7_3, fma(scaled_q4_lo(v0[1]), x7_2, fma(scaled_q4_hi(v0[0]), x7_1, scaled_q4_lo(v0[0]) * x7_0))))))), vec4f(1.0));
    let s0_8 = dot(fma(scaled_q4_hi(v0[3]), x8_7, fma(scaled_q4_lo(v0[3]), x8_6, fma(scaled_q4_hi(v0[2]), x8_5, fma(scaled_q4_lo(v0[2]), x8_4, fma(scaled_q4_hi(v0[1]), x8_3, fma(scaled_q4_lo(v0[1]), x8_2, fma(scaled_q4_hi(v0[0]), x8_1, scaled_q4_lo(v0[0]) * x8_0))))))), vec4f(1.0));
    let s0_9 = dot(fma(scaled_q4_hi(v0[3]), x9_7, fma(scaled_q4_lo(v0[3]), x9_6, fma(scaled_q4_hi(v0[2]), x9_5, fma(scaled_q4_lo(v0[2]), x9_4, fma(scaled_q4_hi(v0[1]), x9_3, fma(scaled_q4_lo(v0[1]), x9_2, fma(scaled_q4_hi(v0[0]), x9_1, scaled_q4_lo(v0[0]) * x9_0))))))), vec4f(1.0));
    let s0_10 = dot(fma(scaled_q4_hi(v0[3]), x10_7, fma(scaled_q4_lo(v0[3]), x10_6, fma(scaled_q4_hi(v0[2]), x10_5, fma(scaled_q4_lo(v0[2]), x10_4, fma(scaled_q4_hi(v0[1]), x10_3, fma(scaled_q4_lo(v0[1]), x10_2, fma(scaled_q4_hi(v0[0]), x10_1, scaled_q4_lo(v0[0]) * x10_0))))))), vec4f(1.0));
    let s0_11 = dot(fma(scaled_q4_hi(v0[3]), x11_7, fma(scaled_q4_lo(v0[3]), x11_6, fma(scaled_q4_hi(v0[2]), x11_5, fma(scaled_q4_lo(v0[2]), x11_4, fma(scaled_q4_hi(v0[1]), x11_3, fma(scaled_q4_lo(v0[1]), x11_2, fma(scaled_q4_hi(v0[0]), x11_1, scaled_q4_lo(v0[0]) * x11_0))))))), vec4f(1.0));
    let s0_12 = dot(fma(scaled_q4_hi(v0[3]), x12_7, fma(scaled_q4_lo(v0[3]), x12_6, fma(scaled_q4_hi(v0[2]), x12_5, fma(scaled_q4_lo(v0[2]), x12_4, fma(scaled_q4_hi(v0[1]), x12_3, fma(scaled_q4_lo(v0[1]), x12_2, fma(scaled_q4_hi(v0[0]), x12_1, scaled_q4_lo(v0[0]) * x12_0))))))), vec4f(1.0));
    let s0_13 = dot(fma(scaled_q4_hi(v0[3]), x13_7, fma(scaled_q4_lo(v0[3]), x13_6, fma(scaled_q4_hi(v0[2]), x13_5, fma(scaled_q4_lo(v0[2]), x13_4, fma(scaled_q4_hi(v0[1]), x13_3, fma(scaled_q4_lo(v0[1]), x13_2, fma(scaled_q4_hi(v0[0]), x13_1, scaled_q4_lo(v0[0]) * x13_0))))))), vec4f(1.0));
    let s0_14 = dot(fma(scaled_q4_hi(v0[3]), x14_7, fma(scaled_q4_lo(v0[3]), x14_6, fma(scaled_q4_hi(v0[2]), x14_5, fma(scaled_q4_lo(v0[2]), x14_4, fma(scaled_q4_hi(v0[1]), x14_3, fma(scaled_q4_lo(v0[1]), x14_2, fma(scaled_q4_hi(v0[0]), x14_1, scaled_q4_lo(v0[0]) * x14_0))))))), vec4f(1.0));
    let s0_15 = dot(fma(scaled_q4_hi(v0[3]), x15_7, fma(scaled_q4_lo(v0[3]), x15_6, fma(scaled_q4_hi(v0[2]), x15_5, fma(scaled_q4_lo(v0[2]), x15_4, fma(scaled_q4_hi(v0[1]), x15_3, fma(scaled_q4_lo(v0[1]), x15_2, fma(scaled_q4_hi(v0[0]), x15_1, scaled_q4_lo(v0[0]) * x15_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let s1_1 = dot(fma(scaled_q4_hi(v1[3]), x1_7, fma(scaled_q4_lo(v1[3]), x1_6, fma(scaled_q4_hi(v1[2]), x1_5, fma(scaled_q4_lo(v1[2]), x1_4, fma(scaled_q4_hi(v1[1]), x1_3, fma(scaled_q4_lo(v1[1]), x1_2, fma(scaled_q4_hi(v1[0]), x1_1, scaled_q4_lo(v1[0]) * x1_0))))))), vec4f(1.0));
    let s1_2 = dot(fma(scaled_q4_hi(v1[3]), x2_7, fma(scaled_q4_lo(v1[3]), x2_6, fma(scaled_q4_hi(v1[2]), x2_5, fma(scaled_q4_lo(v1[2]), x2_4, fma(scaled_q4_hi(v1[1]), x2_3, fma(scaled_q4_lo(v1[1]), x2_2, fma(scaled_q4_hi(v1[0]), x2_1, scaled_q4_lo(v1[0]) * x2_0))))))), vec4f(1.0));
    let s1_3 = dot(fma(scaled_q4_hi(v1[3]), x3_7, fma(scaled_q4_lo(v1[3]), x3_6, fma(scaled_q4_hi(v1[2]), x3_5, fma(scaled_q4_lo(v1[2]), x3_4, fma(scaled_q4_hi(v1[1]), x3_3, fma(scaled_q4_lo(v1[1]), x3_2, fma(scaled_q4_hi(v1[0]), x3_1, scaled_q4_lo(v1[0]) * x3_0))))))), vec4f(1.0));
    let s1_4 = dot(fma(scaled_q4_hi(v1[3]), x4_7, fma(scaled_q4_lo(v1[3]), x4_6, fma(scaled_q4_hi(v1[2]), x4_5, fma(scaled_q4_lo(v1[2]), x4_4, fma(scaled_q4_hi(v1[1]), x4_3, fma(scaled_q4_lo(v1[1]), x4_2, fma(scaled_q4_hi(v1[0]), x4_1, scaled_q4_lo(v1[0]) * x4_0))))))), vec4f(1.0));
    let s1_5 = dot(fma(scaled_q4_hi(v1[3]), x5_7, fma(scaled_q4_lo(v1[3]), x5_6, fma(scaled_q4_hi(v1[2]), x5_5, fma(scaled_q4_lo(v1[2]), x5_4, fma(scaled_q4_hi(v1[1]), x5_3, fma(scaled_q4_lo(v1[1]), x5_2, fma(scaled_q4_hi(v1[0]), x5_1, scaled_q4_lo(v1[0]) * x5_0))))))), vec4f(1.0));
    let s1_6 = dot(fma(scaled_q4_hi(v1[3]), x6_7, fma(scaled_q4_lo(v1[3]), x6_6, fma(scaled_q4_hi(v1[2]), x6_5, fma(scaled_q4_lo(v1[2]), x6_4, fma(scaled_q4_hi(v1[1]), x6_3, fma(scaled_q4_lo(v1[1]), x6_2, fma(scaled_q4_hi(v1[0]), x6_1, scaled_q4_lo(v1[0]) * x6_0))))))), vec4f(1.0));
    let s1_7 = dot(fma(scaled_q4_hi(v1[3]), x7_7, fma(scaled_q4_lo(v1[3]), x7_6, fma(scaled_q4_hi(v1[2]), x7_5, fma(scaled_q4_lo(v1[2]), x7_4, fma(scaled_q4_hi(v1[1]), x7_3, fma(scaled_q4_lo(v1[1]), x7_2, fma(scaled_q4_hi(v1[0]), x7_1, scaled_q4_lo(v1[0]) * x7_0))))))), vec4f(1.0));
    let s1_8 = dot(fma(scaled_q4_hi(v1[3]), x8_7, fma(scaled_q4_lo(v1[3]), x8_6, fma(scaled_q4_hi(v1[2]), x8_5, fma(scaled_q4_lo(v1[2]), x8_4, fma(scaled_q4_hi(v1[1]), x8_3, fma(scaled_q4_lo(v1[1]), x8_2, fma(scaled_q4_hi(v1[0]), x8_1, scaled_q4_lo(v1[0]) * x8_0))))))), vec4f(1.0));
    let s1_9 = dot(fma(scaled_q4_hi(v1[3]), x9_7, fma(scaled_q4_lo(v1[3]), x9_6, fma(scaled_q4_hi(v1[2]), x9_5, fma(scaled_q4_lo(v1[2]), x9_4, fma(scaled_q4_hi(v1[1]), x9_3, fma(scaled_q4_lo(v1[1]), x9_2, fma(scaled_q4_hi(v1[0]), x9_1, scaled_q4_lo(v1[0]) * x9_0))))))), vec4f(1.0));
    let s1_10 = dot(fma(scaled_q4_hi(v1[3]), x10_7, fma(scaled_q4_lo(v1[3]), x10_6, fma(scaled_q4_hi(v1[2]), x10_5, fma(scaled_q4_lo(v1[2]), x10_4, fma(scaled_q4_hi(v1[1]), x10_3, fma(scaled_q4_lo(v1[1]), x10_2, fma(scaled_q4_hi(v1[0]), x10_1, scaled_q4_lo(v1[0]) * x10_0))))))), vec4f(1.0));
    let s1_11 = dot(fma(scaled_q4_hi(v1[3]), x11_7, fma(scaled_q4_lo(v1[3]), x11_6, fma(scaled_q4_hi(v1[2]), x11_5, fma(scaled_q4_lo(v1[2]), x11_4, fma(scaled_q4_hi(v1[1]), x11_3, fma(scaled_q4_lo(v1[1]), x11_2, fma(scaled_q4_hi(v1[0]), x11_1, scaled_q4_lo(v1[0]) * x11_0))))))), vec4f(1.0));
    let s1_12 = dot(fma(scaled_q4_hi(v1[3]), x12_7, fma(scaled_q4_lo(v1[3]), x12_6, fma(scaled_q4_hi(v1[2]), x12_5, fma(scaled_q4_lo(v1[2]), x12_4, fma(scaled_q4_hi(v1[1]), x12_3, fma(scaled_q4_lo(v1[1]), x12_2, fma(scaled_q4_hi(v1[0]), x12_1, scaled_q4_lo(v1[0]) * x12_0))))))), vec4f(1.0));
    let s1_13 = dot(fma(scaled_q4_hi(v1[3]), x13_7, fma(scaled_q4_lo(v1[3]), x13_6, fma(scaled_q4_hi(v1[2]), x13_5, fma(scaled_q4_lo(v1[2]), x13_4, fma(scaled_q4_hi(v1[1]), x13_3, fma(scaled_q4_lo(v1[1]), x13_2, fma(scaled_q4_hi(v1[0]), x13_1, scaled_q4_lo(v1[0]) * x13_0))))))), vec4f(1.0));
    let s1_14 = dot(fma(scaled_q4_hi(v1[3]), x14_7, fma(scaled_q4_lo(v1[3]), x14_6, fma(scaled_q4_hi(v1[2]), x14_5, fma(scaled_q4_lo(v1[2]), x14_4, fma(scaled_q4_hi(v1[1]), x14_3, fma(scaled_q4_lo(v1[1]), x14_2, fma(scaled_q4_hi(v1[0]), x14_1, scaled_q4_lo(v1[0]) * x14_0))))))), vec4f(1.0));
    let s1_15 = dot(fma(scaled_q4_hi(v1[3]), x15_7, fma(scaled_q4_lo(v1[3]), x15_6, fma(scaled_q4_hi(v1[2]), x15_5, fma(scaled_q4_lo(v1[2]), x15_4, fma(scaled_q4_hi(v1[1]), x15_3, fma(scaled_q4_lo(v1[1]), x15_2, fma(scaled_q4_hi(v1[0]), x15_1, scaled_q4_lo(v1[0]) * x15_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let s2_1 = dot(fma(scaled_q4_hi(v2[3]), x1_7, fma(scaled_q4_lo(v2[3]), x1_6, fma(scaled_q4_hi(v2[2]), x1_5, fma(scaled_q4_lo(v2[2]), x1_4, fma(scaled_q4_hi(v2[1]), x1_3, fma(scaled_q4_lo(v2[1]), x1_2, fma(scaled_q4_hi(v2[0]), x1_1, scaled_q4_lo(v2[0]) * x1_0))))))), vec4f(1.0));
    let s2_2 = dot(fma(scaled_q4_hi(v2[3]), x2_7, fma(scaled_q4_lo(v2[3]), x2_6, fma(scaled_q4_hi(v2[2]), x2_5, fma(scaled_q4_lo(v2[2]), x2_4, fma(scaled_q4_hi(v2[1]), x2_3, fma(scaled_q4_lo(v2[1]), x2_2, fma(scaled_q4_hi(v2[0]), x2_1, scaled_q4_lo(v2[0]) * x2_0))))))), vec4f(1.0));
    let s2_3 = dot(fma(scaled_q4_hi(v2[3]), x3_7, fma(scaled_q4_lo(v2[3]), x3_6, fma(scaled_q4_hi(v2[2]), x3_5, fma(scaled_q4_lo(v2[2]), x3_4, fma(scaled_q4_hi(v2[1]), x3_3, fma(scaled_q4_lo(v2[1]), x3_2, fma(scaled_q4_hi(v2[0]), x3_1, scaled_q4_lo(v2[0]) * x3_0))))))), vec4f(1.0));
    let s2_4 = dot(fma(scaled_q4_hi(v2[3]), x4_7, fma(scaled_q4_lo(v2[3]), x4_6, fma(scaled_q4_hi(v2[2]), x4_5, fma(scaled_q4_lo(v2[2]), x4_4, fma(scaled_q4_hi(v2[1]), x4_3, fma(scaled_q4_lo(v2[1]), x4_2, fma(scaled_q4_hi(v2[0]), x4_1, scaled_q4_lo(v2[0]) * x4_0))))))), vec4f(1.0));
    let s2_5 = dot(fma(scaled_q4_hi(v2[3]), x5_7, fma(scaled_q4_lo(v2[3]), x5_6, fma(scaled_q4_hi(v2[2]), x5_5, fma(scaled_q4_lo(v2[2]), x5_4, fma(scaled_q4_hi(v2[1]), x5_3, fma(scaled_q4_lo(v2[1]), x5_2, fma(scaled_q4_hi(v2[0]), x5_1, scaled_q4_lo(v2[0]) * x5_0))))))), vec4f(1.0));
    let s2_6 = dot(fma(scaled_q4_hi(v2[3]), x6_7, fma(scaled_q4_lo(v2[3]), x6_6, fma(scaled_q4_hi(v2[2]), x6_5, fma(scaled_q4_lo(v2[2]), x6_4, fma(scaled_q4_hi(v2[1]), x6_3, fma(scaled_q4_lo(v2[1]), x6_2, fma(scaled_q4_hi(v2[0]), x6_1, scaled_q4_lo(v2[0]) * x6_0))))))), vec4f(1.0));
    let s2_7 = dot(fma(scaled_q4_hi(v2[3]), x7_7, fma(scaled_q4_lo(v2[3]), x7_6, fma(scaled_q4_hi(v2[2]), x7_5, fma(scaled_q4_lo(v2[2]), x7_4, fma(scaled_q4_hi(v2[1]), x7_3, fma(scaled_q4_lo(v2[1]), x7_2, fma(scaled_q4_hi(v2[0]), x7_1, scaled_q4_lo(v2[0]) * x7_0))))))), vec4f(1.0));
    let s2_8 = dot(fma(scaled_q4_hi(v2[3]), x8_7, fma(scaled_q4_lo(v2[3]), x8_6, fma(scaled_q4_hi(v2[2]), x8_5, fma(scaled_q4_lo(v2[2]), x8_4, fma(scaled_q4_hi(v2[1]), x8_3, fma(scaled_q4_lo(v2[1]), x8_2, fma(scaled_q4_hi(v2[0]), x8_1, scaled_q4_lo(v2[0]) * x8_0))))))), vec4f(1.0));
    let s2_9 = dot(fma(scaled_q4_hi(v2[3]), x9_7, fma(scaled_q4_lo(v2[3]), x9_6, fma(scaled_q4_hi(v2[2]), x9_5, fma(scaled_q4_lo(v2[2]), x9_4, fma(scaled_q4_hi(v2[1]), x9_3, fma(scaled_q4_lo(v2[1]), x9_2, fma(scaled_q4_hi(v2[0]), x9_1, scaled_q4_lo(v2[0]) * x9_0))))))), vec4f(1.0));
    let s2_10 = dot(fma(scaled_q4_hi(v2[3]), x10_7, fma(scaled_q4_lo(v2[3]), x10_6, fma(scaled_q4_hi(v2[2]), x10_5, fma(scaled_q4_lo(v2[2]), x10_4, fma(scaled_q4_hi(v2[1]), x10_3, fma(scaled_q4_lo(v2[1]), x10_2, fma(scaled_q4_hi(v2[0]), x10_1, scaled_q4_lo(v2[0]) * x10_0))))))), vec4f(1.0));
    let s2_11 = dot(fma(scaled_q4_hi(v2[3]), x11_7, fma(scaled_q4_lo(v2[3]), x11_6, fma(scaled_q4_hi(v2[2]), x11_5, fma(scaled_q4_lo(v2[2]), x11_4, fma(scaled_q4_hi(v2[1]), x11_3, fma(scaled_q4_lo(v2[1]), x11_2, fma(scaled_q4_hi(v2[0]), x11_1, scaled_q4_lo(v2[0]) * x11_0))))))), vec4f(1.0));
    let s2_12 = dot(fma(scaled_q4_hi(v2[3]), x12_7, fma(scaled_q4_lo(v2[3]), x12_6, fma(scaled_q4_hi(v2[2]), x12_5, fma(scaled_q4_lo(v2[2]), x12_4, fma(scaled_q4_hi(v2[1]), x12_3, fma(scaled_q4_lo(v2[1]), x12_2, fma(scaled_q4_hi(v2[0]), x12_1, scaled_q4_lo(v2[0]) * x12_0))))))), vec4f(1.0));
    let s2_13 = dot(fma(scaled_q4_hi(v2[3]), x13_7, fma(scaled_q4_lo(v2[3]), x13_6, fma(scaled_q4_hi(v2[2]), x13_5, fma(scaled_q4_lo(v2[2]), x13_4, fma(scaled_q4_hi(v2[1]), x13_3, fma(scaled_q4_lo(v2[1]), x13_2, fma(scaled_q4_hi(v2[0]), x13_1, scaled_q4_lo(v2[0]) * x13_0))))))), vec4f(1.0));
    let s2_14 = dot(fma(scaled_q4_hi(v2[3]), x14_7, fma(scaled_q4_lo(v2[3]), x14_6, fma(scaled_q4_hi(v2[2]), x14_5, fma(scaled_q4_lo(v2[2]), x14_4, fma(scaled_q4_hi(v2[1]), x14_3, fma(scaled_q4_lo(v2[1]), x14_2, fma(scaled_q4_hi(v2[0]), x14_1, scaled_q4_lo(v2[0]) * x14_0))))))), vec4f(1.0));
    let s2_15 = dot(fma(scaled_q4_hi(v2[3]), x15_7, fma(scaled_q4_lo(v2[3]), x15_6, fma(scaled_q4_hi(v2[2]), x15_5, fma(scaled_q4_lo(v2[2]), x15_4, fma(scaled_q4_hi(v2[1]), x15_3, fma(scaled_q4_lo(v2[1]), x15_2, fma(scaled_q4_hi(v2[0]), x15_1, scaled_q4_lo(v2[0]) * x15_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let s3_1 = dot(fma(scaled_q4_hi(v3[3]), x1_7, fma(scaled_q4_lo(v3[3]), x1_6, fma(scaled_q4_hi(v3[2]), x1_5, fma(scaled_q4_lo(v3[2]), x1_4, fma(scaled_q4_hi(v3[1]), x1_3, fma(scaled_q4_lo(v3[1]), x1_2, fma(scaled_q4_hi(v3[0]), x1_1, scaled_q4_lo(v3[0]) * x1_0))))))), vec4f(1.0));
    let s3_2 = dot(fma(scaled_q4_hi(v3[3]), x2_7, fma(scaled_q4_lo(v3[3]), x2_6, fma(scaled_q4_hi(v3[2]), x2_5, fma(scaled_q4_lo(v3[2]), x2_4, fma(scaled_q4_hi(v3[1]), x2_3, fma(scaled_q4_lo(v3[1]), x2_2, fma(scaled_q4_hi(v3[0]), x2_1, scaled_q4_lo(v3[0]) * x2_0))))))), vec4f(1.0));
    let s3_3 = dot(fma(scaled_q4_hi(v3[3]), x3_7, fma(scaled_q4_lo(v3[3]), x3_6, fma(scaled_q4_hi(v3[2]), x3_5, fma(scaled_q4_lo(v3[2]), x3_4, fma(scaled_q4_hi(v3[1]), x3_3, fma(scaled_q4_lo(v3[1]), x3_2, fma(scaled_q4_hi(v3[0]), x3_1, scaled_q4_lo(v3[0]) * x3_0))))))), vec4f(1.0));
    let s3_4 = dot(fma(scaled_q4_hi(v3[3]), x4_7, fma(scaled_q4_lo(v3[3]), x4_6, fma(scaled_q4_hi(v3[2]), x4_5, fma(scaled_q4_lo(v3[2]), x4_4, fma(scaled_q4_hi(v3[1]), x4_3, fma(scaled_q4_lo(v3[1]), x4_2, fma(scaled_q4_hi(v3[0]), x4_1, scaled_q4_lo(v3[0]) * x4_0))))))), vec4f(1.0));
    let s3_5 = dot(fma(scaled_q4_hi(v3[3]), x5_7, fma(scaled_q4_lo(v3[3]), x5_6, fma(scaled_q4_hi(v3[2]), x5_5, fma(scaled_q4_lo(v3[2]), x5_4, fma(scaled_q4_hi(v3[1]), x5_3, fma(scaled_q4_lo(v3[1]), x5_2, fma(scaled_q4_hi(v3[0]), x5_1, scaled_q4_lo(v3[0]) * x5_0))))))), vec4f(1.0));
    let s3_6 = dot(fma(scaled_q4_hi(v3[3]), x6_7, fma(scaled_q4_lo(v3[3]), x6_6, fma(scaled_q4_hi(v3[2]), x6_5, fma(scaled_q4_lo(v3[2]), x6_4, fma(scaled_q4_hi(v3[1]), x6_3, fma(scaled_q4_lo(v3[1]), x6_2, fma(scaled_q4_hi(v3[0]), x6_1, scaled_q4_lo(v3[0]) * x6_0))))))), vec4f(1.0));
    let s3_7 = dot(fma(scaled_q4_hi(v3[3]), x7_7, fma(scaled_q4_lo(v3[3]), x7_6, fma(scaled_q4_hi(v3[2]), x7_5, fma(scaled_q4_lo(v3[2]), x7_4, fma(scaled_q4_hi(v3[1]), x7_3, fma(scaled_q4_lo(v3[1]), x7_2, fma(scaled_q4_hi(v3[0]), x7_1, scaled_q4_lo(v3[0]) * x7_0))))))), vec4f(1.0));
    let s3_8 = dot(fma(scaled_q4_hi(v3[3]), x8_7, fma(scaled_q4_lo(v3[3]), x8_6, fma(scaled_q4_hi(v3[2]), x8_5, fma(scaled_q4_lo(v3[2]), x8_4, fma(scaled_q4_hi(v3[1]), x8_3, fma(scaled_q4_lo(v3[1]), x8_2, fma(scaled_q4_hi(v3[0]), x8_1, scaled_q4_lo(v3[0]) * x8_0))))))), vec4f(1.0));
    let s3_9 = dot(fma(scaled_q4_hi(v3[3]), x9_7, fma(scaled_q4_lo(v3[3]), x9_6, fma(scaled_q4_hi(v3[2]), x9_5, fma(scaled_q4_lo(v3[2]), x9_4, fma(scaled_q4_hi(v3[1]), x9_3, fma(scaled_q4_lo(v3[1]), x9_2, fma(scaled_q4_hi(v3[0]), x9_1, scaled_q4_lo(v3[0]) * x9_0))))))), vec4f(1.0));
    let s3_10 = dot(fma(scaled_q4_hi(v3[3]), x10_7, fma(scaled_q4_lo(v3[3]), x10_6, fma(scaled_q4_hi(v3[2]), x10_5, fma(scaled_q4_lo(v3[2]), x10_4, fma(scaled_q4_hi(v3[1]), x10_3, fma(scaled_q4_lo(v3[1]), x10_2, fma(scaled_q4_hi(v3[0]), x10_1, scaled_q4_lo(v3[0]) * x10_0))))))), vec4f(1.0));
    let s3_11 = dot(fma(scaled_q4_hi(v3[3]), x11_7, fma(scaled_q4_lo(v3[3]), x11_6, fma(scaled_q4_hi(v3[2]), x11_5, fma(scaled_q4_lo(v3[2]), x11_4, fma(scaled_q4_hi(v3[1]), x11_3, fma(scaled_q4_lo(v3[1]), x11_2, fma(scaled_q4_hi(v3[0]), x11_1, scaled_q4_lo(v3[0]) * x11_0))))))), vec4f(1.0));
    let s3_12 = dot(fma(scaled_q4_hi(v3[3]), x12_7, fma(scaled_q4_lo(v3[3]), x12_6, fma(scaled_q4_hi(v3[2]), x12_5, fma(scaled_q4_lo(v3[2]), x12_4, fma(scaled_q4_hi(v3[1]), x12_3, fma(scaled_q4_lo(v3[1]), x12_2, fma(scaled_q4_hi(v3[0]), x12_1, scaled_q4_lo(v3[0]) * x12_0))))))), vec4f(1.0));
    let s3_13 = dot(fma(scaled_q4_hi(v3[3]), x13_7, fma(scaled_q4_lo(v3[3]), x13_6, fma(scaled_q4_hi(v3[2]), x13_5, fma(scaled_q4_lo(v3[2]), x13_4, fma(scaled_q4_hi(v3[1]), x13_3, fma(scaled_q4_lo(v3[1]), x13_2, fma(scaled_q4_hi(v3[0]), x13_1, scaled_q4_lo(v3[0]) * x13_0))))))), vec4f(1.0));
    let s3_14 = dot(fma(scaled_q4_hi(v3[3]), x14_7, fma(scaled_q4_lo(v3[3]), x14_6, fma(scaled_q4_hi(v3[2]), x14_5, fma(scaled_q4_lo(v3[2]), x14_4, fma(scaled_q4_hi(v3[1]), x14_3, fma(scaled_q4_lo(v3[1]), x14_2, fma(scaled_q4_hi(v3[0]), x14_1, scaled_q4_lo(v3[0]) * x14_0))))))), vec4f(1.0));
    let s3_15 = dot(fma(scaled_q4_hi(v3[3]), x15_7, fma(scaled_q4_lo(v3[3]), x15_6, fma(scaled_q4_hi(v3[2]), x15_5, fma(scaled_q4_lo(v3[2]), x15_4, fma(scaled_q4_hi(v3[1]), x15_3, fma(scaled_q4_lo(v3[1]), x15_2, fma(scaled_q4_hi(v3[0]), x15_1, scaled_q4_lo(v3[0]) * x15_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let s4_1 = dot(fma(scaled_q4_hi(v4[3]), x1_7, fma(scaled_q4_lo(v4[3]), x1_6, fma(scaled_q4_hi(v4[2]), x1_5, fma(scaled_q4_lo(v4[2]), x1_4, fma(scaled_q4_hi(v4[1]), x1_3, fma(scaled_q4_lo(v4[1]), x1_2, fma(scaled_q4_hi(v4[0]), x1_1, scaled_q4_lo(v4[0]) * x1_0))))))), vec4f(1.0));
    let s4_2 = dot(fma(scaled_q4_hi(v4[3]), x2_7, fma(scaled_q4_lo(v4[3]), x2_6, fma(scaled_q4_hi(v4[2]), x2_5, fma(scaled_q4_lo(v4[2]), x2_4, fma(scaled_q4_hi(v4[1]), x2_3, fma(scaled_q4_lo(v4[1]), x2_2, fma(scaled_q4_hi(v4[0]), x2_1, scaled_q4_lo(v4[0]) * x2_0))))))), vec4f(1.0));
    let s4_3 = dot(fma(scaled_q4_hi(v4[3]), x3_7, fma(scaled_q4_lo(v4[3]), x3_6, fma(scaled_q4_hi(v4[2]), x3_5, fma(scaled_q4_lo(v4[2]), x3_4, fma(scaled_q4_hi(v4[1]), x3_3, fma(scaled_q4_lo(v4[1]), x3_2, fma(scaled_q4_hi(v4[0]), x3_1, scaled_q4_lo(v4[0]) * x3_0))))))), vec4f(1.0));
    let s4_4 = dot(fma(scaled_q4_hi(v4[3]), x4_7, fma(scaled_q4_lo(v4[3]), x4_6, fma(scaled_q4_hi(v4[2]), x4_5, fma(scaled_q4_lo(v4[2]), x4_4, fma(scaled_q4_hi(v4[1]), x4_3, fma(scaled_q4_lo(v4[1]), x4_2, fma(scaled_q4_hi(v4[0]), x4_1, scaled_q4_lo(v4[0]) * x4_0))))))), vec4f(1.0));
    let s4_5 = dot(fma(scaled_q4_hi(v4[3]), x5_7, fma(scaled_q4_lo(v4[3]), x5_6, fma(scaled_q4_hi(v4[2]), x5_5, fma(scaled_q4_lo(v4[2]), x5_4, fma(scaled_q4_hi(v4[1]), x5_3, fma(scaled_q4_lo(v4[1]), x5_2, fma(scaled_q4_hi(v4[0]), x5_1, scaled_q4_lo(v4[0]) * x5_0))))))), vec4f(1.0));
    let s4_6 = dot(fma(scaled_q4_hi(v4[3]), x6_7, fma(scaled_q4_lo(v4[3]), x6_6, fma(scaled_q4_hi(v4[2]), x6_5, fma(scaled_q4_lo(v4[2]), x6_4, fma(scaled_q4_hi(v4[1]), x6_3, fma(scaled_q4_lo(v4[1]), x6_2, fma(scaled_q4_hi(v4[0]), x6_1, scaled_q4_lo(v4[0]) * x6_0))))))), vec4f(1.0));
    let s4_7 = dot(fma(scaled_q4_hi(v4[3]), x7_7, fma(scaled_q4_lo(v4[3]), x7_6, fma(scaled_q4_hi(v4[2]), x7_5, fma(scaled_q4_lo(v4[2]), x7_4, fma(scaled_q4_hi(v4[1]), x7_3, fma(scaled_q4_lo(v4[1]), x7_2, fma(scaled_q4_hi(v4[0]), x7_1, scaled_q4_lo(v4[0]) * x7_0))))))), vec4f(1.0));
    let s4_8 = dot(fma(scaled_q4_hi(v4[3]), x8_7, fma(scaled_q4_lo(v4[3]), x8_6, fma(scaled_q4_hi(v4[2]), x8_5, fma(scaled_q4_lo(v4[2]), x8_4, fma(scaled_q4_hi(v4[1]), x8_3, fma(scaled_q4_lo(v4[1]), x8_2, fma(scaled_q4_hi(v4[0]), x8_1, scaled_q4_lo(v4[0]) * x8_0))))))), vec4f(1.0));
    let s4_9 = dot(fma(scaled_q4_hi(v4[3]), x9_7, fma(scaled_q4_lo(v4[3]), x9_6, fma(scaled_q4_hi(v4[2]), x9_5, fma(scaled_q4_lo(v4[2]), x9_4, fma(scaled_q4_hi(v4[1]), x9_3, fma(scaled_q4_lo(v4[1]), x9_2, fma(scaled_q4_hi(v4[0]), x9_1, scaled_q4_lo(v4[0]) * x9_0))))))), vec4f(1.0));
    let s4_10 = dot(fma(scaled_q4_hi(v4[3]), x10_7, fma(scaled_q4_lo(v4[3]), x10_6, fma(scaled_q4_hi(v4[2]), x10_5, fma(scaled_q4_lo(v4[2]), x10_4, fma(scaled_q4_hi(v4[1]), x10_3, fma(scaled_q4_lo(v4[1]), x10_2, fma(scaled_q4_hi(v4[0]), x10_1, scaled_q4_lo(v4[0]) * x10_0))))))), vec4f(1.0));
    let s4_11 = dot(fma(scaled_q4_hi(v4[3]), x11_7, fma(scaled_q4_lo(v4[3]), x11_6, fma(scaled_q4_hi(v4[2]), x11_5, fma(scaled_q4_lo(v4[2]), x11_4, fma(scaled_q4_hi(v4[1]), x11_3, fma(scaled_q4_lo(v4[1]), x11_2, fma(scaled_q4_hi(v4[0]), x11_1, scaled_q4_lo(v4[0]) * x11_0))))))), vec4f(1.0));
    let s4_12 = dot(fma(scaled_q4_hi(v4[3]), x12_7, fma(scaled_q4_lo(v4[3]), x12_6, fma(scaled_q4_hi(v4[2]), x12_5, fma(scaled_q4_lo(v4[2]), x12_4, fma(scaled_q4_hi(v4[1]), x12_3, fma(scaled_q4_lo(v4[1]), x12_2, fma(scaled_q4_hi(v4[0]), x12_1, scaled_q4_lo(v4[0]) * x12_0))))))), vec4f(1.0));
    let s4_13 = dot(fma(scaled_q4_hi(v4[3]), x13_7, fma(scaled_q4_lo(v4[3]), x13_6, fma(scaled_q4_hi(v4[2]), x13_5, fma(scaled_q4_lo(v4[2]), x13_4, fma(scaled_q4_hi(v4[1]), x13_3, fma(scaled_q4_lo(v4[1]), x13_2, fma(scaled_q4_hi(v4[0]), x13_1, scaled_q4_lo(v4[0]) * x13_0))))))), vec4f(1.0));
    let s4_14 = dot(fma(scaled_q4_hi(v4[3]), x14_7, fma(scaled_q4_lo(v4[3]), x14_6, fma(scaled_q4_hi(v4[2]), x14_5, fma(scaled_q4_lo(v4[2]), x14_4, fma(scaled_q4_hi(v4[1]), x14_3, fma(scaled_q4_lo(v4[1]), x14_2, fma(scaled_q4_hi(v4[0]), x14_1, scaled_q4_lo(v4[0]) * x14_0))))))), vec4f(1.0));
    let s4_15 = dot(fma(scaled_q4_hi(v4[3]), x15_7, fma(scaled_q4_lo(v4[3]), x15_6, fma(scaled_q4_hi(v4[2]), x15_5, fma(scaled_q4_lo(v4[2]), x15_4, fma(scaled_q4_hi(v4[1]), x15_3, fma(scaled_q4_lo(v4[1]), x15_2, fma(scaled_q4_hi(v4[0]), x15_1, scaled_q4_lo(v4[0]) * x15_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let s5_1 = dot(fma(scaled_q4_hi(v5[3]), x1_7, fma(scaled_q4_lo(v5[3]), x1_6, fma(scaled_q4_hi(v5[2]), x1_5, fma(scaled_q4_lo(v5[2]), x1_4, fma(scaled_q4_hi(v5[1]), x1_3, fma(scaled_q4_lo(v5[1]), x1_2, fma(scaled_q4_hi(v5[0]), x1_1, scaled_q4_lo(v5[0]) * x1_0))))))), vec4f(1.0));
    let s5_2 = dot(fma(scaled_q4_hi(v5[3]), x2_7, fma(scaled_q4_lo(v5[3]), x2_6, fma(scaled_q4_hi(v5[2]), x2_5, fma(scaled_q4_lo(v5[2]), x2_4, fma(scaled_q4_hi(v5[1]), x2_3, fma(scaled_q4_lo(v5[1]), x2_2, fma(scaled_q4_hi(v5[0]), x2_1, scaled_q4_lo(v5[0]) * x2_0))))))), vec4f(1.0));
    let s5_3 = dot(fma(scaled_q4_hi(v5[3]), x3_7, fma(scaled_q4_lo(v5[3]), x3_6, fma(scaled_q4_hi(v5[2]), x3_5, fma(scaled_q4_lo(v5[2]), x3_4, fma(scaled_q4_hi(v5[1]), x3_3, fma(scaled_q4_lo(v5[1]), x3_2, fma(scaled_q4_hi(v5[0]), x3_1, scaled_q4_lo(v5[0]) * x3_0))))))), vec4f(1.0));
    let s5_4 = dot(fma(scaled_q4_hi(v5[3]), x4_7, fma(scaled_q4_lo(v5[3]), x4_6, fma(scaled_q4_hi(v5[2]), x4_5, fma(scaled_q4_lo(v5[2]), x4_4, fma(scaled_q4_hi(v5[1]), x4_3, fma(scaled_q4_lo(v5[1]), x4_2, fma(scaled_q4_hi(v5[0]), x4_1, scaled_q4_lo(v5[0]) * x4_0))))))), vec4f(1.0));
    let s5_5 = dot(fma(scaled_q4_hi(v5[3]), x5_7, fma(scaled_q4_lo(v5[3]), x5_6, fma(scaled_q4_hi(v5[2]), x5_5, fma(scaled_q4_lo(v5[2]), x5_4, fma(scaled_q4_hi(v5[1]), x5_3, fma(scaled_q4_lo(v5[1]), x5_2, fma(scaled_q4_hi(v5[0]), x5_1, scaled_q4_lo(v5[0]) * x5_0))))))), vec4f(1.0));
    let s5_6 = dot(fma(scaled_q4_hi(v5[3]), x6_7, fma(scaled_q4_lo(v5[3]), x6_6, fma(scaled_q4_hi(v5[2]), x6_5, fma(scaled_q4_lo(v5[2]), x6_4, fma(scaled_q4_hi(v5[1]), x6_3, fma(scaled_q4_lo(v5[1]), x6_2, fma(scaled_q4_hi(v5[0]), x6_1, scaled_q4_lo(v5[0]) * x6_0))))))), vec4f(1.0));
    let s5_7 = dot(fma(scaled_q4_hi(v5[3]), x7_7, fma(scaled_q4_lo(v5[3]), x7_6, fma(scaled_q4_hi(v5[2]), x7_5, fma(scaled_q4_lo(v5[2]), x7_4, fma(scaled_q4_hi(v5[1]), x7_3, fma(scaled_q4_lo(v5[1]), x7_2, fma(scaled_q4_hi(v5[0]), x7_1, scaled_q4_lo(v5[0]) * x7_0))))))), vec4f(1.0));
    let s5_8 = dot(fma(scaled_q4_hi(v5[3]), x8_7, fma(scaled_q4_lo(v5[3]), x8_6, fma(scaled_q4_hi(v5[2]), x8_5, fma(scaled_q4_lo(v5[2]), x8_4, fma(scaled_q4_hi(v5[1]), x8_3, fma(scaled_q4_lo(v5[1]), x8_2, fma(scaled_q4_hi(v5[0]), x8_1, scaled_q4_lo(v5[0]) * x8_0))))))), vec4f(1.0));
    let s5_9 = dot(fma(scaled_q4_hi(v5[3]), x9_7, fma(scaled_q4_lo(v5[3]), x9_6, fma(scaled_q4_hi(v5[2]), x9_5, fma(scaled_q4_lo(v5[2]), x9_4, fma(scaled_q4_hi(v5[1]), x9_3, fma(scaled_q4_lo(v5[1]), x9_2, fma(scaled_q4_hi(v5[0]), x9_1, scaled_q4_lo(v5[0]) * x9_0))))))), vec4f(1.0));
    let s5_10 = dot(fma(scaled_q4_hi(v5[3]), x10_7, fma(scaled_q4_lo(v5[3]), x10_6, fma(scaled_q4_hi(v5[2]), x10_5, fma(scaled_q4_lo(v5[2]), x10_4, fma(scaled_q4_hi(v5[1]), x10_3, fma(scaled_q4_lo(v5[1]), x10_2, fma(scaled_q4_hi(v5[0]), x10_1, scaled_q4_lo(v5[0]) * x10_0))))))), vec4f(1.0));
    let s5_11 = dot(fma(scaled_q4_hi(v5[3]), x11_7, fma(scaled_q4_lo(v5[3]), x11_6, fma(scaled_q4_hi(v5[2]), x11_5, fma(scaled_q4_lo(v5[2]), x11_4, fma(scaled_q4_hi(v5[1]), x11_3, fma(scaled_q4_lo(v5[1]), x11_2, fma(scaled_q4_hi(v5[0]), x11_1, scaled_q4_lo(v5[0]) * x11_0))))))), vec4f(1.0));
    let s5_12 = dot(fma(scaled_q4_hi(v5[3]), x12_7, fma(scaled_q4_lo(v5[3]), x12_6, fma(scaled_q4_hi(v5[2]), x12_5, fma(scaled_q4_lo(v5[2]), x12_4, fma(scaled_q4_hi(v5[1]), x12_3, fma(scaled_q4_lo(v5[1]), x12_2, fma(scaled_q4_hi(v5[0]), x12_1, scaled_q4_lo(v5[0]) * x12_0))))))), vec4f(1.0));
    let s5_13 = dot(fma(scaled_q4_hi(v5[3]), x13_7, fma(scaled_q4_lo(v5[3]), x13_6, fma(scaled_q4_hi(v5[2]), x13_5, fma(scaled_q4_lo(v5[2]), x13_4, fma(scaled_q4_hi(v5[1]), x13_3, fma(scaled_q4_lo(v5[1]), x13_2, fma(scaled_q4_hi(v5[0]), x13_1, scaled_q4_lo(v5[0]) * x13_0))))))), vec4f(1.0));
    let s5_14 = dot(fma(scaled_q4_hi(v5[3]), x14_7, fma(scaled_q4_lo(v5[3]), x14_6, fma(scaled_q4_hi(v5[2]), x14_5, fma(scaled_q4_lo(v5[2]), x14_4, fma(scaled_q4_hi(v5[1]), x14_3, fma(scaled_q4_lo(v5[1]), x14_2, fma(scaled_q4_hi(v5[0]), x14_1, scaled_q4_lo(v5[0]) * x14_0))))))), vec4f(1.0));
    let s5_15 = dot(fma(scaled_q4_hi(v5[3]), x15_7, fma(scaled_q4_lo(v5[3]), x15_6, fma(scaled_q4_hi(v5[2]), x15_5, fma(scaled_q4_lo(v5[2]), x15_4, fma(scaled_q4_hi(v5[1]), x15_3, fma(scaled_q4_lo(v5[1]), x15_2, fma(scaled_q4_hi(v5[0]), x15_1, scaled_q4_lo(v5[0]) * x15_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let s6_1 = dot(fma(scaled_q4_hi(v6[3]), x1_7, fma(scaled_q4_lo(v6[3]), x1_6, fma(scaled_q4_hi(v6[2]), x1_5, fma(scaled_q4_lo(v6[2]), x1_4, fma(scaled_q4_hi(v6[1]), x1_3, fma(scaled_q4_lo(v6[1]), x1_2, fma(scaled_q4_hi(v6[0]), x1_1, scaled_q4_lo(v6[0]) * x1_0))))))), vec4f(1.0));
    let s6_2 = dot(fma(scaled_q4_hi(v6[3]), x2_7, fma(scaled_q4_lo(v6[3]), x2_6, fma(scaled_q4_hi(v6[2]), x2_5, fma(scaled_q4_lo(v6[2]), x2_4, fma(scaled_q4_hi(v6[1]), x2_3, fma(scaled_q4_lo(v6[1]), x2_2, fma(scaled_q4_hi(v6[0]), x2_1, scaled_q4_lo(v6[0]) * x2_0))))))), vec4f(1.0));
    let s6_3 = dot(fma(scaled_q4_hi(v6[3]), x3_7, fma(scaled_q4_lo(v6[3]), x3_6, fma(scaled_q4_hi(v6[2]), x3_5, fma(scaled_q4_lo(v6[2]), x3_4, fma(scaled_q4_hi(v6[1]), x3_3, fma(scaled_q4_lo(v6[1]), x3_2, fma(scaled_q4_hi(v6[0]), x3_1, scaled_q4_lo(v6[0]) * x3_0))))))), vec4f(1.0));
    let s6_4 = dot(fma(scaled_q4_hi(v6[3]), x4_7, fma(scaled_q4_lo(v6[3]), x4_6, fma(scaled_q4_hi(v6[2]), x4_5, fma(scaled_q4_lo(v6[2]), x4_4, fma(scaled_q4_hi(v6[1]), x4_3, fma(scaled_q4_lo(v6[1]), x4_2, fma(scaled_q4_hi(v6[0]), x4_1, scaled_q4_lo(v6[0]) * x4_0))))))), vec4f(1.0));
    let s6_5 = dot(fma(scaled_q4_hi(v6[3]), x5_7, fma(scaled_q4_lo(v6[3]), x5_6, fma(scaled_q4_hi(v6[2]), x5_5, fma(scaled_q4_lo(v6[2]), x5_4, fma(scaled_q4_hi(v6[1]), x5_3, fma(scaled_q4_lo(v6[1]), x5_2, fma(scaled_q4_hi(v6[0]), x5_1, scaled_q4_lo(v6[0]) * x5_0))))))), vec4f(1.0));
    let s6_6 = dot(fma(scaled_q4_hi(v6[3]), x6_7, fma(scaled_q4_lo(v6[3]), x6_6, fma(scaled_q4_hi(v6[2]), x6_5, fma(scaled_q4_lo(v6[2]), x6_4, fma(scaled_q4_hi(v6[1]), x6_3, fma(scaled_q4_lo(v6[1]), x6_2, fma(scaled_q4_hi(v6[0]), x6_1, scaled_q4_lo(v6[0]) * x6_0))))))), vec4f(1.0));
    let s6_7 = dot(fma(scaled_q4_hi(v6[3]), x7_7, fma(scaled_q4_lo(v6[3]), x7_6, fma(scaled_q4_hi(v6[2]), x7_5, fma(scaled_q4_lo(v6[2]), x7_4, fma(scaled_q4_hi(v6[1]), x7_3, fma(scaled_q4_lo(v6[1]), x7_2, fma(scaled_q4_hi(v6[0]), x7_1, scaled_q4_lo(v6[0]) * x7_0))))))), vec4f(1.0));
    let s6_8 = dot(fma(scaled_q4_hi(v6[3]), x8_7, fma(scaled_q4_lo(v6[3]), x8_6, fma(scaled_q4_hi(v6[2]), x8_5, fma(scaled_q4_lo(v6[2]), x8_4, fma(scaled_q4_hi(v6[1]), x8_3, fma(scaled_q4_lo(v6[1]), x8_2, fma(scaled_q4_hi(v6[0]), x8_1, scaled_q4_lo(v6[0]) * x8_0))))))), vec4f(1.0));
    let s6_9 = dot(fma(scaled_q4_hi(v6[3]), x9_7, fma(scaled_q4_lo(v6[3]), x9_6, fma(scaled_q4_hi(v6[2]), x9_5, fma(scaled_q4_lo(v6[2]), x9_4, fma(scaled_q4_hi(v6[1]), x9_3, fma(scaled_q4_lo(v6[1]), x9_2, fma(scaled_q4_hi(v6[0]), x9_1, scaled_q4_lo(v6[0]) * x9_0))))))), vec4f(1.0));
    let s6_10 = dot(fma(scaled_q4_hi(v6[3]), x10_7, fma(scaled_q4_lo(v6[3]), x10_6, fma(scaled_q4_hi(v6[2]), x10_5, fma(scaled_q4_lo(v6[2]), x10_4, fma(scaled_q4_hi(v6[1]), x10_3, fma(scaled_q4_lo(v6[1]), x10_2, fma(scaled_q4_hi(v6[0]), x10_1, scaled_q4_lo(v6[0]) * x10_0))))))), vec4f(1.0));
    let s6_11 = dot(fma(scaled_q4_hi(v6[3]), x11_7, fma(scaled_q4_lo(v6[3]), x11_6, fma(scaled_q4_hi(v6[2]), x11_5, fma(scaled_q4_lo(v6[2]), x11_4, fma(scaled_q4_hi(v6[1]), x11_3, fma(scaled_q4_lo(v6[1]), x11_2, fma(scaled_q4_hi(v6[0]), x11_1, scaled_q4_lo(v6[0]) * x11_0))))))), vec4f(1.0));
    let s6_12 = dot(fma(scaled_q4_hi(v6[3]), x12_7, fma(scaled_q4_lo(v6[3]), x12_6, fma(scaled_q4_hi(v6[2]), x12_5, fma(scaled_q4_lo(v6[2]), x12_4, fma(scaled_q4_hi(v6[1]), x12_3, fma(scaled_q4_lo(v6[1]), x12_2, fma(scaled_q4_hi(v6[0]), x12_1, scaled_q4_lo(v6[0]) * x12_0))))))), vec4f(1.0));
    let s6_13 = dot(fma(scaled_q4_hi(v6[3]), x13_7, fma(scaled_q4_lo(v6[3]), x13_6, fma(scaled_q4_hi(v6[2]), x13_5, fma(scaled_q4_lo(v6[2]), x13_4, fma(scaled_q4_hi(v6[1]), x13_3, fma(scaled_q4_lo(v6[1]), x13_2, fma(scaled_q4_hi(v6[0]), x13_1, scaled_q4_lo(v6[0]) * x13_0))))))), vec4f(1.0));
    let s6_14 = dot(fma(scaled_q4_hi(v6[3]), x14_7, fma(scaled_q4_lo(v6[3]), x14_6, fma(scaled_q4_hi(v6[2]), x14_5, fma(scaled_q4_lo(v6[2]), x14_4, fma(scaled_q4_hi(v6[1]), x14_3, fma(scaled_q4_lo(v6[1]), x14_2, fma(scaled_q4_hi(v6[0]), x14_1, scaled_q4_lo(v6[0]) * x14_0))))))), vec4f(1.0));
    let s6_15 = dot(fma(scaled_q4_hi(v6[3]), x15_7, fma(scaled_q4_lo(v6[3]), x15_6, fma(scaled_q4_hi(v6[2]), x15_5, fma(scaled_q4_lo(v6[2]), x15_4, fma(scaled_q4_hi(v6[1]), x15_3, fma(scaled_q4_lo(v6[1]), x15_2, fma(scaled_q4_hi(v6[0]), x15_1, scaled_q4_lo(v6[0]) * x15_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let s7_1 = dot(fma(scaled_q4_hi(v7[3]), x1_7, fma(scaled_q4_lo(v7[3]), x1_6, fma(scaled_q4_hi(v7[2]), x1_5, fma(scaled_q4_lo(v7[2]), x1_4, fma(scaled_q4_hi(v7[1]), x1_3, fma(scaled_q4_lo(v7[1]), x1_2, fma(scaled_q4_hi(v7[0]), x1_1, scaled_q4_lo(v7[0]) * x1_0))))))), vec4f(1.0));
    let s7_2 = dot(fma(scaled_q4_hi(v7[3]), x2_7, fma(scaled_q4_lo(v7[3]), x2_6, fma(scaled_q4_hi(v7[2]), x2_5, fma(scaled_q4_lo(v7[2]), x2_4, fma(scaled_q4_hi(v7[1]), x2_3, fma(scaled_q4_lo(v7[1]), x2_2, fma(scaled_q4_hi(v7[0]), x2_1, scaled_q4_lo(v7[0]) * x2_0))))))), vec4f(1.0));
    let s7_3 = dot(fma(scaled_q4_hi(v7[3]), x3_7, fma(scaled_q4_lo(v7[3]), x3_6, fma(scaled_q4_hi(v7[2]), x3_5, fma(scaled_q4_lo(v7[2]), x3_4, fma(scaled_q4_hi(v7[1]), x3_3, fma(scaled_q4_lo(v7[1]), x3_2, fma(scaled_q4_hi(v7[0]), x3_1, scaled_q4_lo(v7[0]) * x3_0))))))), vec4f(1.0));
    let s7_4 = dot(fma(scaled_q4_hi(v7[3]), x4_7, fma(scaled_q4_lo(v7[3]), x4_6, fma(scaled_q4_hi(v7[2]), x4_5, fma(scaled_q4_lo(v7[2]), x4_4, fma(scaled_q4_hi(v7[1]), x4_3, fma(scaled_q4_lo(v7[1]), x4_2, fma(scaled_q4_hi(v7[0]), x4_1, scaled_q4_lo(v7[0]) * x4_0))))))), vec4f(1.0));
    let s7_5 = dot(fma(scaled_q4_hi(v7[3]), x5_7, fma(scaled_q4_lo(v7[3]), x5_6, fma(scaled_q4_hi(v7[2]), x5_5, fma(scaled_q4_lo(v7[2]), x5_4, fma(scaled_q4_hi(v7[1]), x5_3, fma(scaled_q4_lo(v7[1]), x5_2, fma(scaled_q4_hi(v7[0]), x5_1, scaled_q4_lo(v7[0]) * x5_0))))))), vec4f(1.0));
    let s7_6 = dot(fma(scaled_q4_hi(v7[3]), x6_7, fma(scaled_q4_lo(v7[3]), x6_6, fma(scaled_q4_hi(v7[2]), x6_5, fma(scaled_q4_lo(v7[2]), x6_4, fma(scaled_q4_hi(v7[1]), x6_3, fma(scaled_q4_lo(v7[1]), x6_2, fma(scaled_q4_hi(v7[0]), x6_1, scaled_q4_lo(v7[0]) * x6_0))))))), vec4f(1.0));
    let s7_7 = dot(fma(scaled_q4_hi(v7[3]), x7_7, fma(scaled_q4_lo(v7[3]), x7_6, fma(scaled_q4_hi(v7[2]), x7_5, fma(scaled_q4_lo(v7[2]), x7_4, fma(scaled_q4_hi(v7[1]), x7_3, fma(scaled_q4_lo(v7[1]), x7_2, fma(scaled_q4_hi(v7[0]), x7_1, scaled_q4_lo(v7[0]) * x7_0))))))), vec4f(1.0));
    let s7_8 = dot(fma(scaled_q4_hi(v7[3]), x8_7, fma(scaled_q4_lo(v7[3]), x8_6, fma(scaled_q4_hi(v7[2]), x8_5, fma(scaled_q4_lo(v7[2]), x8_4, fma(scaled_q4_hi(v7[1]), x8_3, fma(scaled_q4_lo(v7[1]), x8_2, fma(scaled_q4_hi(v7[0]), x8_1, scaled_q4_lo(v7[0]) * x8_0))))))), vec4f(1.0));
    let s7_9 = dot(fma(scaled_q4_hi(v7[3]), x9_7, fma(scaled_q4_lo(v7[3]), x9_6, fma(scaled_q4_hi(v7[2]), x9_5, fma(scaled_q4_lo(v7[2]), x9_4, fma(scaled_q4_hi(v7[1]), x9_3, fma(scaled_q4_lo(v7[1]), x9_2, fma(scaled_q4_hi(v7[0]), x9_1, scaled_q4_lo(v7[0]) * x9_0))))))), vec4f(1.0));
    let s7_10 = dot(fma(scaled_q4_hi(v7[3]), x10_7, fma(scaled_q4_lo(v7[3]), x10_6, fma(scaled_q4_hi(v7[2]), x10_5, fma(scaled_q4_lo(v7[2]), x10_4, fma(scaled_q4_hi(v7[1]), x10_3, fma(scaled_q4_lo(v7[1]), x10_2, fma(scaled_q4_hi(v7[0]), x10_1, scaled_q4_lo(v7[0]) * x10_0))))))), vec4f(1.0));
    let s7_11 = dot(fma(scaled_q4_hi(v7[3]), x11_7, fma(scaled_q4_lo(v7[3]), x11_6, fma(scaled_q4_hi(v7[2]), x11_5, fma(scaled_q4_lo(v7[2]), x11_4, fma(scaled_q4_hi(v7[1]), x11_3, fma(scaled_q4_lo(v7[1]), x11_2, fma(scaled_q4_hi(v7[0]), x11_1, scaled_q4_lo(v7[0]) * x11_0))))))), vec4f(1.0));
    let s7_12 = dot(fma(scaled_q4_hi(v7[3]), x12_7, fma(scaled_q4_lo(v7[3]), x12_6, fma(scaled_q4_hi(v7[2]), x12_5, fma(scaled_q4_lo(v7[2]), x12_4, fma(scaled_q4_hi(v7[1]), x12_3, fma(scaled_q4_lo(v7[1]), x12_2, fma(scaled_q4_hi(v7[0]), x12_1, scaled_q4_lo(v7[0]) * x12_0))))))), vec4f(1.0));
    let s7_13 = dot(fma(scaled_q4_hi(v7[3]), x13_7, fma(scaled_q4_lo(v7[3]), x13_6, fma(scaled_q4_hi(v7[2]), x13_5, fma(scaled_q4_lo(v7[2]), x13_4, fma(scaled_q4_hi(v7[1]), x13_3, fma(scaled_q4_lo(v7[1]), x13_2, fma(scaled_q4_hi(v7[0]), x13_1, scaled_q4_lo(v7[0]) * x13_0))))))), vec4f(1.0));
    let s7_14 = dot(fma(scaled_q4_hi(v7[3]), x14_7, fma(scaled_q4_lo(v7[3]), x14_6, fma(scaled_q4_hi(v7[2]), x14_5, fma(scaled_q4_lo(v7[2]), x14_4, fma(scaled_q4_hi(v7[1]), x14_3, fma(scaled_q4_lo(v7[1]), x14_2, fma(scaled_q4_hi(v7[0]), x14_1, scaled_q4_lo(v7[0]) * x14_0))))))), vec4f(1.0));
    let s7_15 = dot(fma(scaled_q4_hi(v7[3]), x15_7, fma(scaled_q4_lo(v7[3]), x15_6, fma(scaled_q4_hi(v7[2]), x15_5, fma(scaled_q4_lo(v7[2]), x15_4, fma(scaled_q4_hi(v7[1]), x15_3, fma(scaled_q4_lo(v7[1]), x15_2, fma(scaled_q4_hi(v7[0]), x15_1, scaled_q4_lo(v7[0]) * x15_0))))))), vec4f(1.0));
    let v8 = w[min(row0 + 8u * WG + lid, last) * wpv + b * 1u + c];
    let s8_0 = dot(fma(scaled_q4_hi(v8[3]), x0_7, fma(scaled_q4_lo(v8[3]), x0_6, fma(scaled_q4_hi(v8[2]), x0_5, fma(scaled_q4_lo(v8[2]), x0_4, fma(scaled_q4_hi(v8[1]), x0_3, fma(scaled_q4_lo(v8[1]), x0_2, fma(scaled_q4_hi(v8[0]), x0_1, scaled_q4_lo(v8[0]) * x0_0))))))), vec4f(1.0));
    let s8_1 = dot(fma(scaled_q4_hi(v8[3]), x1_7, fma(scaled_q4_lo(v8[3]), x1_6, fma(scaled_q4_hi(v8[2]), x1_5, fma(scaled_q4_lo(v8[2]), x1_4, fma(scaled_q4_hi(v8[1]), x1_3, fma(scaled_q4_lo(v8[1]), x1_2, fma(scaled_q4_hi(v8[0]), x1_1, scaled_q4_lo(v8[0]) * x1_0))))))), vec4f(1.0));
    let s8_2 = dot(fma(scaled_q4_hi(v8[3]), x2_7, fma(scaled_q4_lo(v8[3]), x2_6, fma(scaled_q4_hi(v8[2]), x2_5, fma(scaled_q4_lo(v8[2]), x2_4, fma(scaled_q4_hi(v8[1]), x2_3, fma(scaled_q4_lo(v8[1]), x2_2, fma(scaled_q4_hi(v8[0]), x2_1, scaled_q4_lo(v8[0]) * x2_0))))))), vec4f(1.0));
    let s8_3 = dot(fma(scaled_q4_hi(v8[3]), x3_7, fma(scaled_q4_lo(v8[3]), x3_6, fma(scaled_q4_hi(v8[2]), x3_5, fma(scaled_q4_lo(v8[2]), x3_4, fma(scaled_q4_hi(v8[1]), x3_3, fma(scaled_q4_lo(v8[1]), x3_2, fma(scaled_q4_hi(v8[0]), x3_1, scaled_q4_lo(v8[0]) * x3_0))))))), vec4f(1.0));
    let s8_4 = dot(fma(scaled_q4_hi(v8[3]), x4_7, fma(scaled_q4_lo(v8[3]), x4_6, fma(scaled_q4_hi(v8[2]), x4_5, fma(scaled_q4_lo(v8[2]), x4_4, fma(scaled_q4_hi(v8[1]), x4_3, fma(scaled_q4_lo(v8[1]), x4_2, fma(scaled_q4_hi(v8[0]), x4_1, scaled_q4_lo(v8[0]) * x4_0))))))), vec4f(1.0));
    let s8_5 = dot(fma(scaled_q4_hi(v8[3]), x5_7, fma(scaled_q4_lo(v8[3]), x5_6, fma(scaled_q4_hi(v8[2]), x5_5, fma(scaled_q4_lo(v8[2]), x5_4, fma(scaled_q4_hi(v8[1]), x5_3, fma(scaled_q4_lo(v8[1]), x5_2, fma(scaled_q4_hi(v8[0]), x5_1, scaled_q4_lo(v8[0]) * x5_0))))))), vec4f(1.0));
    let s8_6 = dot(fma(scaled_q4_hi(v8[3]), x6_7, fma(scaled_q4_lo(v8[3]), x6_6, fma(scaled_q4_hi(v8[2]), x6_5, fma(scaled_q4_lo(v8[2]), x6_4, fma(scaled_q4_hi(v8[1]), x6_3, fma(scaled_q4_lo(v8[1]), x6_2, fma(scaled_q4_hi(v8[0]), x6_1, scaled_q4_lo(v8[0]) * x6_0))))))), vec4f(1.0));
    let s8_7 = dot(fma(scaled_q4_hi(v8[3]), x7_7, fma(scaled_q4_lo(v8[3]), x7_6, fma(scaled_q4_hi(v8[2]), x7_5, fma(scaled_q4_lo(v8[2]), x7_4, fma(scaled_q4_hi(v8[1]), x7_3, fma(scaled_q4_lo(v8[1]), x7_2, fma(scaled_q4_hi(v8[0]), x7_1, scaled_q4_lo(v8[0]) * x7_0))))))), vec4f(1.0));
    let s8_8 = dot(fma(scaled_q4_hi(v8[3]), x8_7, fma(scaled_q4_lo(v8[3]), x8_6, fma(scaled_q4_hi(v8[2]), x8_5, fma(scaled_q4_lo(v8[2]), x8_4, fma(scaled_q4_hi(v8[1]), x8_3, fma(scaled_q4_lo(v8[1]), x8_2, fma(scaled_q4_hi(v8[0]), x8_1, scaled_q4_lo(v8[0]) * x8_0))))))), vec4f(1.0));
    let s8_9 = dot(fma(scaled_q4_hi(v8[3]), x9_7, fma(scaled_q4_lo(v8[3]), x9_6, fma(scaled_q4_hi(v8[2]), x9_5, fma(scaled_q4_lo(v8[2]), x9_4, fma(scaled_q4_hi(v8[1]), x9_3, fma(scaled_q4_lo(v8[1]), x9_2, fma(scaled_q4_hi(v8[0]), x9_1, scaled_q4_lo(v8[0]) * x9_0))))))), vec4f(1.0));
    let s8_10 = dot(fma(scaled_q4_hi(v8[3]), x10_7, fma(scaled_q4_lo(v8[3]), x10_6, fma(scaled_q4_hi(v8[2]), x10_5, fma(scaled_q4_lo(v8[2]), x10_4, fma(scaled_q4_hi(v8[1]), x10_3, fma(scaled_q4_lo(v8[1]), x10_2, fma(scaled_q4_hi(v8[0]), x10_1, scaled_q4_lo(v8[0]) * x10_0))))))), vec4f(1.0));
    let s8_11 = dot(fma(scaled_q4_hi(v8[3]), x11_7, fma(scaled_q4_lo(v8[3]), x11_6, fma(scaled_q4_hi(v8[2]), x11_5, fma(scaled_q4_lo(v8[2]), x11_4, fma(scaled_q4_hi(v8[1]), x11_3, fma(scaled_q4_lo(v8[1]), x11_2, fma(scaled_q4_hi(v8[0]), x11_1, scaled_q4_lo(v8[0]) * x11_0))))))), vec4f(1.0));
    let s8_12 = dot(fma(scaled_q4_hi(v8[3]), x12_7, fma(scaled_q4_lo(v8[3]), x12_6, fma(scaled_q4_hi(v8[2]), x12_5, fma(scaled_q4_lo(v8[2]), x12_4, fma(scaled_q4_hi(v8[1]), x12_3, fma(scaled_q4_lo(v8[1]), x12_2, fma(scaled_q4_hi(v8[0]), x12_1, scaled_q4_lo(v8[0]) * x12_0))))))), vec4f(1.0));
    let s8_13 = dot(fma(scaled_q4_hi(v8[3]), x13_7, fma(scaled_q4_lo(v8[3]), x13_6, fma(scaled_q4_hi(v8[2]), x13_5, fma(scaled_q4_lo(v8[2]), x13_4, fma(scaled_q4_hi(v8[1]), x13_3, fma(scaled_q4_lo(v8[1]), x13_2, fma(scaled_q4_hi(v8[0]), x13_1, scaled_q4_lo(v8[0]) * x13_0))))))), vec4f(1.0));
    let s8_14 = dot(fma(scaled_q4_hi(v8[3]), x14_7, fma(scaled_q4_lo(v8[3]), x14_6, fma(scaled_q4_hi(v8[2]), x14_5, fma(scaled_q4_lo(v8[2]), x14_4, fma(scaled_q4_hi(v8[1]), x14_3, fma(scaled_q4_lo(v8[1]), x14_2, fma(scaled_q4_hi(v8[0]), x14_1, scaled_q4_lo(v8[0]) * x14_0))))))), vec4f(1.0));
    let s8_15 = dot(fma(scaled_q4_hi(v8[3]), x15_7, fma(scaled_q4_lo(v8[3]), x15_6, fma(scaled_q4_hi(v8[2]), x15_5, fma(scaled_q4_lo(v8[2]), x15_4, fma(scaled_q4_hi(v8[1]), x15_3, fma(scaled_q4_lo(v8[1]), x15_2, fma(scaled_q4_hi(v8[0]), x15_1, scaled_q4_lo(v8[0]) * x15_0))))))), vec4f(1.0));
    let v9 = w[min(row0 + 9u * WG + lid, last) * wpv + b * 1u + c];
    let s9_0 = dot(fma(scaled_q4_hi(v9[3]), x0_7, fma(scaled_q4_lo(v9[3]), x0_6, fma(scaled_q4_hi(v9[2]), x0_5, fma(scaled_q4_lo(v9[2]), x0_4, fma(scaled_q4_hi(v9[1]), x0_3, fma(scaled_q4_lo(v9[1]), x0_2, fma(scaled_q4_hi(v9[0]), x0_1, scaled_q4_lo(v9[0]) * x0_0))))))), vec4f(1.0));
    let s9_1 = dot(fma(scaled_q4_hi(v9[3]), x1_7, fma(scaled_q4_lo(v9[3]), x1_6, fma(scaled_q4_hi(v9[2]), x1_5, fma(scaled_q4_lo(v9[2]), x1_4, fma(scaled_q4_hi(v9[1]), x1_3, fma(scaled_q4_lo(v9[1]), x1_2, fma(scaled_q4_hi(v9[0]), x1_1, scaled_q4_lo(v9[0]) * x1_0))))))), vec4f(1.0));
    let s9_2 = dot(fma(scaled_q4_hi(v9[3]), x2_7, fma(scaled_q4_lo(v9[3]), x2_6, fma(scaled_q4_hi(v9[2]), x2_5, fma(scaled_q4_lo(v9[2]), x2_4, fma(scaled_q4_hi(v9[1]), x2_3, fma(scaled_q4_lo(v9[1]), x2_2, fma(scaled_q4_hi(v9[0]), x2_1, scaled_q4_lo(v9[0]) * x2_0))))))), vec4f(1.0));
    let s9_3 = dot(fma(scaled_q4_hi(v9[3]), x3_7, fma(scaled_q4_lo(v9[3]), x3_6, fma(scaled_q4_hi(v9[2]), x3_5, fma(scaled_q4_lo(v9[2]), x3_4, fma(scaled_q4_hi(v9[1]), x3_3, fma(scaled_q4_lo(v9[1]), x3_2, fma(scaled_q4_hi(v9[0]), x3_1, scaled_q4_lo(v9[0]) * x3_0))))))), vec4f(1.0));
    let s9_4 = dot(fma(scaled_q4_hi(v9[3]), x4_7, fma(scaled_q4_lo(v9[3]), x4_6, fma(scaled_q4_hi(v9[2]), x4_5, fma(scaled_q4_lo(v9[2]), x4_4, fma(scaled_q4_hi(v9[1]), x4_3, fma(scaled_q4_lo(v9[1]), x4_2, fma(scaled_q4_hi(v9[0]), x4_1, scaled_q4_lo(v9[0]) * x4_0))))))), vec4f(1.0));
    let s9_5 = dot(fma(scaled_q4_hi(v9[3]), x5_7, fma(scaled_q4_lo(v9[3]), x5_6, fma(scaled_q4_hi(v9[2]), x5_5, fma(scaled_q4_lo(v9[2]), x5_4, fma(scaled_q4_hi(v9[1]), x5_3, fma(scaled_q4_lo(v9[1]), x5_2, fma(scaled_q4_hi(v9[0]), x5_1, scaled_q4_lo(v9[0]) * x5_0))))))), vec4f(1.0));
    let s9_6 = dot(fma(scaled_q4_hi(v9[3]), x6_7, fma(scaled_q4_lo(v9[3]), x6_6, fma(scaled_q4_hi(v9[2]), x6_5, fma(scaled_q4_lo(v9[2]), x6_4, fma(scaled_q4_hi(v9[1]), x6_3, fma(scaled_q4_lo(v9[1]), x6_2, fma(scaled_q4_hi(v9[0]), x6_1, scaled_q4_lo(v9[0]) * x6_0))))))), vec4f(1.0));
    let s9_7 = dot(fma(scaled_q4_hi(v9[3]), x7_7, fma(scaled_q4_lo(v9[3]), x7_6, fma(scaled_q4_hi(v9[2]), x7_5, fma(scaled_q4_lo(v9[2]), x7_4, fma(scaled_q4_hi(v9[1]), x7_3, fma(scaled_q4_lo(v9[1]), x7_2, fma(scaled_q4_hi(v9[0]), x7_1, scaled_q4_lo(v9[0]) * x7_0))))))), vec4f(1.0));
    let s9_8 = dot(fma(scaled_q4_hi(v9[3]), x8_7, fma(scaled_q4_lo(v9[3]), x8_6, fma(scaled_q4_hi(v9[2]), x8_5, fma(scaled_q4_lo(v9[2]), x8_4, fma(scaled_q4_hi(v9[1]), x8_3, fma(scaled_q4_lo(v9[1]), x8_2, fma(scaled_q4_hi(v9[0]), x8_1, scaled_q4_lo(v9[0]) * x8_0))))))), vec4f(1.0));
    let s9_9 = dot(fma(scaled_q4_hi(v9[3]), x9_7, fma(scaled_q4_lo(v9[3]), x9_6, fma(scaled_q4_hi(v9[2]), x9_5, fma(scaled_q4_lo(v9[2]), x9_4, fma(scaled_q4_hi(v9[1]), x9_3, fma(scaled_q4_lo(v9[1]), x9_2, fma(scaled_q4_hi(v9[0]), x9_1, scaled_q4_lo(v9[0]) * x9_0))))))), vec4f(1.0));
    let s9_10 = dot(fma(scaled_q4_hi(v9[3]), x10_7, fma(scaled_q4_lo(v9[3]), x10_6, fma(scaled_q4_hi(v9[2]), x10_5, fma(scaled_q4_lo(v9[2]), x10_4, fma(scaled_q4_hi(v9[1]), x10_3, fma(scaled_q4_lo(v9[1]), x10_2, fma(scaled_q4_hi(v9[0]), x10_1, scaled_q4_lo(v9[0]) * x10_0))))))), vec4f(1.0));
    let s9_11 = dot(fma(scaled_q4_hi(v9[3]), x11_7, fma(scaled_q4_lo(v9[3]), x11_6, fma(scaled_q4_hi(v9[2]), x11_5, fma(scaled_q4_lo(v9[2]), x11_4, fma(scaled_q4_hi(v9[1]), x11_3, fma(scaled_q4_lo(v9[1]), x11_2, fma(scaled_q4_hi(v9[0]), x11_1, scaled_q4_lo(v9[0]) * x11_0))))))), vec4f(1.0));
    let s9_12 = dot(fma(scaled_q4_hi(v9[3]), x12_7, fma(scaled_q4_lo(v9[3]), x12_6, fma(scaled_q4_hi(v9[2]), x12_5, fma(scaled_q4_lo(v9[2]), x12_4, fma(scaled_q4_hi(v9[1]), x12_3, fma(scaled_q4_lo(v9[1]), x12_2, fma(scaled_q4_hi(v9[0]), x12_1, scaled_q4_lo(v9[0]) * x12_0))))))), vec4f(1.0));
    let s9_13 = dot(fma(scaled_q4_hi(v9[3]), x13_7, fma(scaled_q4_lo(v9[3]), x13_6, fma(scaled_q4_hi(v9[2]), x13_5, fma(scaled_q4_lo(v9[2]), x13_4, fma(scaled_q4_hi(v9[1]), x13_3, fma(scaled_q4_lo(v9[1]), x13_2, fma(scaled_q4_hi(v9[0]), x13_1, scaled_q4_lo(v9[0]) * x13_0))))))), vec4f(1.0));
    let s9_14 = dot(fma(scaled_q4_hi(v9[3]), x14_7, fma(scaled_q4_lo(v9[3]), x14_6, fma(scaled_q4_hi(v9[2]), x14_5, fma(scaled_q4_lo(v9[2]), x14_4, fma(scaled_q4_hi(v9[1]), x14_3, fma(scaled_q4_lo(v9[1]), x14_2, fma(scaled_q4_hi(v9[0]), x14_1, scaled_q4_lo(v9[0]) * x14_0))))))), vec4f(1.0));
    let s9_15 = dot(fma(scaled_q4_hi(v9[3]), x15_7, fma(scaled_q4_lo(v9[3]), x15_6, fma(scaled_q4_hi(v9[2]), x15_5, fma(scaled_q4_lo(v9[2]), x15_4, fma(scaled_q4_hi(v9[1]), x15_3, fma(scaled_q4_lo(v9[1]), x15_2, fma(scaled_q4_hi(v9[0]), x15_1, scaled_q4_lo(v9[0]) * x15_0))))))), vec4f(1.0));
    let v10 = w[min(row0 + 10u * WG + lid, last) * wpv + b * 1u + c];
    let s10_0 = dot(fma(scaled_q4_hi(v10[3]), x0_7, fma(scaled_q4_lo(v10[3]), x0_6, fma(scaled_q4_hi(v10[2]), x0_5, fma(scaled_q4_lo(v10[2]), x0_4, fma(scaled_q4_hi(v10[1]), x0_3, fma(scaled_q4_lo(v10[1]), x0_2, fma(scaled_q4_hi(v10[0]), x0_1, scaled_q4_lo(v10[0]) * x0_0))))))), vec4f(1.0));
    let s10_1 = dot(fma(scaled_q4_hi(v10[3]), x1_7, fma(scaled_q4_lo(v10[3]), x1_6, fma(scaled_q4_hi(v10[2]), x1_5, fma(scaled_q4_lo(v10[2]), x1_4, fma(scaled_q4_hi(v10[1]), x1_3, fma(scaled_q4_lo(v10[1]), x1_2, fma(scaled_q4_hi(v10[0]), x1_1, scaled_q4_lo(v10[0]) * x1_0))))))), vec4f(1.0));
    let s10_2 = dot(fma(scaled_q4_hi(v10[3]), x2_7, fma(scaled_q4_lo(v10[3]), x2_6, fma(scaled_q4_hi(v10[2]), x2_5, fma(scaled_q4_lo(v10[2]), x2_4, fma(scaled_q4_hi(v10[1]), x2_3, fma(scaled_q4_lo(v10[1]), x2_2, fma(scaled_q4_hi(v10[0]), x2_1, scaled_q4_lo(v10[0]) * x2_0))))))), vec4f(1.0));
    let s10_3 = dot(fma(scaled_q4_hi(v10[3]), x3_7, fma(scaled_q4_lo(v10[3]), x3_6, fma(scaled_q4_hi(v10[2]), x3_5, fma(scaled_q4_lo(v10[2]), x3_4, fma(scaled_q4_hi(v10[1]), x3_3, fma(scaled_q4_lo(v10[1]), x3_2, fma(scaled_q4_hi(v10[0]), x3_1, scaled_q4_lo(v10[0]) * x3_0))))))), vec4f(1.0));
    let s10_4 = dot(fma(scaled_q4_hi(v10[3]), x4_7, fma(scaled_q4_lo(v10[3]), x4_6, fma(scaled_q4_hi(v10[2]), x4_5, fma(scaled_q4_lo(v10[2]), x4_4, fma(scaled_q4_hi(v10[1]), x4_3, fma(scaled_q4_lo(v10[1]), x4_2, fma(scaled_q4_hi(v10[0]), x4_1, scaled_q4_lo(v10[0]) * x4_0))))))), vec4f(1.0));
    let s10_5 = dot(fma(scaled_q4_hi(v10[3]), x5_7, fma(scaled_q4_lo(v10[3]), x5_6, fma(scaled_q4_hi(v10[2]), x5_5, fma(scaled_q4_lo(v10[2]), x5_4, fma(scaled_q4_hi(v10[1]), x5_3, fma(scaled_q4_lo(v10[1]), x5_2, fma(scaled_q4_hi(v10[0]), x5_1, scaled_q4_lo(v10[0]) * x5_0))))))), vec4f(1.0));
    let s10_6 = dot(fma(scaled_q4_hi(v10[3]), x6_7, fma(scaled_q4_lo(v10[3]), x6_6, fma(scaled_q4_hi(v10[2]), x6_5, fma(scaled_q4_lo(v10[2]), x6_4, fma(scaled_q4_hi(v10[1]), x6_3, fma(scaled_q4_lo(v10[1]), x6_2, fma(scaled_q4_hi(v10[0]), x6_1, scaled_q4_lo(v10[0]) * x6_0))))))), vec4f(1.0));
    let s10_7 = dot(fma(scaled_q4_hi(v10[3]), x7_7, fma(scaled_q4_lo(v10[3]), x7_6, fma(scaled_q4_hi(v10[2]), x7_5, fma(scaled_q4_lo(v10[2]), x7_4, fma(scaled_q4_hi(v10[1]), x7_3, fma(scaled_q4_lo(v10[1]), x7_2, fma(scaled_q4_hi(v10[0]), x7_1, scaled_q4_lo(v10[0]) * x7_0))))))), vec4f(1.0));
    let s10_8 = dot(fma(scaled_q4_hi(v10[3]), x8_7, fma(scaled_q4_lo(v10[3]), x8_6, fma(scaled_q4_hi(v10[2]), x8_5, fma(scaled_q4_lo(v10[2]), x8_4, fma(scaled_q4_hi(v10[1]), x8_3, fma(scaled_q4_lo(v10[1]), x8_2, fma(scaled_q4_hi(v10[0]), x8_1, scaled_q4_lo(v10[0]) * x8_0))))))), vec4f(1.0));
    let s10_9 = dot(fma(scaled_q4_hi(v10[3]), x9_7, fma(scaled_q4_lo(v10[3]), x9_6, fma(scaled_q4_hi(v10[2]), x9_5, fma(scaled_q4_lo(v10[2]), x9_4, fma(scaled_q4_hi(v10[1]), x9_3, fma(scaled_q4_lo(v10[1]), x9_2, fma(scaled_q4_hi(v10[0]), x9_1, scaled_q4_lo(v10[0]) * x9_0))))))), vec4f(1.0));
    let s10_10 = dot(fma(scaled_q4_hi(v10[3]), x10_7, fma(scaled_q4_lo(v10[3]), x10_6, fma(scaled_q4_hi(v10[2]), x10_5, fma(scaled_q4_lo(v10[2]), x10_4, fma(scaled_q4_hi(v10[1]), x10_3, fma(scaled_q4_lo(v10[1]), x10_2, fma(scaled_q4_hi(v10[0]), x10_1, scaled_q4_lo(v10[0]) * x10_0))))))), vec4f(1.0));
    let s10_11 = dot(fma(scaled_q4_hi(v10[3]), x11_7, fma(scaled_q4_lo(v10[3]), x11_6, fma(scaled_q4_hi(v10[2]), x11_5, fma(scaled_q4_lo(v10[2]), x11_4, fma(scaled_q4_hi(v10[1]), x11_3, fma(scaled_q4_lo(v10[1]), x11_2, fma(scaled_q4_hi(v10[0]), x11_1, scaled_q4_lo(v10[0]) * x11_0))))))), vec4f(1.0));
    let s10_12 = dot(fma(scaled_q4_hi(v10[3]), x12_7, fma(scaled_q4_lo(v10[3]), x12_6, fma(scaled_q4_hi(v10[2]), x12_5, fma(scaled_q4_lo(v10[2]), x12_4, fma(scaled_q4_hi(v10[1]), x12_3, fma(scaled_q4_lo(v10[1]), x12_2, fma(scaled_q4_hi(v10[0]), x12_1, scaled_q4_lo(v10[0]) * x12_0))))))), vec4f(1.0));
    let s10_13 = dot(fma(scaled_q4_hi(v10[3]), x13_7, fma(scaled_q4_lo(v10[3]), x13_6, fma(scaled_q4_hi(v10[2]), x13_5, fma(scaled_q4_lo(v10[2]), x13_4, fma(scaled_q4_hi(v10[1]), x13_3, fma(scaled_q4_lo(v10[1]), x13_2, fma(scaled_q4_hi(v10[0]), x13_1, scaled_q4_lo(v10[0]) * x13_0))))))), vec4f(1.0));
    let s10_14 = dot(fma(scaled_q4_hi(v10[3]), x14_7, fma(scaled_q4_lo(v10[3]), x14_6, fma(scaled_q4_hi(v10[2]), x14_5, fma(scaled_q4_lo(v10[2]), x14_4, fma(scaled_q4_hi(v10[1]), x14_3, fma(scaled_q4_lo(v10[1]), x14_2, fma(scaled_q4_hi(v10[0]), x14_1, scaled_q4_lo(v10[0]) * x14_0))))))), vec4f(1.0));
    let s10_15 = dot(fma(scaled_q4_hi(v10[3]), x15_7, fma(scaled_q4_lo(v10[3]), x15_6, fma(scaled_q4_hi(v10[2]), x15_5, fma(scaled_q4_lo(v10[2]), x15_4, fma(scaled_q4_hi(v10[1]), x15_3, fma(scaled_q4_lo(v10[1]), x15_2, fma(scaled_q4_hi(v10[0]), x15_1, scaled_q4_lo(v10[0]) * x15_0))))))), vec4f(1.0));
    let v11 = w[min(row0 + 11u * WG + lid, last) * wpv + b * 1u + c];
    let s11_0 = dot(fma(scaled_q4_hi(v11[3]), x0_7, fma(scaled_q4_lo(v11[3]), x0_6, fma(scaled_q4_hi(v11[2]), x0_5, fma(scaled_q4_lo(v11[2]), x0_4, fma(scaled_q4_hi(v11[1]), x0_3, fma(scaled_q4_lo(v11[1]), x0_2, fma(scaled_q4_hi(v11[0]), x0_1, scaled_q4_lo(v11[0]) * x0_0))))))), vec4f(1.0));
    let s11_1 = dot(fma(scaled_q4_hi(v11[3]), x1_7, fma(scaled_q4_lo(v11[3]), x1_6, fma(scaled_q4_hi(v11[2]), x1_5, fma(scaled_q4_lo(v11[2]), x1_4, fma(scaled_q4_hi(v11[1]), x1_3, fma(scaled_q4_lo(v11[1]), x1_2, fma(scaled_q4_hi(v11[0]), x1_1, scaled_q4_lo(v11[0]) * x1_0))))))), vec4f(1.0));
    let s11_2 = dot(fma(scaled_q4_hi(v11[3]), x2_7, fma(scaled_q4_lo(v11[3]), x2_6, fma(scaled_q4_hi(v11[2]), x2_5, fma(scaled_q4_lo(v11[2]), x2_4, fma(scaled_q4_hi(v11[1]), x2_3, fma(scaled_q4_lo(v11[1]), x2_2, fma(scaled_q4_hi(v11[0]), x2_1, scaled_q4_lo(v11[0]) * x2_0))))))), vec4f(1.0));
    let s11_3 = dot(fma(scaled_q4_hi(v11[3]), x3_7, fma(scaled_q4_lo(v11[3]), x3_6, fma(scaled_q4_hi(v11[2]), x3_5, fma(scaled_q4_lo(v11[2]), x3_4, fma(scaled_q4_hi(v11[1]), x3_3, fma(scaled_q4_lo(v11[1]), x3_2, fma(scaled_q4_hi(v11[0]), x3_1, scaled_q4_lo(v11[0]) * x3_0))))))), vec4f(1.0));
    let s11_4 = dot(fma(scaled_q4_hi(v11[3]), x4_7, fma(scaled_q4_lo(v11[3]), x4_6, fma(scaled_q4_hi(v11[2]), x4_5, fma(scaled_q4_lo(v11[2]), x4_4, fma(scaled_q4_hi(v11[1]), x4_3, fma(scaled_q4_lo(v11[1]), x4_2, fma(scaled_q4_hi(v11[0]), x4_1, scaled_q4_lo(v11[0]) * x4_0))))))), vec4f(1.0));
    let s11_5 = dot(fma(scaled_q4_hi(v11[3]), x5_7, fma(scaled_q4_lo(v11[3]), x5_6, fma(scaled_q4_hi(v11[2]), x5_5, fma(scaled_q4_lo(v11[2]), x5_4, fma(scaled_q4_hi(v11[1]), x5_3, fma(scaled_q4_lo(v11[1]), x5_2, fma(scaled_q4_hi(v11[0]), x5_1, scaled_q4_lo(v11[0]) * x5_0))))))), vec4f(1.0));
    let s11_6 = dot(fma(scaled_q4_hi(v11[3]), x6_7, fma(scaled_q4_lo(v11[3]), x6_6, fma(scaled_q4_hi(v11[2]), x6_5, fma(scaled_q4_lo(v11[2]), x6_4, fma(scaled_q4_hi(v11[1]), x6_3, fma(scaled_q4_lo(v11[1]), x6_2, fma(scaled_q4_hi(v11[0]), x6_1, scaled_q4_lo(v11[0]) * x6_0))))))), vec4f(1.0));
    let s11_7 = dot(fma(scaled_q4_hi(v11[3]), x7_7, fma(scaled_q4_lo(v11[3]), x7_6, fma(scaled_q4_hi(v11[2]), x7_5, fma(scaled_q4_lo(v11[2]), x7_4, fma(scaled_q4_hi(v11[1]), x7_3, fma(scaled_q4_lo(v11[1]), x7_2, fma(scaled_q4_hi(v11[0]), x7_1, scaled_q4_lo(v11[0]) * x7_0))))))), vec4f(1.0));
    let s11_8 = dot(fma(scaled_q4_hi(v11[3]), x8_7, fma(scaled_q4_lo(v11[3]), x8_6, fma(scaled_q4_hi(v11[2]), x8_5, fma(scaled_q4_lo(v11[2]), x8_4, fma(scaled_q4_hi(v11[1]), x8_3, fma(scaled_q4_lo(v11[1]), x8_2, fma(scaled_q4_hi(v11[0]), x8_1, scaled_q4_lo(v11[0]) * x8_0))))))), vec4f(1.0));
    let s11_9 = dot(fma(scaled_q4_hi(v11[3]), x9_7, fma(scaled_q4_lo(v11[3]), x9_6, fma(scaled_q4_hi(v11[2]), x9_5, fma(scaled_q4_lo(v11[2]), x9_4, fma(scaled_q4_hi(v11[1]), x9_3, fma(scaled_q4_lo(v11[1]), x9_2, fma(scaled_q4_hi(v11[0]), x9_1, scaled_q4_lo(v11[0]) * x9_0))))))), vec4f(1.0));
    let s11_10 = dot(fma(scaled_q4_hi(v11[3]), x10_7, fma(scaled_q4_lo(v11[3]), x10_6, fma(scaled_q4_hi(v11[2]), x10_5, fma(scaled_q4_lo(v11[2]), x10_4, fma(scaled_q4_hi(v11[1]), x10_3, fma(scaled_q4_lo(v11[1]), x10_2, fma(scaled_q4_hi(v11[0]), x10_1, scaled_q4_lo(v11[0]) * x10_0))))))), vec4f(1.0));
    let s11_11 = dot(fma(scaled_q4_hi(v11[3]), x11_7, fma(scaled_q4_lo(v11[3]), x11_6, fma(scaled_q4_hi(v11[2]), x11_5, fma(scaled_q4_lo(v11[2]), x11_4, fma(scaled_q4_hi(v11[1]), x11_3, fma(scaled_q4_lo(v11[1]), x11_2, fma(scaled_q4_hi(v11[0]), x11_1, scaled_q4_lo(v11[0]) * x11_0))))))), vec4f(1.0));
    let s11_12 = dot(fma(scaled_q4_hi(v11[3]), x12_7, fma(scaled_q4_lo(v11[3]), x12_6, fma(scaled_q4_hi(v11[2]), x12_5, fma(scaled_q4_lo(v11[2]), x12_4, fma(scaled_q4_hi(v11[1]), x12_3, fma(scaled_q4_lo(v11[1]), x12_2, fma(scaled_q4_hi(v11[0]), x12_1, scaled_q4_lo(v11[0]) * x12_0))))))), vec4f(1.0));
    let s11_13 = dot(fma(scaled_q4_hi(v11[3]), x13_7, fma(scaled_q4_lo(v11[3]), x13_6, fma(scaled_q4_hi(v11[2]), x13_5, fma(scaled_q4_lo(v11[2]), x13_4, fma(scaled_q4_hi(v11[1]), x13_3, fma(scaled_q4_lo(v11[1]), x13_2, fma(scaled_q4_hi(v11[0]), x13_1, scaled_q4_lo(v11[0]) * x13_0))))))), vec4f(1.0));
    let s11_14 = dot(fma(scaled_q4_hi(v11[3]), x14_7, fma(scaled_q4_lo(v11[3]), x14_6, fma(scaled_q4_hi(v11[2]), x14_5, fma(scaled_q4_lo(v11[2]), x14_4, fma(scaled_q4_hi(v11[1]), x14_3, fma(scaled_q4_lo(v11[1]), x14_2, fma(scaled_q4_hi(v11[0]), x14_1, scaled_q4_lo(v11[0]) * x14_0))))))), vec4f(1.0));
    let s11_15 = dot(fma(scaled_q4_hi(v11[3]), x15_7, fma(scaled_q4_lo(v11[3]), x15_6, fma(scaled_q4_hi(v11[2]), x15_5, fma(scaled_q4_lo(v11[2]), x15_4, fma(scaled_q4_hi(v11[1]), x15_3, fma(scaled_q4_lo(v11[1]), x15_2, fma(scaled_q4_hi(v11[0]), x15_1, scaled_q4_lo(v11[0]) * x15_0))))))), vec4f(1.0));
    let v12 = w[min(row0 + 12u * WG + lid, last) * wpv + b * 1u + c];
    let s12_0 = dot(fma(scaled_q4_hi(v12[3]), x0_7, fma(scaled_q4_lo(v12[3]), x0_6, fma(scaled_q4_hi(v12[2]), x0_5, fma(scaled_q4_lo(v12[2]), x0_4, fma(scaled_q4_hi(v12[1]), x0_3, fma(scaled_q4_lo(v12[1]), x0_2, fma(scaled_q4_hi(v12[0]), x0_1, scaled_q4_lo(v12[0]) * x0_0))))))), vec4f(1.0));
    let s12_1 = dot(fma(scaled_q4_hi(v12[3]), x1_7, fma(scaled_q4_lo(v12[3]), x1_6, fma(scaled_q4_hi(v12[2]), x1_5, fma(scaled_q4_lo(v12[2]), x1_4, fma(scaled_q4_hi(v12[1]), x1_3, fma(scaled_q4_lo(v12[1]), x1_2, fma(scaled_q4_hi(v12[0]), x1_1, scaled_q4_lo(v12[0]) * x1_0))))))), vec4f(1.0));
    let s12_2 = dot(fma(scaled_q4_hi(v12[3]), x2_7, fma(scaled_q4_lo(v12[3]), x2_6, fma(scaled_q4_hi(v12[2]), x2_5, fma(scaled_q4_lo(v12[2]), x2_4, fma(scaled_q4_hi(v12[1]), x2_3, fma(scaled_q4_lo(v12[1]), x2_2, fma(scaled_q4_hi(v12[0]), x2_1, scaled_q4_lo(v12[0]) * x2_0))))))), vec4f(1.0));
    let s12_3 = dot(fma(scaled_q4_hi(v12[3]), x3_7, fma(scaled_q4_lo(v12[3]), x3_6, fma(scaled_q4_hi(v12[2]), x3_5, fma(scaled_q4_lo(v12[2]), x3_4, fma(scaled_q4_hi(v12[1]), x3_3, fma(scaled_q4_lo(v12[1]), x3_2, fma(scaled_q4_hi(v12[0]), x3_1, scaled_q4_lo(v12[0]) * x3_0))))))), vec4f(1.0));
    let s12_4 = dot(fma(scaled_q4_hi(v12[3]), x4_7, fma(scaled_q4_lo(v12[3]), x4_6, fma(scaled_q4_hi(v12[2]), x4_5, fma(scaled_q4_lo(v12[2]), x4_4, fma(scaled_q4_hi(v12[1]), x4_3, fma(scaled_q4_lo(v12[1]), x4_2, fma(scaled_q4_hi(v12[0]), x4_1, scaled_q4_lo(v12[0]) * x4_0))))))), vec4f(1.0));
    let s12_5 = dot(fma(scaled_q4_hi(v12[3]), x5_7, fma(scaled_q4_lo(v12[3]), x5_6, fma(scaled_q4_hi(v12[2]), x5_5, fma(scaled_q4_lo(v12[2]), x5_4, fma(scaled_q4_hi(v12[1]), x5_3, fma(scaled_q4_lo(v12[1]), x5_2, fma(scaled_q4_hi(v12[0]), x5_1, scaled_q4_lo(v12[0]) * x5_0))))))), vec4f(1.0));
    let s12_6 = dot(fma(scaled_q4_hi(v12[3]), x6_7, fma(scaled_q4_lo(v12[3]), x6_6, fma(scaled_q4_hi(v12[2]), x6_5, fma(scaled_q4_lo(v12[2]), x6_4, fma(scaled_q4_hi(v12[1]), x6_3, fma(scaled_q4_lo(v12[1]), x6_2, fma(scaled_q4_hi(v12[0]), x6_1, scaled_q4_lo(v12[0]) * x6_0))))))), vec4f(1.0));
    let s12_7 = dot(fma(scaled_q4_hi(v12[3]), x7_7, fma(scaled_q4_lo(v12[3]), x7_6, fma(scaled_q4_hi(v12[2]), x7_5, fma(scaled_q4_lo(v12[2]), x7_4, fma(scaled_q4_hi(v12[1]), x7_3, fma(scaled_q4_lo(v12[1]), x7_2, fma(scaled_q4_hi(v12[0]), x7_1, scaled_q4_lo(v12[0]) * x7_0))))))), vec4f(1.0));
    let s12_8 = dot(fma(scaled_q4_hi(v12[3]), x8_7, fma(scaled_q4_lo(v12[3]), x8_6, fma(scaled_q4_hi(v12[2]), x8_5, fma(scaled_q4_lo(v12[2]), x8_4, fma(scaled_q4_hi(v12[1]), x8_3, fma(scaled_q4_lo(v12[1]), x8_2, fma(scaled_q4_hi(v12[0]), x8_1, scaled_q4_lo(v12[0]) * x8_0))))))), vec4f(1.0));
    let s12_9 = dot(fma(scaled_q4_hi(v12[3]), x9_7, fma(scaled_q4_lo(v12[3]), x9_6, fma(scaled_q4_hi(v12[2]), x9_5, fma(scaled_q4_lo(v12[2]), x9_4, fma(scaled_q4_hi(v12[1]), x9_3, fma(scaled_q4_lo(v12[1]), x9_2, fma(scaled_q4_hi(v12[0]), x9_1, scaled_q4_lo(v12[0]) * x9_0))))))), vec4f(1.0));
    let s12_10 = dot(fma(scaled_q4_hi(v12[3]), x10_7, fma(scaled_q4_lo(v12[3]), x10_6, fma(scaled_q4_hi(v12[2]), x10_5, fma(scaled_q4_lo(v12[2]), x10_4, fma(scaled_q4_hi(v12[1]), x10_3, fma(scaled_q4_lo(v12[1]), x10_2, fma(scaled_q4_hi(v12[0]), x10_1, scaled_q4_lo(v12[0]) * x10_0))))))), vec4f(1.0));
    let s12_11 = dot(fma(scaled_q4_hi(v12[3]), x11_7, fma(scaled_q4_lo(v12[3]), x11_6, fma(scaled_q4_hi(v12[2]), x11_5, fma(scaled_q4_lo(v12[2]), x11_4, fma(scaled_q4_hi(v12[1]), x11_3, fma(scaled_q4_lo(v12[1]), x11_2, fma(scaled_q4_hi(v12[0]), x11_1, scaled_q4_lo(v12[0]) * x11_0))))))), vec4f(1.0));
    let s12_12 = dot(fma(scaled_q4_hi(v12[3]), x12_7, fma(scaled_q4_lo(v12[3]), x12_6, fma(scaled_q4_hi(v12[2]), x12_5, fma(scaled_q4_lo(v12[2]), x12_4, fma(scaled_q4_hi(v12[1]), x12_3, fma(scaled_q4_lo(v12[1]), x12_2, fma(scaled_q4_hi(v12[0]), x12_1, scaled_q4_lo(v12[0]) * x12_0))))))), vec4f(1.0));
    let s12_13 = dot(fma(scaled_q4_hi(v12[3]), x13_7, fma(scaled_q4_lo(v12[3]), x13_6, fma(scaled_q4_hi(v12[2]), x13_5, fma(scaled_q4_lo(v12[2]), x13_4, fma(scaled_q4_hi(v12[1]), x13_3, fma(scaled_q4_lo(v12[1]), x13_2, fma(scaled_q4_hi(v12[0]), x13_1, scaled_q4_lo(v12[0]) * x13_0))))))), vec4f(1.0));
    let s12_14 = dot(fma(scaled_q4_hi(v12[3]), x14_7, fma(scaled_q4_lo(v12[3]), x14_6, fma(scaled_q4_hi(v12[2]), x14_5, fma(scaled_q4_lo(v12[2]), x14_4, fma(scaled_q4_hi(v12[1]), x14_3, fma(scaled_q4_lo(v12[1]), x14_2, fma(scaled_q4_hi(v12[0]), x14_1, scaled_q4_lo(v12[0]) * x14_0))))))), vec4f(1.0));
    let s12_15 = dot(fma(scaled_q4_hi(v12[3]), x15_7, fma(scaled_q4_lo(v12[3]), x15_6, fma(scaled_q4_hi(v12[2]), x15_5, fma(scaled_q4_lo(v12[2]), x15_4, fma(scaled_q4_hi(v12[1]), x15_3, fma(scaled_q4_lo(v12[1]), x15_2, fma(scaled_q4_hi(v12[0]), x15_1, scaled_q4_lo(v12[0]) * x15_0))))))), vec4f(1.0));
    let v13 = w[min(row0 + 13u * WG + lid, last) * wpv + b * 1u + c];
    let s13_0 = dot(fma(scaled_q4_hi(v13[3]), x0_7, fma(scaled_q4_lo(v13[3]), x0_6, fma(scaled_q4_hi(v13[2]), x0_5, fma(scaled_q4_lo(v13[2]), x0_4, fma(scaled_q4_hi(v13[1]), x0_3, fma(scaled_q4_lo(v13[1]), x0_2, fma(scaled_q4_hi(v13[0]), x0_1, scaled_q4_lo(v13[0]) * x0_0))))))), vec4f(1.0));
    let s13_1 = dot(fma(scaled_q4_hi(v13[3]), x1_7, fma(scaled_q4_lo(v13[3]), x1_6, fma(scaled_q4_hi(v13[2]), x1_5, fma(scaled_q4_lo(v13[2]), x1_4, fma(scaled_q4_hi(v13[1]), x1_3, fma(scaled_q4_lo(v13[1]), x1_2, fma(scaled_q4_hi(v13[0]), x1_1, scaled_q4_lo(v13[0]) * x1_0))))))), vec4f(1.0));
    let s13_2 = dot(fma(scaled_q4_hi(v13[3]), x2_7, fma(scaled_q4_lo(v13[3]), x2_6, fma(scaled_q4_hi(v13[2]), x2_5, fma(scaled_q4_lo(v13[2]), x2_4, fma(scaled_q4_hi(v13[1]), x2_3, fma(scaled_q4_lo(v13[1]), x2_2, fma(scaled_q4_hi(v13[0]), x2_1, scaled_q4_lo(v13[0]) * x2_0))))))), vec4f(1.0));
    let s13_3 = dot(fma(scaled_q4_hi(v13[3]), x3_7, fma(scaled_q4_lo(v13[3]), x3_6, fma(scaled_q4_hi(v13[2]), x3_5, fma(scaled_q4_lo(v13[2]), x3_4, fma(scaled_q4_hi(v13[1]), x3_3, fma(scaled_q4_lo(v13[1]), x3_2, fma(scaled_q4_hi(v13[0]), x3_1, scaled_q4_lo(v13[0]) * x3_0))))))), vec4f(1.0));
    let s13_4 = dot(fma(scaled_q4_hi(v13[3]), x4_7, fma(scaled_q4_lo(v13[3]), x4_6, fma(scaled_q4_hi(v13[2]), x4_5, fma(scaled_q4_lo(v13[2]), x4_4, fma(scaled_q4_hi(v13[1]), x4_3, fma(scaled_q4_lo(v13[1]), x4_2, fma(scaled_q4_hi(v13[0]), x4_1, scaled_q4_lo(v13[0]) * x4_0))))))), vec4f(1.0));
    let s13_5 = dot(fma(scaled_q4_hi(v13[3]), x5_7, fma(scaled_q4_lo(v13[3]), x5_6, fma(scaled_q4_hi(v13[2]), x5_5, fma(scaled_q4_lo(v13[2]), x5_4, fma(scaled_q4_hi(v13[1]), x5_3, fma(scaled_q4_lo(v13[1]), x5_2, fma(scaled_q4_hi(v13[0]), x5_1, scaled_q4_lo(v13[0]) * x5_0))))))), vec4f(1.0));
    let s13_6 = dot(fma(scaled_q4_hi(v13[3]), x6_7, fma(scaled_q4_lo(v13[3]), x6_6, fma(scaled_q4_hi(v13[2]), x6_5, fma(scaled_q4_lo(v13[2]), x6_4, fma(scaled_q4_hi(v13[1]), x6_3, fma(scaled_q4_lo(v13[1]), x6_2, fma(scaled_q4_hi(v13[0]), x6_1, scaled_q4_lo(v13[0]) * x6_0))))))), vec4f(1.0));
    let s13_7 = dot(fma(scaled_q4_hi(v13[3]), x7_7, fma(scaled_q4_lo(v13[3]), x7_6, fma(scaled_q4_hi(v13[2]), x7_5, fma(scaled_q4_lo(v13[2]), x7_4, fma(scaled_q4_hi(v13[1]), x7_3, fma(scaled_q4_lo(v13[1]), x7_2, fma(scaled_q4_hi(v13[0]), x7_1, scaled_q4_lo(v13[0]) * x7_0))))))), vec4f(1.0));
    let s13_8 = dot(fma(scaled_q4_hi(v13[3]), x8_7, fma(scaled_q4_lo(v13[3]), x8_6, fma(scaled_q4_hi(v13[2]), x8_5, fma(scaled_q4_lo(v13[2]), x8_4, fma(scaled_q4_hi(v13[1]), x8_3, fma(scaled_q4_lo(v13[1]), x8_2, fma(scaled_q4_hi(v13[0]), x8_1, scaled_q4_lo(v13[0]) * x8_0))))))), vec4f(1.0));
    let s13_9 = dot(fma(scaled_q4_hi(v13[3]), x9_7, fma(scaled_q4_lo(v13[3]), x9_6, fma(scaled_q4_hi(v13[2]), x9_5, fma(scaled_q4_lo(v13[2]), x9_4, fma(scaled_q4_hi(v13[1]), x9_3, fma(scaled_q4_lo(v13[1]), x9_2, fma(scaled_q4_hi(v13[0]), x9_1, scaled_q4_lo(v13[0]) * x9_0))))))), vec4f(1.0));
    let s13_10 = dot(fma(scaled_q4_hi(v13[3]), x10_7, fma(scaled_q4_lo(v13[3]), x10_6, fma(scaled_q4_hi(v13[2]), x10_5, fma(scaled_q4_lo(v13[2]), x10_4, fma(scaled_q4_hi(v13[1]), x10_3, fma(scaled_q4_lo(v13[1]), x10_2, fma(scaled_q4_hi(v13[0]), x10_1, scaled_q4_lo(v13[0]) * x10_0))))))), vec4f(1.0));
    let s13_11 = dot(fma(scaled_q4_hi(v13[3]), x11_7, fma(scaled_q4_lo(v13[3]), x11_6, fma(scaled_q4_hi(v13[2]), x11_5, fma(scaled_q4_lo(v13[2]), x11_4, fma(scaled_q4_hi(v13[1]), x11_3, fma(scaled_q4_lo(v13[1]), x11_2, fma(scaled_q4_hi(v13[0]), x11_1, scaled_q4_lo(v13[0]) * x11_0))))))), vec4f(1.0));
    let s13_12 = dot(fma(scaled_q4_hi(v13[3]), x12_7, fma(scaled_q4_lo(v13[3]), x12_6, fma(scaled_q4_hi(v13[2]), x12_5, fma(scaled_q4_lo(v13[2]), x12_4, fma(scaled_q4_hi(v13[1]), x12_3, fma(scaled_q4_lo(v13[1]), x12_2, fma(scaled_q4_hi(v13[0]), x12_1, scaled_q4_lo(v13[0]) * x12_0))))))), vec4f(1.0));
    let s13_13 = dot(fma(scaled_q4_hi(v13[3]), x13_7, fma(scaled_q4_lo(v13[3]), x13_6, fma(scaled_q4_hi(v13[2]), x13_5, fma(scaled_q4_lo(v13[2]), x13_4, fma(scaled_q4_hi(v13[1]), x13_3, fma(scaled_q4_lo(v13[1]), x13_2, fma(scaled_q4_hi(v13[0]), x13_1, scaled_q4_lo(v13[0]) * x13_0))))))), vec4f(1.0));
    let s13_14 = dot(fma(scaled_q4_hi(v13[3]), x14_7, fma(scaled_q4_lo(v13[3]), x14_6, fma(scaled_q4_hi(v13[2]), x14_5, fma(scaled_q4_lo(v13[2]), x14_4, fma(scaled_q4_hi(v13[1]), x14_3, fma(scaled_q4_lo(v13[1]), x14_2, fma(scaled_q4_hi(v13[0]), x14_1, scaled_q4_lo(v13[0]) * x14_0))))))), vec4f(1.0));
    let s13_15 = dot(fma(scaled_q4_hi(v13[3]), x15_7, fma(scaled_q4_lo(v13[3]), x15_6, fma(scaled_q4_hi(v13[2]), x15_5, fma(scaled_q4_lo(v13[2]), x15_4, fma(scaled_q4_hi(v13[1]), x15_3, fma(scaled_q4_lo(v13[1]), x15_2, fma(scaled_q4_hi(v13[0]), x15_1, scaled_q4_lo(v13[0]) * x15_0))))))), vec4f(1.0));
    let v14 = w[min(row0 + 14u * WG + lid, last) * wpv + b * 1u + c];
    let s14_0 = dot(fma(scaled_q4_hi(v14[3]), x0_7, fma(scaled_q4_lo(v14[3]), x0_6, fma(scaled_q4_hi(v14[2]), x0_5, fma(scaled_q4_lo(v14[2]), x0_4, fma(scaled_q4_hi(v14[1]), x0_3, fma(scaled_q4_lo(v14[1]), x0_2, fma(scaled_q4_hi(v14[0]), x0_1, scaled_q4_lo(v14[0]) * x0_0))))))), vec4f(1.0));
    let s14_1 = dot(fma(scaled_q4_hi(v14[3]), x1_7, fma(scaled_q4_lo(v14[3]), x1_6, fma(scaled_q4_hi(v14[2]), x1_5, fma(scaled_q4_lo(v14[2]), x1_4, fma(scaled_q4_hi(v14[1]), x1_3, fma(scaled_q4_lo(v14[1]), x1_2, fma(scaled_q4_hi(v14[0]), x1_1, scaled_q4_lo(v14[0]) * x1_0))))))), vec4f(1.0));
    let s14_2 = dot(fma(scaled_q4_hi(v14[3]), x2_7, fma(scaled_q4_lo(v14[3]), x2_6, fma(scaled_q4_hi(v14[2]), x2_5, fma(scaled_q4_lo(v14[2]), x2_4, fma(scaled_q4_hi(v14[1]), x2_3, fma(scaled_q4_lo(v14[1]), x2_2, fma(scaled_q4_hi(v14[0]), x2_1, scaled_q4_lo(v14[0]) * x2_0))))))), vec4f(1.0));
    let s14_3 = dot(fma(scaled_q4_hi(v14[3]), x3_7, fma(scaled_q4_lo(v14[3]), x3_6, fma(scaled_q4_hi(v14[2]), x3_5, fma(scaled_q4_lo(v14[2]), x3_4, fma(scaled_q4_hi(v14[1]), x3_3, fma(scaled_q4_lo(v14[1]), x3_2, fma(scaled_q4_hi(v14[0]), x3_1, scaled_q4_lo(v14[0]) * x3_0))))))), vec4f(1.0));
    let s14_4 = dot(fma(scaled_q4_hi(v14[3]), x4_7, fma(scaled_q4_lo(v14[3]), x4_6, fma(scaled_q4_hi(v14[2]), x4_5, fma(scaled_q4_lo(v14[2]), x4_4, fma(scaled_q4_hi(v14[1]), x4_3, fma(scaled_q4_lo(v14[1]), x4_2, fma(scaled_q4_hi(v14[0]), x4_1, scaled_q4_lo(v14[0]) * x4_0))))))), vec4f(1.0));
    let s14_5 = dot(fma(scaled_q4_hi(v14[3]), x5_7, fma(scaled_q4_lo(v14[3]), x5_6, fma(scaled_q4_hi(v14[2]), x5_5, fma(scaled_q4_lo(v14[2]), x5_4, fma(scaled_q4_hi(v14[1]), x5_3, fma(scaled_q4_lo(v14[1]), x5_2, fma(scaled_q4_hi(v14[0]), x5_1, scaled_q4_lo(v14[0]) * x5_0))))))), vec4f(1.0));
    let s14_6 = dot(fma(scaled_q4_hi(v14[3]), x6_7, fma(scaled_q4_lo(v14[3]), x6_6, fma(scaled_q4_hi(v14[2]), x6_5, fma(scaled_q4_lo(v14[2]), x6_4, fma(scaled_q4_hi(v14[1]), x6_3, fma(scaled_q4_lo(v14[1]), x6_2, fma(scaled_q4_hi(v14[0]), x6_1, scaled_q4_lo(v14[0]) * x6_0))))))), vec4f(1.0));
    let s14_7 = dot(fma(scaled_q4_hi(v14[3]), x7_7, fma(scaled_q4_lo(v14[3]), x7_6, fma(scaled_q4_hi(v14[2]), x7_5, fma(scaled_q4_lo(v14[2]), x7_4, fma(scaled_q4_hi(v14[1]), x7_3, fma(scaled_q4_lo(v14[1]), x7_2, fma(scaled_q4_hi(v14[0]), x7_1, scaled_q4_lo(v14[0]) * x7_0))))))), vec4f(1.0));
    let s14_8 = dot(fma(scaled_q4_hi(v14[3]), x8_7, fma(scaled_q4_lo(v14[3]), x8_6, fma(scaled_q4_hi(v14[2]), x8_5, fma(scaled_q4_lo(v14[2]), x8_4, fma(scaled_q4_hi(v14[1]), x8_3, fma(scaled_q4_lo(v14[1]), x8_2, fma(scaled_q4_hi(v14[0]), x8_1, scaled_q4_lo(v14[0]) * x8_0))))))), vec4f(1.0));
    let s14_9 = dot(fma(scaled_q4_hi(v14[3]), x9_7, fma(scaled_q4_lo(v14[3]), x9_6, fma(scaled_q4_hi(v14[2]), x9_5, fma(scaled_q4_lo(v14[2]), x9_4, fma(scaled_q4_hi(v14[1]), x9_3, fma(scaled_q4_lo(v14[1]), x9_2, fma(scaled_q4_hi(v14[0]), x9_1, scaled_q4_lo(v14[0]) * x9_0))))))), vec4f(1.0));
    let s14_10 = dot(fma(scaled_q4_hi(v14[3]), x10_7, fma(scaled_q4_lo(v14[3]), x10_6, fma(scaled_q4_hi(v14[2]), x10_5, fma(scaled_q4_lo(v14[2]), x10_4, fma(scaled_q4_hi(v14[1]), x10_3, fma(scaled_q4_lo(v14[1]), x10_2, fma(scaled_q4_hi(v14[0]), x10_1, scaled_q4_lo(v14[0]) * x10_0))))))), vec4f(1.0));
    let s14_11 = dot(fma(scaled_q4_hi(v14[3]), x11_7, fma(scaled_q4_lo(v14[3]), x11_6, fma(scaled_q4_hi(v14[2]), x11_5, fma(scaled_q4_lo(v14[2]), x11_4, fma(scaled_q4_hi(v14[1]), x11_3, fma(scaled_q4_lo(v14[1]), x11_2, fma(scaled_q4_hi(v14[0]), x11_1, scaled_q4_lo(v14[0]) * x11_0))))))), vec4f(1.0));
    let s14_12 = dot(fma(scaled_q4_hi(v14[3]), x12_7, fma(scaled_q4_lo(v14[3]), x12_6, fma(scaled_q4_hi(v14[2]), x12_5, fma(scaled_q4_lo(v14[2]), x12_4, fma(scaled_q4_hi(v14[1]), x12_3, fma(scaled_q4_lo(v14[1]), x12_2, fma(scaled_q4_hi(v14[0]), x12_1, scaled_q4_lo(v14[0]) * x12_0))))))), vec4f(1.0));
    let s14_13 = dot(fma(scaled_q4_hi(v14[3]), x13_7, fma(scaled_q4_lo(v14[3]), x13_6, fma(scaled_q4_hi(v14[2]), x13_5, fma(scaled_q4_lo(v14[2]), x13_4, fma(scaled_q4_hi(v14[1]), x13_3, fma(scaled_q4_lo(v14[1]), x13_2, fma(scaled_q4_hi(v14[0]), x13_1, scaled_q4_lo(v14[0]) * x13_0))))))), vec4f(1.0));
    let s14_14 = dot(fma(scaled_q4_hi(v14[3]), x14_7, fma(scaled_q4_lo(v14[3]), x14_6, fma(scaled_q4_hi(v14[2]), x14_5, fma(scaled_q4_lo(v14[2]), x14_4, fma(scaled_q4_hi(v14[1]), x14_3, fma(scaled_q4_lo(v14[1]), x14_2, fma(scaled_q4_hi(v14[0]), x14_1, scaled_q4_lo(v14[0]) * x14_0))))))), vec4f(1.0));
    let s14_15 = dot(fma(scaled_q4_hi(v14[3]), x15_7, fma(scaled_q4_lo(v14[3]), x15_6, fma(scaled_q4_hi(v14[2]), x15_5, fma(scaled_q4_lo(v14[2]), x15_4, fma(scaled_q4_hi(v14[1]), x15_3, fma(scaled_q4_lo(v14[1]), x15_2, fma(scaled_q4_hi(v14[0]), x15_1, scaled_q4_lo(v14[0]) * x15_0))))))), vec4f(1.0));
    let v15 = w[min(row0 + 15u * WG + lid, last) * wpv + b * 1u + c];
    let s15_0 = dot(fma(scaled_q4_hi(v15[3]), x0_7, fma(scaled_q4_lo(v15[3]), x0_6, fma(scaled_q4_hi(v15[2]), x0_5, fma(scaled_q4_lo(v15[2]), x0_4, fma(scaled_q4_hi(v15[1]), x0_3, fma(scaled_q4_lo(v15[1]), x0_2, fma(scaled_q4_hi(v15[0]), x0_1, scaled_q4_lo(v15[0]) * x0_0))))))), vec4f(1.0));
    let s15_1 = dot(fma(scaled_q4_hi(v15[3]), x1_7, fma(scaled_q4_lo(v15[3]), x1_6, fma(scaled_q4_hi(v15[2]), x1_5, fma(scaled_q4_lo(v15[2]), x1_4, fma(scaled_q4_hi(v15[1]), x1_3, fma(scaled_q4_lo(v15[1]), x1_2, fma(scaled_q4_hi(v15[0]), x1_1, scaled_q4_lo(v15[0]) * x1_0))))))), vec4f(1.0));
    let s15_2 = dot(fma(scaled_q4_hi(v15[3]), x2_7, fma(scaled_q4_lo(v15[3]), x2_6, fma(scaled_q4_hi(v15[2]), x2_5, fma(scaled_q4_lo(v15[2]), x2_4, fma(scaled_q4_hi(v15[1]), x2_3, fma(scaled_q4_lo(v15[1]), x2_2, fma(scaled_q4_hi(v15[0]), x2_1, scaled_q4_lo(v15[0]) * x2_0))))))), vec4f(1.0));
    let s15_3 = dot(fma(scaled_q4_hi(v15[3]), x3_7, fma(scaled_q4_lo(v15[3]), x3_6, fma(scaled_q4_hi(v15[2]), x3_5, fma(scaled_q4_lo(v15[2]), x3_4, fma(scaled_q4_hi(v15[1]), x3_3, fma(scaled_q4_lo(v15[1]), x3_2, fma(scaled_q4_hi(v15[0]), x3_1, scaled_q4_lo(v15[0]) * x3_0))))))), vec4f(1.0));
    let s15_4 = dot(fma(scaled_q4_hi(v15[3]), x4_7, fma(scaled_q4_lo(v15[3]), x4_6, fma(scaled_q4_hi(v15[2]), x4_5, fma(scaled_q4_lo(v15[2]), x4_4, fma(scaled_q4_hi(v15[1]), x4_3, fma(scaled_q4_lo(v15[1]), x4_2, fma(scaled_q4_hi(v15[0]), x4_1, scaled_q4_lo(v15[0]) * x4_0))))))), vec4f(1.0));
    let s15_5 = dot(fma(scaled_q4_hi(v15[3]), x5_7, fma(scaled_q4_lo(v15[3]), x5_6, fma(scaled_q4_hi(v15[2]), x5_5, fma(scaled_q4_lo(v15[2]), x5_4, fma(scaled_q4_hi(v15[1]), x5_3, fma(scaled_q4_lo(v15[1]), x5_2, fma(scaled_q4_hi(v15[0]), x5_1, scaled_q4_lo(v15[0]) * x5_0))))))), vec4f(1.0));
    let s15_6 = dot(fma(scaled_q4_hi(v15[3]), x6_7, fma(scaled_q4_lo(v15[3]), x6_6, fma(scaled_q4_hi(v15[2]), x6_5, fma(scaled_q4_lo(v15[2]), x6_4, fma(scaled_q4_hi(v15[1]), x6_3, fma(scaled_q4_lo(v15[1]), x6_2, fma(scaled_q4_hi(v15[0]), x6_1, scaled_q4_lo(v15[0]) * x6_0))))))), vec4f(1.0));
    let s15_7 = dot(fma(scaled_q4_hi(v15[3]), x7_7, fma(scaled_q4_lo(v15[3]), x7_6, fma(scaled_q4_hi(v15[2]), x7_5, fma(scaled_q4_lo(v15[2]), x7_4, fma(scaled_q4_hi(v15[1]), x7_3, fma(scaled_q4_lo(v15[1]), x7_2, fma(scaled_q4_hi(v15[0]), x7_1, scaled_q4_lo(v15[0]) * x7_0))))))), vec4f(1.0));
    let s15_8 = dot(fma(scaled_q4_hi(v15[3]), x8_7, fma(scaled_q4_lo(v15[3]), x8_6, fma(scaled_q4_hi(v15[2]), x8_5, fma(scaled_q4_lo(v15[2]), x8_4, fma(scaled_q4_hi(v15[1]), x8_3, fma(scaled_q4_lo(v15[1]), x8_2, fma(scaled_q4_hi(v15[0]), x8_1, scaled_q4_lo(v15[0]) * x8_0))))))), vec4f(1.0));
    let s15_9 = dot(fma(scaled_q4_hi(v15[3]), x9_7, fma(scaled_q4_lo(v15[3]), x9_6, fma(scaled_q4_hi(v15[2]), x9_5, fma(scaled_q4_lo(v15[2]), x9_4, fma(scaled_q4_hi(v15[1]), x9_3, fma(scaled_q4_lo(v15[1]), x9_2, fma(scaled_q4_hi(v15[0]), x9_1, scaled_q4_lo(v15[0]) * x9_0))))))), vec4f(1.0));
    let s15_10 = dot(fma(scaled_q4_hi(v15[3]), x10_7, fma(scaled_q4_lo(v15[3]), x10_6, fma(scaled_q4_hi(v15[2]), x10_5, fma(scaled_q4_lo(v15[2]), x10_4, fma(scaled_q4_hi(v15[1]), x10_3, fma(scaled_q4_lo(v15[1]), x10_2, fma(scaled_q4_hi(v15[0]), x10_1, scaled_q4_lo(v15[0]) * x10_0))))))), vec4f(1.0));
    let s15_11 = dot(fma(scaled_q4_hi(v15[3]), x11_7, fma(scaled_q4_lo(v15[3]), x11_6, fma(scaled_q4_hi(v15[2]), x11_5, fma(scaled_q4_lo(v15[2]), x11_4, fma(scaled_q4_hi(v15[1]), x11_3, fma(scaled_q4_lo(v15[1]), x11_2, fma(scaled_q4_hi(v15[0]), x11_1, scaled_q4_lo(v15[0]) * x11_0))))))), vec4f(1.0));
    let s15_12 = dot(fma(scaled_q4_hi(v15[3]), x12_7, fma(scaled_q4_lo(v15[3]), x12_6, fma(scaled_q4_hi(v15[2]), x12_5, fma(scaled_q4_lo(v15[2]), x12_4, fma(scaled_q4_hi(v15[1]), x12_3, fma(scaled_q4_lo(v15[1]), x12_2, fma(scaled_q4_hi(v15[0]), x12_1, scaled_q4_lo(v15[0]) * x12_0))))))), vec4f(1.0));
    let s15_13 = dot(fma(scaled_q4_hi(v15[3]), x13_7, fma(scaled_q4_lo(v15[3]), x13_6, fma(scaled_q4_hi(v15[2]), x13_5, fma(scaled_q4_lo(v15[2]), x13_4, fma(scaled_q4_hi(v15[1]), x13_3, fma(scaled_q4_lo(v15[1]), x13_2, fma(scaled_q4_hi(v15[0]), x13_1, scaled_q4_lo(v15[0]) * x13_0))))))), vec4f(1.0));
    let s15_14 = dot(fma(scaled_q4_hi(v15[3]), x14_7, fma(scaled_q4_lo(v15[3]), x14_6, fma(scaled_q4_hi(v15[2]), x14_5, fma(scaled_q4_lo(v15[2]), x14_4, fma(scaled_q4_hi(v15[1]), x14_3, fma(scaled_q4_lo(v15[1]), x14_2, fma(scaled_q4_hi(v15[0]), x14_1, scaled_q4_lo(v15[0]) * x14_0))))))), vec4f(1.0));
    let s15_15 = dot(fma(scaled_q4_hi(v15[3]), x15_7, fma(scaled_q4_lo(v15[3]), x15_6, fma(scaled_q4_hi(v15[2]), x15_5, fma(scaled_q4_lo(v15[2]), x15_4, fma(scaled_q4_hi(v15[1]), x15_3, fma(scaled_q4_lo(v15[1]), x15_2, fma(scaled_q4_hi(v15[0]), x15_1, scaled_q4_lo(v15[0]) * x15_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let off1 = 8.0 * dot(xs1, vec4f(1.0));
    let off2 = 8.0 * dot(xs2, vec4f(1.0));
    let off3 = 8.0 * dot(xs3, vec4f(1.0));
    let off4 = 8.0 * dot(xs4, vec4f(1.0));
    let off5 = 8.0 * dot(xs5, vec4f(1.0));
    let off6 = 8.0 * dot(xs6, vec4f(1.0));
    let off7 = 8.0 * dot(xs7, vec4f(1.0));
    let off8 = 8.0 * dot(xs8, vec4f(1.0));
    let off9 = 8.0 * dot(xs9, vec4f(1.0));
    let off10 = 8.0 * dot(xs10, vec4f(1.0));
    let off11 = 8.0 * dot(xs11, vec4f(1.0));
    let off12 = 8.0 * dot(xs12, vec4f(1.0));
    let off13 = 8.0 * dot(xs13, vec4f(1.0));
    let off14 = 8.0 * dot(xs14, vec4f(1.0));
    let off15 = 8.0 * dot(xs15, vec4f(1.0));
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
    acc0_8 += d0 * (s0_8 - off8);
    acc0_9 += d0 * (s0_9 - off9);
    acc0_10 += d0 * (s0_10 - off10);
    acc0_11 += d0 * (s0_11 - off11);
    acc0_12 += d0 * (s0_12 - off12);
    acc0_13 += d0 * (s0_13 - off13);
    acc0_14 += d0 * (s0_14 - off14);
    acc0_15 += d0 * (s0_15 - off15);
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
    acc1_8 += d1 * (s1_8 - off8);
    acc1_9 += d1 * (s1_9 - off9);
    acc1_10 += d1 * (s1_10 - off10);
    acc1_11 += d1 * (s1_11 - off11);
    acc1_12 += d1 * (s1_12 - off12);
    acc1_13 += d1 * (s1_13 - off13);
    acc1_14 += d1 * (s1_14 - off14);
    acc1_15 += d1 * (s1_15 - off15);
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
    acc2_8 += d2 * (s2_8 - off8);
    acc2_9 += d2 * (s2_9 - off9);
    acc2_10 += d2 * (s2_10 - off10);
    acc2_11 += d2 * (s2_11 - off11);
    acc2_12 += d2 * (s2_12 - off12);
    acc2_13 += d2 * (s2_13 - off13);
    acc2_14 += d2 * (s2_14 - off14);
    acc2_15 += d2 * (s2_15 - off15);
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
    acc3_8 += d3 * (s3_8 - off8);
    acc3_9 += d3 * (s3_9 - off9);
    acc3_10 += d3 * (s3_10 - off10);
    acc3_11 += d3 * (s3_11 - off11);
    acc3_12 += d3 * (s3_12 - off12);
    acc3_13 += d3 * (s3_13 - off13);
    acc3_14 += d3 * (s3_14 - off14);
    acc3_15 += d3 * (s3_15 - off15);
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
    acc4_8 += d4 * (s4_8 - off8);
    acc4_9 += d4 * (s4_9 - off9);
    acc4_10 += d4 * (s4_10 - off10);
    acc4_11 += d4 * (s4_11 - off11);
    acc4_12 += d4 * (s4_12 - off12);
    acc4_13 += d4 * (s4_13 - off13);
    acc4_14 += d4 * (s4_14 - off14);
    acc4_15 += d4 * (s4_15 - off15);
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
    acc5_8 += d5 * (s5_8 - off8);
    acc5_9 += d5 * (s5_9 - off9);
    acc5_10 += d5 * (s5_10 - off10);
    acc5_11 += d5 * (s5_11 - off11);
    acc5_12 += d5 * (s5_12 - off12);
    acc5_13 += d5 * (s5_13 - off13);
    acc5_14 += d5 * (s5_14 - off14);
    acc5_15 += d5 * (s5_15 - off15);
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
    acc6_8 += d6 * (s6_8 - off8);
    acc6_9 += d6 * (s6_9 - off9);
    acc6_10 += d6 * (s6_10 - off10);
    acc6_11 += d6 * (s6_11 - off11);
    acc6_12 += d6 * (s6_12 - off12);
    acc6_13 += d6 * (s6_13 - off13);
    acc6_14 += d6 * (s6_14 - off14);
    acc6_15 += d6 * (s6_15 - off15);
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
    acc7_8 += d7 * (s7_8 - off8);
    acc7_9 += d7 * (s7_9 - off9);
    acc7_10 += d7 * (s7_10 - off10);
    acc7_11 += d7 * (s7_11 - off11);
    acc7_12 += d7 * (s7_12 - off12);
    acc7_13 += d7 * (s7_13 - off13);
    acc7_14 += d7 * (s7_14 - off14);
    acc7_15 += d7 * (s7_15 - off15);
    let si8 = min(row0 + 8u * WG + lid, last) * p.scalesPerRow + b;
    let d8 = f16_at(scales[si8 >> 1u], si8);
    acc8_0 += d8 * (s8_0 - off0);
    acc8_1 += d8 * (s8_1 - off1);
    acc8_2 += d8 * (s8_2 - off2);
    acc8_3 += d8 * (s8_3 - off3);
    acc8_4 += d8 * (s8_4 - off4);
    acc8_5 += d8 * (s8_5 - off5);
    acc8_6 += d8 * (s8_6 - off6);
    acc8_7 += d8 * (s8_7 - off7);
    acc8_8 += d8 * (s8_8 - off8);
    acc8_9 += d8 * (s8_9 - off9);
    acc8_10 += d8 * (s8_10 - off10);
    acc8_11 += d8 * (s8_11 - off11);
    acc8_12 += d8 * (s8_12 - off12);
    acc8_13 += d8 * (s8_13 - off13);
    acc8_14 += d8 * (s8_14 - off14);
    acc8_15 += d8 * (s8_15 - off15);
    let si9 = min(row0 + 9u * WG + lid, last) * p.scalesPerRow + b;
    let d9 = f16_at(scales[si9 >> 1u], si9);
    acc9_0 += d9 * (s9_0 - off0);
    acc9_1 += d9 * (s9_1 - off1);
    acc9_2 += d9 * (s9_2 - off2);
    acc9_3 += d9 * (s9_3 - off3);
    acc9_4 += d9 * (s9_4 - off4);
    acc9_5 += d9 * (s9_5 - off5);
    acc9_6 += d9 * (s9_6 - off6);
    acc9_7 += d9 * (s9_7 - off7);
    acc9_8 += d9 * (s9_8 - off8);
    acc9_9 += d9 * (s9_9 - off9);
    acc9_10 += d9 * (s9_10 - off10);
    acc9_11 += d9 * (s9_11 - off11);
    acc9_12 += d9 * (s9_12 - off12);
    acc9_13 += d9 * (s9_13 - off13);
    acc9_14 += d9 * (s9_14 - off14);
    acc9_15 += d9 * (s9_15 - off15);
    let si10 = min(row0 + 10u * WG + lid, last) * p.scalesPerRow + b;
    let d10 = f16_at(scales[si10 >> 1u], si10);
    acc10_0 += d10 * (s10_0 - off0);
    acc10_1 += d10 * (s10_1 - off1);
    acc10_2 += d10 * (s10_2 - off2);
    acc10_3 += d10 * (s10_3 - off3);
    acc10_4 += d10 * (s10_4 - off4);
    acc10_5 += d10 * (s10_5 - off5);
    acc10_6 += d10 * (s10_6 - off6);
    acc10_7 += d10 * (s10_7 - off7);
    acc10_8 += d10 * (s10_8 - off8);
    acc10_9 += d10 * (s10_9 - off9);
    acc10_10 += d10 * (s10_10 - off10);
    acc10_11 += d10 * (s10_11 - off11);
    acc10_12 += d10 * (s10_12 - off12);
    acc10_13 += d10 * (s10_13 - off13);
    acc10_14 += d10 * (s10_14 - off14);
    acc10_15 += d10 * (s10_15 - off15);
    let si11 = min(row0 + 11u * WG + lid, last) * p.scalesPerRow + b;
    let d11 = f16_at(scales[si11 >> 1u], si11);
    acc11_0 += d11 * (s11_0 - off0);
    acc11_1 += d11 * (s11_1 - off1);
    acc11_2 += d11 * (s11_2 - off2);
    acc11_3 += d11 * (s11_3 - off3);
    acc11_4 += d11 * (s11_4 - off4);
    acc11_5 += d11 * (s11_5 - off5);
    acc11_6 += d11 * (s11_6 - off6);
    acc11_7 += d11 * (s11_7 - off7);
    acc11_8 += d11 * (s11_8 - off8);
    acc11_9 += d11 * (s11_9 - off9);
    acc11_10 += d11 * (s11_10 - off10);
    acc11_11 += d11 * (s11_11 - off11);
    acc11_12 += d11 * (s11_12 - off12);
    acc11_13 += d11 * (s11_13 - off13);
    acc11_14 += d11 * (s11_14 - off14);
    acc11_15 += d11 * (s11_15 - off15);
    let si12 = min(row0 + 12u * WG + lid, last) * p.scalesPerRow + b;
    let d12 = f16_at(scales[si12 >> 1u], si12);
    acc12_0 += d12 * (s12_0 - off0);
    acc12_1 += d12 * (s12_1 - off1);
    acc12_2 += d12 * (s12_2 - off2);
    acc12_3 += d12 * (s12_3 - off3);
    acc12_4 += d12 * (s12_4 - off4);
    acc12_5 += d12 * (s12_5 - off5);
    acc12_6 += d12 * (s12_6 - off6);
    acc12_7 += d12 * (s12_7 - off7);
    acc12_8 += d12 * (s12_8 - off8);
    acc12_9 += d12 * (s12_9 - off9);
    acc12_10 += d12 * (s12_10 - off10);
    acc12_11 += d12 * (s12_11 - off11);
    acc12_12 += d12 * (s12_12 - off12);
    acc12_13 += d12 * (s12_13 - off13);
    acc12_14 += d12 * (s12_14 - off14);
    acc12_15 += d12 * (s12_15 - off15);
    let si13 = min(row0 + 13u * WG + lid, last) * p.scalesPerRow + b;
    let d13 = f16_at(scales[si13 >> 1u], si13);
    acc13_0 += d13 * (s13_0 - off0);
    acc13_1 += d13 * (s13_1 - off1);
    acc13_2 += d13 * (s13_2 - off2);
    acc13_3 += d13 * (s13_3 - off3);
    acc13_4 += d13 * (s13_4 - off4);
    acc13_5 += d13 * (s13_5 - off5);
    acc13_6 += d13 * (s13_6 - off6);
    acc13_7 += d13 * (s13_7 - off7);
    acc13_8 += d13 * (s13_8 - off8);
    acc13_9 += d13 * (s13_9 - off9);
    acc13_10 += d13 * (s13_10 - off10);
    acc13_11 += d13 * (s13_11 - off11);
    acc13_12 += d13 * (s13_12 - off12);
    acc13_13 += d13 * (s13_13 - off13);
    acc13_14 += d13 * (s13_14 - off14);
    acc13_15 += d13 * (s13_15 - off15);
    let si14 = min(row0 + 14u * WG + lid, last) * p.scalesPerRow + b;
    let d14 = f16_at(scales[si14 >> 1u], si14);
    acc14_0 += d14 * (s14_0 - off0);
    acc14_1 += d14 * (s14_1 - off1);
    acc14_2 += d14 * (s14_2 - off2);
    acc14_3 += d14 * (s14_3 - off3);
    acc14_4 += d14 * (s14_4 - off4);
    acc14_5 += d14 * (s14_5 - off5);
    acc14_6 += d14 * (s14_6 - off6);
    acc14_7 += d14 * (s14_7 - off7);
    acc14_8 += d14 * (s14_8 - off8);
    acc14_9 += d14 * (s14_9 - off9);
    acc14_10 += d14 * (s14_10 - off10);
    acc14_11 += d14 * (s14_11 - off11);
    acc14_12 += d14 * (s14_12 - off12);
    acc14_13 += d14 * (s14_13 - off13);
    acc14_14 += d14 * (s14_14 - off14);
    acc14_15 += d14 * (s14_15 - off15);
    let si15 = min(row0 + 15u * WG + lid, last) * p.scalesPerRow + b;
    let d15 = f16_at(scales[si15 >> 1u], si15);
    acc15_0 += d15 * (s15_0 - off0);
    acc15_1 += d15 * (s15_1 - off1);
    acc15_2 += d15 * (s15_2 - off2);
    acc15_3 += d15 * (s15_3 - off3);
    acc15_4 += d15 * (s15_4 - off4);
    acc15_5 += d15 * (s15_5 - off5);
    acc15_6 += d15 * (s15_6 - off6);
    acc15_7 += d15 * (s15_7 - off7);
    acc15_8 += d15 * (s15_8 - off8);
    acc15_9 += d15 * (s15_9 - off9);
    acc15_10 += d15 * (s15_10 - off10);
    acc15_11 += d15 * (s15_11 - off11);
    acc15_12 += d15 * (s15_12 - off12);
    acc15_13 += d15 * (s15_13 - off13);
    acc15_14 += d15 * (s15_14 - off14);
    acc15_15 += d15 * (s15_15 - off15);
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_15;
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
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_15;
    }
  }
  if (row0 + 8u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_15;
    }
  }
  if (row0 + 9u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_15;
    }
  }
  if (row0 + 10u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_15;
    }
  }
  if (row0 + 11u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_15;
    }
  }
  if (row0 + 12u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_15;
    }
  }
  if (row0 + 13u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_15;
    }
  }
  if (row0 + 14u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_15;
    }
  }
  if (row0 + 15u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_15;
    }
  }
}
