// kernel matmul_rows_f32_vec4_wg8_r16_t16_dot
// entry point main
// constants {"WG":8}

// Prefill-path matrix product for software adapters (llvmpipe, SwiftShader):
//   out[t, colOffset + n] = sum_k x[t, k] * w[n, k]   for one row chunk of w.
// Each thread owns ROWS rows (r * WG + lid) and TT tokens (t0 + j) and walks
// all of K in vec4 steps (scalars when K % 4 != 0): per step it loads each
// token's x group once for all its rows and each row's w group once for all
// its tokens, into ROWS x TT accumulators. No workgroup memory and no barrier
// (matmul_quant_rows.wgsl says why). Unrolled by matmul_rows.ts; rows past the
// chunk end and tokens past T re-read the last one and are not stored.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rows: u32,
  outStride: u32,
  colOffset: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<vec4f>;       // [rows, K / width(X)]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  // Token tiles along x: workgroups that run together (llvmpipe hands them
  // out in order) share one span of w rows, read once from memory for all.
  let row0 = wid.y * 16u * WG;
  let t0 = wid.x * 16u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let n = p.K / 4u;
  let xo0 = min(t0 + 0u, p.T - 1u) * n;
  let xo1 = min(t0 + 1u, p.T - 1u) * n;
  let xo2 = min(t0 + 2u, p.T - 1u) * n;
  let xo3 = min(t0 + 3u, p.T - 1u) * n;
  let xo4 = min(t0 + 4u, p.T - 1u) * n;
  let xo5 = min(t0 + 5u, p.T - 1u) * n;
  let xo6 = min(t0 + 6u, p.T - 1u) * n;
  let xo7 = min(t0 + 7u, p.T - 1u) * n;
  let xo8 = min(t0 + 8u, p.T - 1u) * n;
  let xo9 = min(t0 + 9u, p.T - 1u) * n;
  let xo10 = min(t0 + 10u, p.T - 1u) * n;
  let xo11 = min(t0 + 11u, p.T - 1u) * n;
  let xo12 = min(t0 + 12u, p.T - 1u) * n;
  let xo13 = min(t0 + 13u, p.T - 1u) * n;
  let xo14 = min(t0 + 14u, p.T - 1u) * n;
  let xo15 = min(t0 + 15u, p.T - 1u) * n;
  let wo0 = min(row0 + 0u * WG + lid, last) * n;
  let wo1 = min(row0 + 1u * WG + lid, last) * n;
  let wo2 = min(row0 + 2u * WG + lid, last) * n;
  let wo3 = min(row0 + 3u * WG + lid, last) * n;
  let wo4 = min(row0 + 4u * WG + lid, last) * n;
  let wo5 = min(row0 + 5u * WG + lid, last) * n;
  let wo6 = min(row0 + 6u * WG + lid, last) * n;
  let wo7 = min(row0 + 7u * WG + lid, last) * n;
  let wo8 = min(row0 + 8u * WG + lid, last) * n;
  let wo9 = min(row0 + 9u * WG + lid, last) * n;
  let wo10 = min(row0 + 10u * WG + lid, last) * n;
  let wo11 = min(row0 + 11u * WG + lid, last) * n;
  let wo12 = min(row0 + 12u * WG + lid, last) * n;
  let wo13 = min(row0 + 13u * WG + lid, last) * n;
  let wo14 = min(row0 + 14u * WG + lid, last) * n;
  let wo15 = min(row0 + 15u * WG + lid, last) * n;
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
  for (var i = 0u; i < n; i++) {
    let x0 = x[xo0 + i];
    let x1 = x[xo1 + i];
    let x2 = x[xo2 + i];
    let x3 = x[xo3 + i];
    let x4 = x[xo4 + i];
    let x5 = x[xo5 + i];
    let x6 = x[xo6 + i];
    let x7 = x[xo7 + i];
    let x8 = x[xo8 + i];
    let x9 = x[xo9 + i];
    let x10 = x[xo10 + i];
    let x11 = x[xo11 + i];
    let x12 = x[xo12 + i];
    let x13 = x[xo13 + i];
    let x14 = x[xo14 + i];
    let x15 = x[xo15 + i];
    let w0 = w[wo0 + i];
    acc0_0 += dot(w0, x0);
    acc0_1 += dot(w0, x1);
    acc0_2 += dot(w0, x2);
    acc0_3 += dot(w0, x3);
    acc0_4 += dot(w0, x4);
    acc0_5 += dot(w0, x5);
    acc0_6 += dot(w0, x6);
    acc0_7 += dot(w0, x7);
    acc0_8 += dot(w0, x8);
    acc0_9 += dot(w0, x9);
    acc0_10 += dot(w0, x10);
    acc0_11 += dot(w0, x11);
    acc0_12 += dot(w0, x12);
    acc0_13 += dot(w0, x13);
    acc0_14 += dot(w0, x14);
    acc0_15 += dot(w0, x15);
    let w1 = w[wo1 + i];
    acc1_0 += dot(w1, x0);
    acc1_1 += dot(w1, x1);
    acc1_2 += dot(w1, x2);
    acc1_3 += dot(w1, x3);
    acc1_4 += dot(w1, x4);
    acc1_5 += dot(w1, x5);
    acc1_6 += dot(w1, x6);
    acc1_7 += dot(w1, x7);
    acc1_8 += dot(w1, x8);
    acc1_9 += dot(w1, x9);
    acc1_10 += dot(w1, x10);
    acc1_11 += dot(w1, x11);
    acc1_12 += dot(w1, x12);
    acc1_13 += dot(w1, x13);
    acc1_14 += dot(w1, x14);
    acc1_15 += dot(w1, x15);
    let w2 = w[wo2 + i];
    acc2_0 += dot(w2, x0);
    acc2_1 += dot(w2, x1);
    acc2_2 += dot(w2, x2);
    acc2_3 += dot(w2, x3);
    acc2_4 += dot(w2, x4);
    acc2_5 += dot(w2, x5);
    acc2_6 += dot(w2, x6);
    acc2_7 += dot(w2, x7);
    acc2_8 += dot(w2, x8);
    acc2_9 += dot(w2, x9);
    acc2_10 += dot(w2, x10);
    acc2_11 += dot(w2, x11);
    acc2_12 += dot(w2, x12);
    acc2_13 += dot(w2, x13);
    acc2_14 += dot(w2, x14);
    acc2_15 += dot(w2, x15);
    let w3 = w[wo3 + i];
    acc3_0 += dot(w3, x0);
    acc3_1 += dot(w3, x1);
    acc3_2 += dot(w3, x2);
    acc3_3 += dot(w3, x3);
    acc3_4 += dot(w3, x4);
    acc3_5 += dot(w3, x5);
    acc3_6 += dot(w3, x6);
    acc3_7 += dot(w3, x7);
    acc3_8 += dot(w3, x8);
    acc3_9 += dot(w3, x9);
    acc3_10 += dot(w3, x10);
    acc3_11 += dot(w3, x11);
    acc3_12 += dot(w3, x12);
    acc3_13 += dot(w3, x13);
    acc3_14 += dot(w3, x14);
    acc3_15 += dot(w3, x15);
    let w4 = w[wo4 + i];
    acc4_0 += dot(w4, x0);
    acc4_1 += dot(w4, x1);
    acc4_2 += dot(w4, x2);
    acc4_3 += dot(w4, x3);
    acc4_4 += dot(w4, x4);
    acc4_5 += dot(w4, x5);
    acc4_6 += dot(w4, x6);
    acc4_7 += dot(w4, x7);
    acc4_8 += dot(w4, x8);
    acc4_9 += dot(w4, x9);
    acc4_10 += dot(w4, x10);
    acc4_11 += dot(w4, x11);
    acc4_12 += dot(w4, x12);
    acc4_13 += dot(w4, x13);
    acc4_14 += dot(w4, x14);
    acc4_15 += dot(w4, x15);
    let w5 = w[wo5 + i];
    acc5_0 += dot(w5, x0);
    acc5_1 += dot(w5, x1);
    acc5_2 += dot(w5, x2);
    acc5_3 += dot(w5, x3);
    acc5_4 += dot(w5, x4);
    acc5_5 += dot(w5, x5);
    acc5_6 += dot(w5, x6);
    acc5_7 += dot(w5, x7);
    acc5_8 += dot(w5, x8);
    acc5_9 += dot(w5, x9);
    acc5_10 += dot(w5, x10);
    acc5_11 += dot(w5, x11);
    acc5_12 += dot(w5, x12);
    acc5_13 += dot(w5, x13);
    acc5_14 += dot(w5, x14);
    acc5_15 += dot(w5, x15);
    let w6 = w[wo6 + i];
    acc6_0 += dot(w6, x0);
    acc6_1 += dot(w6, x1);
    acc6_2 += dot(w6, x2);
    acc6_3 += dot(w6, x3);
    acc6_4 += dot(w6, x4);
    acc6_5 += dot(w6, x5);
    acc6_6 += dot(w6, x6);
    acc6_7 += dot(w6, x7);
    acc6_8 += dot(w6, x8);
    acc6_9 += dot(w6, x9);
    acc6_10 += dot(w6, x10);
    acc6_11 += dot(w6, x11);
    acc6_12 += dot(w6, x12);
    acc6_13 += dot(w6, x13);
    acc6_14 += dot(w6, x14);
    acc6_15 += dot(w6, x15);
    let w7 = w[wo7 + i];
    acc7_0 += dot(w7, x0);
    acc7_1 += dot(w7, x1);
    acc7_2 += dot(w7, x2);
    acc7_3 += dot(w7, x3);
    acc7_4 += dot(w7, x4);
    acc7_5 += dot(w7, x5);
    acc7_6 += dot(w7, x6);
    acc7_7 += dot(w7, x7);
    acc7_8 += dot(w7, x8);
    acc7_9 += dot(w7, x9);
    acc7_10 += dot(w7, x10);
    acc7_11 += dot(w7, x11);
    acc7_12 += dot(w7, x12);
    acc7_13 += dot(w7, x13);
    acc7_14 += dot(w7, x14);
    acc7_15 += dot(w7, x15);
    let w8 = w[wo8 + i];
    acc8_0 += dot(w8, x0);
    acc8_1 += dot(w8, x1);
    acc8_2 += dot(w8, x2);
    acc8_3 += dot(w8, x3);
    acc8_4 += dot(w8, x4);
    acc8_5 += dot(w8, x5);
    acc8_6 += dot(w8, x6);
    acc8_7 += dot(w8, x7);
    acc8_8 += dot(w8, x8);
    acc8_9 += dot(w8, x9);
    acc8_10 += dot(w8, x10);
    acc8_11 += dot(w8, x11);
    acc8_12 += dot(w8, x12);
    acc8_13 += dot(w8, x13);
    acc8_14 += dot(w8, x14);
    acc8_15 += dot(w8, x15);
    let w9 = w[wo9 + i];
    acc9_0 += dot(w9, x0);
    acc9_1 += dot(w9, x1);
    acc9_2 += dot(w9, x2);
    acc9_3 += dot(w9, x3);
    acc9_4 += dot(w9, x4);
    acc9_5 += dot(w9, x5);
    acc9_6 += dot(w9, x6);
    acc9_7 += dot(w9, x7);
    acc9_8 += dot(w9, x8);
    acc9_9 += dot(w9, x9);
    acc9_10 += dot(w9, x10);
    acc9_11 += dot(w9, x11);
    acc9_12 += dot(w9, x12);
    acc9_13 += dot(w9, x13);
    acc9_14 += dot(w9, x14);
    acc9_15 += dot(w9, x15);
    let w10 = w[wo10 + i];
    acc10_0 += dot(w10, x0);
    acc10_1 += dot(w10, x1);
    acc10_2 += dot(w10, x2);
    acc10_3 += dot(w10, x3);
    acc10_4 += dot(w10, x4);
    acc10_5 += dot(w10, x5);
    acc10_6 += dot(w10, x6);
    acc10_7 += dot(w10, x7);
    acc10_8 += dot(w10, x8);
    acc10_9 += dot(w10, x9);
    acc10_10 += dot(w10, x10);
    acc10_11 += dot(w10, x11);
    acc10_12 += dot(w10, x12);
    acc10_13 += dot(w10, x13);
    acc10_14 += dot(w10, x14);
    acc10_15 += dot(w10, x15);
    let w11 = w[wo11 + i];
    acc11_0 += dot(w11, x0);
    acc11_1 += dot(w11, x1);
    acc11_2 += dot(w11, x2);
    acc11_3 += dot(w11, x3);
    acc11_4 += dot(w11, x4);
    acc11_5 += dot(w11, x5);
    acc11_6 += dot(w11, x6);
    acc11_7 += dot(w11, x7);
    acc11_8 += dot(w11, x8);
    acc11_9 += dot(w11, x9);
    acc11_10 += dot(w11, x10);
    acc11_11 += dot(w11, x11);
    acc11_12 += dot(w11, x12);
    acc11_13 += dot(w11, x13);
    acc11_14 += dot(w11, x14);
    acc11_15 += dot(w11, x15);
    let w12 = w[wo12 + i];
    acc12_0 += dot(w12, x0);
    acc12_1 += dot(w12, x1);
    acc12_2 += dot(w12, x2);
    acc12_3 += dot(w12, x3);
    acc12_4 += dot(w12, x4);
    acc12_5 += dot(w12, x5);
    acc12_6 += dot(w12, x6);
    acc12_7 += dot(w12, x7);
    acc12_8 += dot(w12, x8);
    acc12_9 += dot(w12, x9);
    acc12_10 += dot(w12, x10);
    acc12_11 += dot(w12, x11);
    acc12_12 += dot(w12, x12);
    acc12_13 += dot(w12, x13);
    acc12_14 += dot(w12, x14);
    acc12_15 += dot(w12, x15);
    let w13 = w[wo13 + i];
    acc13_0 += dot(w13, x0);
    acc13_1 += dot(w13, x1);
    acc13_2 += dot(w13, x2);
    acc13_3 += dot(w13, x3);
    acc13_4 += dot(w13, x4);
    acc13_5 += dot(w13, x5);
    acc13_6 += dot(w13, x6);
    acc13_7 += dot(w13, x7);
    acc13_8 += dot(w13, x8);
    acc13_9 += dot(w13, x9);
    acc13_10 += dot(w13, x10);
    acc13_11 += dot(w13, x11);
    acc13_12 += dot(w13, x12);
    acc13_13 += dot(w13, x13);
    acc13_14 += dot(w13, x14);
    acc13_15 += dot(w13, x15);
    let w14 = w[wo14 + i];
    acc14_0 += dot(w14, x0);
    acc14_1 += dot(w14, x1);
    acc14_2 += dot(w14, x2);
    acc14_3 += dot(w14, x3);
    acc14_4 += dot(w14, x4);
    acc14_5 += dot(w14, x5);
    acc14_6 += dot(w14, x6);
    acc14_7 += dot(w14, x7);
    acc14_8 += dot(w14, x8);
    acc14_9 += dot(w14, x9);
    acc14_10 += dot(w14, x10);
    acc14_11 += dot(w14, x11);
    acc14_12 += dot(w14, x12);
    acc14_13 += dot(w14, x13);
    acc14_14 += dot(w14, x14);
    acc14_15 += dot(w14, x15);
    let w15 = w[wo15 + i];
    acc15_0 += dot(w15, x0);
    acc15_1 += dot(w15, x1);
    acc15_2 += dot(w15, x2);
    acc15_3 += dot(w15, x3);
    acc15_4 += dot(w15, x4);
    acc15_5 += dot(w15, x5);
    acc15_6 += dot(w15, x6);
    acc15_7 += dot(w15, x7);
    acc15_8 += dot(w15, x8);
    acc15_9 += dot(w15, x9);
    acc15_10 += dot(w15, x10);
    acc15_11 += dot(w15, x11);
    acc15_12 += dot(w15, x12);
    acc15_13 += dot(w15, x13);
    acc15_14 += dot(w15, x14);
    acc15_15 += dot(w15, x15);
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
