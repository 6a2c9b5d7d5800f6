// kernel matmul_rows_f32_vec4_wg8_r32_t32_dot
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
  let row0 = wid.y * 32u * WG;
  let t0 = wid.x * 32u;
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
  let xo16 = min(t0 + 16u, p.T - 1u) * n;
  let xo17 = min(t0 + 17u, p.T - 1u) * n;
  let xo18 = min(t0 + 18u, p.T - 1u) * n;
  let xo19 = min(t0 + 19u, p.T - 1u) * n;
  let xo20 = min(t0 + 20u, p.T - 1u) * n;
  let xo21 = min(t0 + 21u, p.T - 1u) * n;
  let xo22 = min(t0 + 22u, p.T - 1u) * n;
  let xo23 = min(t0 + 23u, p.T - 1u) * n;
  let xo24 = min(t0 + 24u, p.T - 1u) * n;
  let xo25 = min(t0 + 25u, p.T - 1u) * n;
  let xo26 = min(t0 + 26u, p.T - 1u) * n;
  let xo27 = min(t0 + 27u, p.T - 1u) * n;
  let xo28 = min(t0 + 28u, p.T - 1u) * n;
  let xo29 = min(t0 + 29u, p.T - 1u) * n;
  let xo30 = min(t0 + 30u, p.T - 1u) * n;
  let xo31 = min(t0 + 31u, p.T - 1u) * n;
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
  let wo16 = min(row0 + 16u * WG + lid, last) * n;
  let wo17 = min(row0 + 17u * WG + lid, last) * n;
  let wo18 = min(row0 + 18u * WG + lid, last) * n;
  let wo19 = min(row0 + 19u * WG + lid, last) * n;
  let wo20 = min(row0 + 20u * WG + lid, last) * n;
  let wo21 = min(row0 + 21u * WG + lid, last) * n;
  let wo22 = min(row0 + 22u * WG + lid, last) * n;
  let wo23 = min(row0 + 23u * WG + lid, last) * n;
  let wo24 = min(row0 + 24u * WG + lid, last) * n;
  let wo25 = min(row0 + 25u * WG + lid, last) * n;
  let wo26 = min(row0 + 26u * WG + lid, last) * n;
  let wo27 = min(row0 + 27u * WG + lid, last) * n;
  let wo28 = min(row0 + 28u * WG + lid, last) * n;
  let wo29 = min(row0 + 29u * WG + lid, last) * n;
  let wo30 = min(row0 + 30u * WG + lid, last) * n;
  let wo31 = min(row0 + 31u * WG + lid, last) * n;
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
  var acc0_16 = 0.0;
  var acc0_17 = 0.0;
  var acc0_18 = 0.0;
  var acc0_19 = 0.0;
  var acc0_20 = 0.0;
  var acc0_21 = 0.0;
  var acc0_22 = 0.0;
  var acc0_23 = 0.0;
  var acc0_24 = 0.0;
  var acc0_25 = 0.0;
  var acc0_26 = 0.0;
  var acc0_27 = 0.0;
  var acc0_28 = 0.0;
  var acc0_29 = 0.0;
  var acc0_30 = 0.0;
  var acc0_31 = 0.0;
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
  var acc1_16 = 0.0;
  var acc1_17 = 0.0;
  var acc1_18 = 0.0;
  var acc1_19 = 0.0;
  var acc1_20 = 0.0;
  var acc1_21 = 0.0;
  var acc1_22 = 0.0;
  var acc1_23 = 0.0;
  var acc1_24 = 0.0;
  var acc1_25 = 0.0;
  var acc1_26 = 0.0;
  var acc1_27 = 0.0;
  var acc1_28 = 0.0;
  var acc1_29 = 0.0;
  var acc1_30 = 0.0;
  var acc1_31 = 0.0;
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
  var acc2_16 = 0.0;
  var acc2_17 = 0.0;
  var acc2_18 = 0.0;
  var acc2_19 = 0.0;
  var acc2_20 = 0.0;
  var acc2_21 = 0.0;
  var acc2_22 = 0.0;
  var acc2_23 = 0.0;
  var acc2_24 = 0.0;
  var acc2_25 = 0.0;
  var acc2_26 = 0.0;
  var acc2_27 = 0.0;
  var acc2_28 = 0.0;
  var acc2_29 = 0.0;
  var acc2_30 = 0.0;
  var acc2_31 = 0.0;
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
  var acc3_16 = 0.0;
  var acc3_17 = 0.0;
  var acc3_18 = 0.0;
  var acc3_19 = 0.0;
  var acc3_20 = 0.0;
  var acc3_21 = 0.0;
  var acc3_22 = 0.0;
  var acc3_23 = 0.0;
  var acc3_24 = 0.0;
  var acc3_25 = 0.0;
  var acc3_26 = 0.0;
  var acc3_27 = 0.0;
  var acc3_28 = 0.0;
  var acc3_29 = 0.0;
  var acc3_30 = 0.0;
  var acc3_31 = 0.0;
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
  var acc4_16 = 0.0;
  var acc4_17 = 0.0;
  var acc4_18 = 0.0;
  var acc4_19 = 0.0;
  var acc4_20 = 0.0;
  var acc4_21 = 0.0;
  var acc4_22 = 0.0;
  var acc4_23 = 0.0;
  var acc4_24 = 0.0;
  var acc4_25 = 0.0;
  var acc4_26 = 0.0;
  var acc4_27 = 0.0;
  var acc4_28 = 0.0;
  var acc4_29 = 0.0;
  var acc4_30 = 0.0;
  var acc4_31 = 0.0;
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
  var acc5_16 = 0.0;
  var acc5_17 = 0.0;
  var acc5_18 = 0.0;
  var acc5_19 = 0.0;
  var acc5_20 = 0.0;
  var acc5_21 = 0.0;
  var acc5_22 = 0.0;
  var acc5_23 = 0.0;
  var acc5_24 = 0.0;
  var acc5_25 = 0.0;
  var acc5_26 = 0.0;
  var acc5_27 = 0.0;
  var acc5_28 = 0.0;
  var acc5_29 = 0.0;
  var acc5_30 = 0.0;
  var acc5_31 = 0.0;
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
  var acc6_16 = 0.0;
  var acc6_17 = 0.0;
  var acc6_18 = 0.0;
  var acc6_19 = 0.0;
  var acc6_20 = 0.0;
  var acc6_21 = 0.0;
  var acc6_22 = 0.0;
  var acc6_23 = 0.0;
  var acc6_24 = 0.0;
  var acc6_25 = 0.0;
  var acc6_26 = 0.0;
  var acc6_27 = 0.0;
  var acc6_28 = 0.0;
  var acc6_29 = 0.0;
  var acc6_30 = 0.0;
  var acc6_31 = 0.0;
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
  var acc7_16 = 0.0;
  var acc7_17 = 0.0;
  var acc7_18 = 0.0;
  var acc7_19 = 0.0;
  var acc7_20 = 0.0;
  var acc7_21 = 0.0;
  var acc7_22 = 0.0;
  var acc7_23 = 0.0;
  var acc7_24 = 0.0;
  var acc7_25 = 0.0;
  var acc7_26 = 0.0;
  var acc7_27 = 0.0;
  var acc7_28 = 0.0;
  var acc7_29 = 0.0;
  var acc7_30 = 0.0;
  var acc7_31 = 0.0;
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
  var acc8_16 = 0.0;
  var acc8_17 = 0.0;
  var acc8_18 = 0.0;
  var acc8_19 = 0.0;
  var acc8_20 = 0.0;
  var acc8_21 = 0.0;
  var acc8_22 = 0.0;
  var acc8_23 = 0.0;
  var acc8_24 = 0.0;
  var acc8_25 = 0.0;
  var acc8_26 = 0.0;
  var acc8_27 = 0.0;
  var acc8_28 = 0.0;
  var acc8_29 = 0.0;
  var acc8_30 = 0.0;
  var acc8_31 = 0.0;
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
  var acc9_16 = 0.0;
  var acc9_17 = 0.0;
  var acc9_18 = 0.0;
  var acc9_19 = 0.0;
  var acc9_20 = 0.0;
  var acc9_21 = 0.0;
  var acc9_22 = 0.0;
  var acc9_23 = 0.0;
  var acc9_24 = 0.0;
  var acc9_25 = 0.0;
  var acc9_26 = 0.0;
  var acc9_27 = 0.0;
  var acc9_28 = 0.0;
  var acc9_29 = 0.0;
  var acc9_30 = 0.0;
  var acc9_31 = 0.0;
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
  var acc10_16 = 0.0;
  var acc10_17 = 0.0;
  var acc10_18 = 0.0;
  var acc10_19 = 0.0;
  var acc10_20 = 0.0;
  var acc10_21 = 0.0;
  var acc10_22 = 0.0;
  var acc10_23 = 0.0;
  var acc10_24 = 0.0;
  var acc10_25 = 0.0;
  var acc10_26 = 0.0;
  var acc10_27 = 0.0;
  var acc10_28 = 0.0;
  var acc10_29 = 0.0;
  var acc10_30 = 0.0;
  var acc10_31 = 0.0;
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
  var acc11_16 = 0.0;
  var acc11_17 = 0.0;
  var acc11_18 = 0.0;
  var acc11_19 = 0.0;
  var acc11_20 = 0.0;
  var acc11_21 = 0.0;
  var acc11_22 = 0.0;
  var acc11_23 = 0.0;
  var acc11_24 = 0.0;
  var acc11_25 = 0.0;
  var acc11_26 = 0.0;
  var acc11_27 = 0.0;
  var acc11_28 = 0.0;
  var acc11_29 = 0.0;
  var acc11_30 = 0.0;
  var acc11_31 = 0.0;
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
  var acc12_16 = 0.0;
  var acc12_17 = 0.0;
  var acc12_18 = 0.0;
  var acc12_19 = 0.0;
  var acc12_20 = 0.0;
  var acc12_21 = 0.0;
  var acc12_22 = 0.0;
  var acc12_23 = 0.0;
  var acc12_24 = 0.0;
  var acc12_25 = 0.0;
  var acc12_26 = 0.0;
  var acc12_27 = 0.0;
  var acc12_28 = 0.0;
  var acc12_29 = 0.0;
  var acc12_30 = 0.0;
  var acc12_31 = 0.0;
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
  var acc13_16 = 0.0;
  var acc13_17 = 0.0;
  var acc13_18 = 0.0;
  var acc13_19 = 0.0;
  var acc13_20 = 0.0;
  var acc13_21 = 0.0;
  var acc13_22 = 0.0;
  var acc13_23 = 0.0;
  var acc13_24 = 0.0;
  var acc13_25 = 0.0;
  var acc13_26 = 0.0;
  var acc13_27 = 0.0;
  var acc13_28 = 0.0;
  var acc13_29 = 0.0;
  var acc13_30 = 0.0;
  var acc13_31 = 0.0;
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
  var acc14_16 = 0.0;
  var acc14_17 = 0.0;
  var acc14_18 = 0.0;
  var acc14_19 = 0.0;
  var acc14_20 = 0.0;
  var acc14_21 = 0.0;
  var acc14_22 = 0.0;
  var acc14_23 = 0.0;
  var acc14_24 = 0.0;
  var acc14_25 = 0.0;
  var acc14_26 = 0.0;
  var acc14_27 = 0.0;
  var acc14_28 = 0.0;
  var acc14_29 = 0.0;
  var acc14_30 = 0.0;
  var acc14_31 = 0.0;
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
  var acc15_16 = 0.0;
  var acc15_17 = 0.0;
  var acc15_18 = 0.0;
  var acc15_19 = 0.0;
  var acc15_20 = 0.0;
  var acc15_21 = 0.0;
  var acc15_22 = 0.0;
  var acc15_23 = 0.0;
  var acc15_24 = 0.0;
  var acc15_25 = 0.0;
  var acc15_26 = 0.0;
  var acc15_27 = 0.0;
  var acc15_28 = 0.0;
  var acc15_29 = 0.0;
  var acc15_30 = 0.0;
  var acc15_31 = 0.0;
  var acc16_0 = 0.0;
  var acc16_1 = 0.0;
  var acc16_2 = 0.0;
  var acc16_3 = 0.0;
  var acc16_4 = 0.0;
  var acc16_5 = 0.0;
  var acc16_6 = 0.0;
  var acc16_7 = 0.0;
  var acc16_8 = 0.0;
  var acc16_9 = 0.0;
  var acc16_10 = 0.0;
  var acc16_11 = 0.0;
  var acc16_12 = 0.0;
  var acc16_13 = 0.0;
  var acc16_14 = 0.0;
  var acc16_15 = 0.0;
  var acc16_16 = 0.0;
  var acc16_17 = 0.0;
  var acc16_18 = 0.0;
  var acc16_19 = 0.0;
  var acc16_20 = 0.0;
  var acc16_21 = 0.0;
  var acc16_22 = 0.0;
  var acc16_23 = 0.0;
  var acc16_24 = 0.0;
  var acc16_25 = 0.0;
  var acc16_26 = 0.0;
  var acc16_27 = 0.0;
  var acc16_28 = 0.0;
  var acc16_29 = 0.0;
  var acc16_30 = 0.0;
  var acc16_31 = 0.0;
  var acc17_0 = 0.0;
  var acc17_1 = 0.0;
  var acc17_2 = 0.0;
  var acc17_3 = 0.0;
  var acc17_4 = 0.0;
  var acc17_5 = 0.0;
  var acc17_6 = 0.0;
  var acc17_7 = 0.0;
  var acc17_8 = 0.0;
  var acc17_9 = 0.0;
  var acc17_10 = 0.0;
  var acc17_11 = 0.0;
  var acc17_12 = 0.0;
  var acc17_13 = 0.0;
  var acc17_14 = 0.0;
  var acc17_15 = 0.0;
  var acc17_16 = 0.0;
  var acc17_17 = 0.0;
  var acc17_18 = 0.0;
  var acc17_19 = 0.0;
  var acc17_20 = 0.0;
  var acc17_21 = 0.0;
  var acc17_22 = 0.0;
  var acc17_23 = 0.0;
  var acc17_24 = 0.0;
  var acc17_25 = 0.0;
  var acc17_26 = 0.0;
  var acc17_27 = 0.0;
  var acc17_28 = 0.0;
  var acc17_29 = 0.0;
  var acc17_30 = 0.0;
  var acc17_31 = 0.0;
  var acc18_0 = 0.0;
  var acc18_1 = 0.0;
  var acc18_2 = 0.0;
  var acc18_3 = 0.0;
  var acc18_4 = 0.0;
  var acc18_5 = 0.0;
  var acc18_6 = 0.0;
  var acc18_7 = 0.0;
  var acc18_8 = 0.0;
  var acc18_9 = 0.0;
  var acc18_10 = 0.0;
  var acc18_11 = 0.0;
  var acc18_12 = 0.0;
  var acc18_13 = 0.0;
  var acc18_14 = 0.0;
  var acc18_15 = 0.0;
  var acc18_16 = 0.0;
  var acc18_17 = 0.0;
  var acc18_18 = 0.0;
  var acc18_19 = 0.0;
  var acc18_20 = 0.0;
  var acc18_21 = 0.0;
  var acc18_22 = 0.0;
  var acc18_23 = 0.0;
  var acc18_24 = 0.0;
  var acc18_25 = 0.0;
  var acc18_26 = 0.0;
  var acc18_27 = 0.0;
  var acc18_28 = 0.0;
  var acc18_29 = 0.0;
  var acc18_30 = 0.0;
  var acc18_31 = 0.0;
  var acc19_0 = 0.0;
  var acc19_1 = 0.0;
  var acc19_2 = 0.0;
  var acc19_3 = 0.0;
  var acc19_4 = 0.0;
  var acc19_5 = 0.0;
  var acc19_6 = 0.0;
  var acc19_7 = 0.0;
  var acc19_8 = 0.0;
  var acc19_9 = 0.0;
  var acc19_10 = 0.0;
  var acc19_11 = 0.0;
  var acc19_12 = 0.0;
  var acc19_13 = 0.0;
  var acc19_14 = 0.0;
  var acc19_15 = 0.0;
  var acc19_16 = 0.0;
  var acc19_17 = 0.0;
  var acc19_18 = 0.0;
  var acc19_19 = 0.0;
  var acc19_20 = 0.0;
  var acc19_21 = 0.0;
  var acc19_22 = 0.0;
  var acc19_23 = 0.0;
  var acc19_24 = 0.0;
  var acc19_25 = 0.0;
  var acc19_26 = 0.0;
  var acc19_27 = 0.0;
  var acc19_28 = 0.0;
  var acc19_29 = 0.0;
  var acc19_30 = 0.0;
  var acc19_31 = 0.0;
  var acc20_0 = 0.0;
  var acc20_1 = 0.0;
  var acc20_2 = 0.0;
  var acc20_3 = 0.0;
  var acc20_4 = 0.0;
  var acc20_5 = 0.0;
  var acc20_6 = 0.0;
  var acc20_7 = 0.0;
  var acc20_8 = 0.0;
  var acc20_9 = 0.0;
  var acc20_10 = 0.0;
  var acc20_11 = 0.0;
  var acc20_12 = 0.0;
  var acc20_13 = 0.0;
  var acc20_14 = 0.0;
  var acc20_15 = 0.0;
  var acc20_16 = 0.0;
  var acc20_17 = 0.0;
  var acc20_18 = 0.0;
  var acc20_19 = 0.0;
  var acc20_20 = 0.0;
  var acc20_21 = 0.0;
  var acc20_22 = 0.0;
  var acc20_23 = 0.0;
  var acc20_24 = 0.0;
  var acc20_25 = 0.0;
  var acc20_26 = 0.0;
  var acc20_27 = 0.0;
  var acc20_28 = 0.0;
  var acc20_29 = 0.0;
  var acc20_30 = 0.0;
  var acc20_31 = 0.0;
  var acc21_0 = 0.0;
  var acc21_1 = 0.0;
  var acc21_2 = 0.0;
  var acc21_3 = 0.0;
  var acc21_4 = 0.0;
  var acc21_5 = 0.0;
  var acc21_6 = 0.0;
  var acc21_7 = 0.0;
  var acc21_8 = 0.0;
  var acc21_9 = 0.0;
  var acc21_10 = 0.0;
  var acc21_11 = 0.0;
  var acc21_12 = 0.0;
  var acc21_13 = 0.0;
  var acc21_14 = 0.0;
  var acc21_15 = 0.0;
  var acc21_16 = 0.0;
  var acc21_17 = 0.0;
  var acc21_18 = 0.0;
  var acc21_19 = 0.0;
  var acc21_20 = 0.0;
  var acc21_21 = 0.0;
  var acc21_22 = 0.0;
  var acc21_23 = 0.0;
  var acc21_24 = 0.0;
  var acc21_25 = 0.0;
  var acc21_26 = 0.0;
  var acc21_27 = 0.0;
  var acc21_28 = 0.0;
  var acc21_29 = 0.0;
  var acc21_30 = 0.0;
  var acc21_31 = 0.0;
  var acc22_0 = 0.0;
  var acc22_1 = 0.0;
  var acc22_2 = 0.0;
  var acc22_3 = 0.0;
  var acc22_4 = 0.0;
  var acc22_5 = 0.0;
  var acc22_6 = 0.0;
  var acc22_7 = 0.0;
  var acc22_8 = 0.0;
  var acc22_9 = 0.0;
  var acc22_10 = 0.0;
  var acc22_11 = 0.0;
  var acc22_12 = 0.0;
  var acc22_13 = 0.0;
  var acc22_14 = 0.0;
  var acc22_15 = 0.0;
  var acc22_16 = 0.0;
  var acc22_17 = 0.0;
  var acc22_18 = 0.0;
  var acc22_19 = 0.0;
  var acc22_20 = 0.0;
  var acc22_21 = 0.0;
  var acc22_22 = 0.0;
  var acc22_23 = 0.0;
  var acc22_24 = 0.0;
  var acc22_25 = 0.0;
  var acc22_26 = 0.0;
  var acc22_27 = 0.0;
  var acc22_28 = 0.0;
  var acc22_29 = 0.0;
  var acc22_30 = 0.0;
  var acc22_31 = 0.0;
  var acc23_0 = 0.0;
  var acc23_1 = 0.0;
  var acc23_2 = 0.0;
  var acc23_3 = 0.0;
  var acc23_4 = 0.0;
  var acc23_5 = 0.0;
  var acc23_6 = 0.0;
  var acc23_7 = 0.0;
  var acc23_8 = 0.0;
  var acc23_9 = 0.0;
  var acc23_10 = 0.0;
  var acc23_11 = 0.0;
  var acc23_12 = 0.0;
  var acc23_13 = 0.0;
  var acc23_14 = 0.0;
  var acc23_15 = 0.0;
  var acc23_16 = 0.0;
  var acc23_17 = 0.0;
  var acc23_18 = 0.0;
  var acc23_19 = 0.0;
  var acc23_20 = 0.0;
  var acc23_21 = 0.0;
  var acc23_22 = 0.0;
  var acc23_23 = 0.0;
  var acc23_24 = 0.0;
  var acc23_25 = 0.0;
  var acc23_26 = 0.0;
  var acc23_27 = 0.0;
  var acc23_28 = 0.0;
  var acc23_29 = 0.0;
  var acc23_30 = 0.0;
  var acc23_31 = 0.0;
  var acc24_0 = 0.0;
  var acc24_1 = 0.0;
  var acc24_2 = 0.0;
  var acc24_3 = 0.0;
  var acc24_4 = 0.0;
  var acc24_5 = 0.0;
  var acc24_6 = 0.0;
  var acc24_7 = 0.0;
  var acc24_8 = 0.0;
  var acc24_9 = 0.0;
  var acc24_10 = 0.0;
  var acc24_11 = 0.0;
  var acc24_12 = 0.0;
  var acc24_13 = 0.0;
  var acc24_14 = 0.0;
  var acc24_15 = 0.0;
  var acc24_16 = 0.0;
  var acc24_17 = 0.0;
  var acc24_18 = 0.0;
  var acc24_19 = 0.0;
  var acc24_20 = 0.0;
  var acc24_21 = 0.0;
  var acc24_22 = 0.0;
  var acc24_23 = 0.0;
  var acc24_24 = 0.0;
  var acc24_25 = 0.0;
  var acc24_26 = 0.0;
  var acc24_27 = 0.0;
  var acc24_28 = 0.0;
  var acc24_29 = 0.0;
  var acc24_30 = 0.0;
  var acc24_31 = 0.0;
  var acc25_0 = 0.0;
  var acc25_1 = 0.0;
  var acc25_2 = 0.0;
  var acc25_3 = 0.0;
  var acc25_4 = 0.0;
  var acc25_5 = 0.0;
  var acc25_6 = 0.0;
  var acc25_7 = 0.0;
  var acc25_8 = 0.0;
  var acc25_9 = 0.0;
  var acc25_10 = 0.0;
  var acc25_11 = 0.0;
  var acc25_12 = 0.0;
  var acc25_13 = 0.0;
  var acc25_14 = 0.0;
  var acc25_15 = 0.0;
  var acc25_16 = 0.0;
  var acc25_17 = 0.0;
  var acc25_18 = 0.0;
  var acc25_19 = 0.0;
  var acc25_20 = 0.0;
  var acc25_21 = 0.0;
  var acc25_22 = 0.0;
  var acc25_23 = 0.0;
  var acc25_24 = 0.0;
  var acc25_25 = 0.0;
  var acc25_26 = 0.0;
  var acc25_27 = 0.0;
  var acc25_28 = 0.0;
  var acc25_29 = 0.0;
  var acc25_30 = 0.0;
  var acc25_31 = 0.0;
  var acc26_0 = 0.0;
  var acc26_1 = 0.0;
  var acc26_2 = 0.0;
  var acc26_3 = 0.0;
  var acc26_4 = 0.0;
  var acc26_5 = 0.0;
  var acc26_6 = 0.0;
  var acc26_7 = 0.0;
  var acc26_8 = 0.0;
  var acc26_9 = 0.0;
  var acc26_10 = 0.0;
  var acc26_11 = 0.0;
  var acc26_12 = 0.0;
  var acc26_13 = 0.0;
  var acc26_14 = 0.0;
  var acc26_15 = 0.0;
  var acc26_16 = 0.0;
  var acc26_17 = 0.0;
  var acc26_18 = 0.0;
  var acc26_19 = 0.0;
  var acc26_20 = 0.0;
  var acc26_21 = 0.0;
  var acc26_22 = 0.0;
  var acc26_23 = 0.0;
  var acc26_24 = 0.0;
  var acc26_25 = 0.0;
  var acc26_26 = 0.0;
  var acc26_27 = 0.0;
  var acc26_28 = 0.0;
  var acc26_29 = 0.0;
  var acc26_30 = 0.0;
  var acc26_31 = 0.0;
  var acc27_0 = 0.0;
  var acc27_1 = 0.0;
  var acc27_2 = 0.0;
  var acc27_3 = 0.0;
  var acc27_4 = 0.0;
  var acc27_5 = 0.0;
  var acc27_6 = 0.0;
  var acc27_7 = 0.0;
  var acc27_8 = 0.0;
  var acc27_9 = 0.0;
  var acc27_10 = 0.0;
  var acc27_11 = 0.0;
  var acc27_12 = 0.0;
  var acc27_13 = 0.0;
  var acc27_14 = 0.0;
  var acc27_15 = 0.0;
  var acc27_16 = 0.0;
  var acc27_17 = 0.0;
  var acc27_18 = 0.0;
  var acc27_19 = 0.0;
  var acc27_20 = 0.0;
  var acc27_21 = 0.0;
  var acc27_22 = 0.0;
  var acc27_23 = 0.0;
  var acc27_24 = 0.0;
  var acc27_25 = 0.0;
  var acc27_26 = 0.0;
  var acc27_27 = 0.0;
  var acc27_28 = 0.0;
  var acc27_29 = 0.0;
  var acc27_30 = 0.0;
  var acc27_31 = 0.0;
  var acc28_0 = 0.0;
  var acc28_1 = 0.0;
  var acc28_2 = 0.0;
  var acc28_3 = 0.0;
  var acc28_4 = 0.0;
  var acc28_5 = 0.0;
  var acc28_6 = 0.0;
  var acc28_7 = 0.0;
  var acc28_8 = 0.0;
  var acc28_9 = 0.0;
  var acc28_10 = 0.0;
  var acc28_11 = 0.0;
  var acc28_12 = 0.0;
  var acc28_13 = 0.0;
  var acc28_14 = 0.0;
  var acc28_15 = 0.0;
  var acc28_16 = 0.0;
  var acc28_17 = 0.0;
  var acc28_18 = 0.0;
  var acc28_19 = 0.0;
  var acc28_20 = 0.0;
  var acc28_21 = 0.0;
  var acc28_22 = 0.0;
  var acc28_23 = 0.0;
  var acc28_24 = 0.0;
  var acc28_25 = 0.0;
  var acc28_26 = 0.0;
  var acc28_27 = 0.0;
  var acc28_28 = 0.0;
  var acc28_29 = 0.0;
  var acc28_30 = 0.0;
  var acc28_31 = 0.0;
  var acc29_0 = 0.0;
  var acc29_1 = 0.0;
  var acc29_2 = 0.0;
  var acc29_3 = 0.0;
  var acc29_4 = 0.0;
  var acc29_5 = 0.0;
  var acc29_6 = 0.0;
  var acc29_7 = 0.0;
  var acc29_8 = 0.0;
  var acc29_9 = 0.0;
  var acc29_10 = 0.0;
  var acc29_11 = 0.0;
  var acc29_12 = 0.0;
  var acc29_13 = 0.0;
  var acc29_14 = 0.0;
  var acc29_15 = 0.0;
  var acc29_16 = 0.0;
  var acc29_17 = 0.0;
  var acc29_18 = 0.0;
  var acc29_19 = 0.0;
  var acc29_20 = 0.0;
  var acc29_21 = 0.0;
  var acc29_22 = 0.0;
  var acc29_23 = 0.0;
  var acc29_24 = 0.0;
  var acc29_25 = 0.0;
  var acc29_26 = 0.0;
  var acc29_27 = 0.0;
  var acc29_28 = 0.0;
  var acc29_29 = 0.0;
  var acc29_30 = 0.0;
  var acc29_31 = 0.0;
  var acc30_0 = 0.0;
  var acc30_1 = 0.0;
  var acc30_2 = 0.0;
  var acc30_3 = 0.0;
  var acc30_4 = 0.0;
  var acc30_5 = 0.0;
  var acc30_6 = 0.0;
  var acc30_7 = 0.0;
  var acc30_8 = 0.0;
  var acc30_9 = 0.0;
  var acc30_10 = 0.0;
  var acc30_11 = 0.0;
  var acc30_12 = 0.0;
  var acc30_13 = 0.0;
  var acc30_14 = 0.0;
  var acc30_15 = 0.0;
  var acc30_16 = 0.0;
  var acc30_17 = 0.0;
  var acc30_18 = 0.0;
  var acc30_19 = 0.0;
  var acc30_20 = 0.0;
  var acc30_21 = 0.0;
  var acc30_22 = 0.0;
  var acc30_23 = 0.0;
  var acc30_24 = 0.0;
  var acc30_25 = 0.0;
  var acc30_26 = 0.0;
  var acc30_27 = 0.0;
  var acc30_28 = 0.0;
  var acc30_29 = 0.0;
  var acc30_30 = 0.0;
  var acc30_31 = 0.0;
  var acc31_0 = 0.0;
  var acc31_1 = 0.0;
  var acc31_2 = 0.0;
  var acc31_3 = 0.0;
  var acc31_4 = 0.0;
  var acc31_5 = 0.0;
  var acc31_6 = 0.0;
  var acc31_7 = 0.0;
  var acc31_8 = 0.0;
  var acc31_9 = 0.0;
  var acc31_10 = 0.0;
  var acc31_11 = 0.0;
  var acc31_12 = 0.0;
  var acc31_13 = 0.0;
  var acc31_14 = 0.0;
  var acc31_15 = 0.0;
  var acc31_16 = 0.0;
  var acc31_17 = 0.0;
  var acc31_18 = 0.0;
  var acc31_19 = 0.0;
  var acc31_20 = 0.0;
  var acc31_21 = 0.0;
  var acc31_22 = 0.0;
  var acc31_23 = 0.0;
  var acc31_24 = 0.0;
  var acc31_25 = 0.0;
  var acc31_26 = 0.0;
  var acc31_27 = 0.0;
  var acc31_28 = 0.0;
  var acc31_29 = 0.0;
  var acc31_30 = 0.0;
  var acc31_31 = 0.0;
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
    let x16 = x[xo16 + i];
    let x17 = x[xo17 + i];
    let x18 = x[xo18 + i];
    let x19 = x[xo19 + i];
    let x20 = x[xo20 + i];
    let x21 = x[xo21 + i];
    let x22 = x[xo22 + i];
    let x23 = x[xo23 + i];
    let x24 = x[xo24 + i];
    let x25 = x[xo25 + i];
    let x26 = x[xo26 + i];
    let x27 = x[xo27 + i];
    let x28 = x[xo28 + i];
    let x29 = x[xo29 + i];
    let x30 = x[xo30 + i];
    let x31 = x[xo31 + i];
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
    acc0_16 += dot(w0, x16);
    acc0_17 += dot(w0, x17);
    acc0_18 += dot(w0, x18);
    acc0_19 += dot(w0, x19);
    acc0_20 += dot(w0, x20);
    acc0_21 += dot(w0, x21);
    acc0_22 += dot(w0, x22);
    acc0_23 += dot(w0, x23);
    acc0_24 += dot(w0, x24);
    acc0_25 += dot(w0, x25);
    acc0_26 += dot(w0, x26);
    acc0_27 += dot(w0, x27);
    acc0_28 += dot(w0, x28);
    acc0_29 += dot(w0, x29);
    acc0_30 += dot(w0, x30);
    acc0_31 += dot(w0, x31);
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
    acc1_16 += dot(w1, x16);
    acc1_17 += dot(w1, x17);
    acc1_18 += dot(w1, x18);
    acc1_19 += dot(w1, x19);
    acc1_20 += dot(w1, x20);
    acc1_21 += dot(w1, x21);
    acc1_22 += dot(w1, x22);
    acc1_23 += dot(w1, x23);
    acc1_24 += dot(w1, x24);
    acc1_25 += dot(w1, x25);
    acc1_26 += dot(w1, x26);
    acc1_27 += dot(w1, x27);
    acc1_28 += dot(w1, x28);
    acc1_29 += dot(w1, x29);
    acc1_30 += dot(w1, x30);
    acc1_31 += dot(w1, x31);
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
    acc2_16 += dot(w2, x16);
    acc2_17 += dot(w2, x17);
    acc2_18 += dot(w2, x18);
    acc2_19 += dot(w2, x19);
    acc2_20 += dot(w2, x20);
    acc2_21 += dot(w2, x21);
    acc2_22 += dot(w2, x22);
    acc2_23 += dot(w2, x23);
    acc2_24 += dot(w2, x24);
    acc2_25 += dot(w2, x25);
    acc2_26 += dot(w2, x26);
    acc2_27 += dot(w2, x27);
    acc2_28 += dot(w2, x28);
    acc2_29 += dot(w2, x29);
    acc2_30 += dot(w2, x30);
    acc2_31 += dot(w2, x31);
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
    acc3_16 += dot(w3, x16);
    acc3_17 += dot(w3, x17);
    acc3_18 += dot(w3, x18);
    acc3_19 += dot(w3, x19);
    acc3_20 += dot(w3, x20);
    acc3_21 += dot(w3, x21);
    acc3_22 += dot(w3, x22);
    acc3_23 += dot(w3, x23);
    acc3_24 += dot(w3, x24);
    acc3_25 += dot(w3, x25);
    acc3_26 += dot(w3, x26);
    acc3_27 += dot(w3, x27);
    acc3_28 += dot(w3, x28);
    acc3_29 += dot(w3, x29);
    acc3_30 += dot(w3, x30);
    acc3_31 += dot(w3, x31);
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
    acc4_16 += dot(w4, x16);
    acc4_17 += dot(w4, x17);
    acc4_18 += dot(w4, x18);
    acc4_19 += dot(w4, x19);
    acc4_20 += dot(w4, x20);
    acc4_21 += dot(w4, x21);
    acc4_22 += dot(w4, x22);
    acc4_23 += dot(w4, x23);
    acc4_24 += dot(w4, x24);
    acc4_25 += dot(w4, x25);
    acc4_26 += dot(w4, x26);
    acc4_27 += dot(w4, x27);
    acc4_28 += dot(w4, x28);
    acc4_29 += dot(w4, x29);
    acc4_30 += dot(w4, x30);
    acc4_31 += dot(w4, x31);
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
    acc5_16 += dot(w5, x16);
    acc5_17 += dot(w5, x17);
    acc5_18 += dot(w5, x18);
    acc5_19 += dot(w5, x19);
    acc5_20 += dot(w5, x20);
    acc5_21 += dot(w5, x21);
    acc5_22 += dot(w5, x22);
    acc5_23 += dot(w5, x23);
    acc5_24 += dot(w5, x24);
    acc5_25 += dot(w5, x25);
    acc5_26 += dot(w5, x26);
    acc5_27 += dot(w5, x27);
    acc5_28 += dot(w5, x28);
    acc5_29 += dot(w5, x29);
    acc5_30 += dot(w5, x30);
    acc5_31 += dot(w5, x31);
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
    acc6_16 += dot(w6, x16);
    acc6_17 += dot(w6, x17);
    acc6_18 += dot(w6, x18);
    acc6_19 += dot(w6, x19);
    acc6_20 += dot(w6, x20);
    acc6_21 += dot(w6, x21);
    acc6_22 += dot(w6, x22);
    acc6_23 += dot(w6, x23);
    acc6_24 += dot(w6, x24);
    acc6_25 += dot(w6, x25);
    acc6_26 += dot(w6, x26);
    acc6_27 += dot(w6, x27);
    acc6_28 += dot(w6, x28);
    acc6_29 += dot(w6, x29);
    acc6_30 += dot(w6, x30);
    acc6_31 += dot(w6, x31);
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
    acc7_16 += dot(w7, x16);
    acc7_17 += dot(w7, x17);
    acc7_18 += dot(w7, x18);
    acc7_19 += dot(w7, x19);
    acc7_20 += dot(w7, x20);
    acc7_21 += dot(w7, x21);
    acc7_22 += dot(w7, x22);
    acc7_23 += dot(w7, x23);
    acc7_24 += dot(w7, x24);
    acc7_25 += dot(w7, x25);
    acc7_26 += dot(w7, x26);
    acc7_27 += dot(w7, x27);
    acc7_28 += dot(w7, x28);
    acc7_29 += dot(w7, x29);
    acc7_30 += dot(w7, x30);
    acc7_31 += dot(w7, x31);
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
    acc8_16 += dot(w8, x16);
    acc8_17 += dot(w8, x17);
    acc8_18 += dot(w8, x18);
    acc8_19 += dot(w8, x19);
    acc8_20 += dot(w8, x20);
    acc8_21 += dot(w8, x21);
    acc8_22 += dot(w8, x22);
    acc8_23 += dot(w8, x23);
    acc8_24 += dot(w8, x24);
    acc8_25 += dot(w8, x25);
    acc8_26 += dot(w8, x26);
    acc8_27 += dot(w8, x27);
    acc8_28 += dot(w8, x28);
    acc8_29 += dot(w8, x29);
    acc8_30 += dot(w8, x30);
    acc8_31 += dot(w8, x31);
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
    acc9_16 += dot(w9, x16);
    acc9_17 += dot(w9, x17);
    acc9_18 += dot(w9, x18);
    acc9_19 += dot(w9, x19);
    acc9_20 += dot(w9, x20);
    acc9_21 += dot(w9, x21);
    acc9_22 += dot(w9, x22);
    acc9_23 += dot(w9, x23);
    acc9_24 += dot(w9, x24);
    acc9_25 += dot(w9, x25);
    acc9_26 += dot(w9, x26);
    acc9_27 += dot(w9, x27);
    acc9_28 += dot(w9, x28);
    acc9_29 += dot(w9, x29);
    acc9_30 += dot(w9, x30);
    acc9_31 += dot(w9, x31);
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
    acc10_16 += dot(w10, x16);
    acc10_17 += dot(w10, x17);
    acc10_18 += dot(w10, x18);
    acc10_19 += dot(w10, x19);
    acc10_20 += dot(w10, x20);
    acc10_21 += dot(w10, x21);
    acc10_22 += dot(w10, x22);
    acc10_23 += dot(w10, x23);
    acc10_24 += dot(w10, x24);
    acc10_25 += dot(w10, x25);
    acc10_26 += dot(w10, x26);
    acc10_27 += dot(w10, x27);
    acc10_28 += dot(w10, x28);
    acc10_29 += dot(w10, x29);
    acc10_30 += dot(w10, x30);
    acc10_31 += dot(w10, x31);
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
    acc11_16 += dot(w11, x16);
    acc11_17 += dot(w11, x17);
    acc11_18 += dot(w11, x18);
    acc11_19 += dot(w11, x19);
    acc11_20 += dot(w11, x20);
    acc11_21 += dot(w11, x21);
    acc11_22 += dot(w11, x22);
    acc11_23 += dot(w11, x23);
    acc11_24 += dot(w11, x24);
    acc11_25 += dot(w11, x25);
    acc11_26 += dot(w11, x26);
    acc11_27 += dot(w11, x27);
    acc11_28 += dot(w11, x28);
    acc11_29 += dot(w11, x29);
    acc11_30 += dot(w11, x30);
    acc11_31 += dot(w11, x31);
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
    acc12_16 += dot(w12, x16);
    acc12_17 += dot(w12, x17);
    acc12_18 += dot(w12, x18);
    acc12_19 += dot(w12, x19);
    acc12_20 += dot(w12, x20);
    acc12_21 += dot(w12, x21);
    acc12_22 += dot(w12, x22);
    acc12_23 += dot(w12, x23);
    acc12_24 += dot(w12, x24);
    acc12_25 += dot(w12, x25);
    acc12_26 += dot(w12, x26);
    acc12_27 += dot(w12, x27);
    acc12_28 += dot(w12, x28);
    acc12_29 += dot(w12, x29);
    acc12_30 += dot(w12, x30);
    acc12_31 += dot(w12, x31);
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
    acc13_16 += dot(w13, x16);
    acc13_17 += dot(w13, x17);
    acc13_18 += dot(w13, x18);
    acc13_19 += dot(w13, x19);
    acc13_20 += dot(w13, x20);
    acc13_21 += dot(w13, x21);
    acc13_22 += dot(w13, x22);
    acc13_23 += dot(w13, x23);
    acc13_24 += dot(w13, x24);
    acc13_25 += dot(w13, x25);
    acc13_26 += dot(w13, x26);
    acc13_27 += dot(w13, x27);
    acc13_28 += dot(w13, x28);
    acc13_29 += dot(w13, x29);
    acc13_30 += dot(w13, x30);
    acc13_31 += dot(w13, x31);
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
    acc14_16 += dot(w14, x16);
    acc14_17 += dot(w14, x17);
    acc14_18 += dot(w14, x18);
    acc14_19 += dot(w14, x19);
    acc14_20 += dot(w14, x20);
    acc14_21 += dot(w14, x21);
    acc14_22 += dot(w14, x22);
    acc14_23 += dot(w14, x23);
    acc14_24 += dot(w14, x24);
    acc14_25 += dot(w14, x25);
    acc14_26 += dot(w14, x26);
    acc14_27 += dot(w14, x27);
    acc14_28 += dot(w14, x28);
    acc14_29 += dot(w14, x29);
    acc14_30 += dot(w14, x30);
    acc14_31 += dot(w14, x31);
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
    acc15_16 += dot(w15, x16);
    acc15_17 += dot(w15, x17);
    acc15_18 += dot(w15, x18);
    acc15_19 += dot(w15, x19);
    acc15_20 += dot(w15, x20);
    acc15_21 += dot(w15, x21);
    acc15_22 += dot(w15, x22);
    acc15_23 += dot(w15, x23);
    acc15_24 += dot(w15, x24);
    acc15_25 += dot(w15, x25);
    acc15_26 += dot(w15, x26);
    acc15_27 += dot(w15, x27);
    acc15_28 += dot(w15, x28);
    acc15_29 += dot(w15, x29);
    acc15_30 += dot(w15, x30);
    acc15_31 += dot(w15, x31);
    let w16 = w[wo16 + i];
    acc16_0 += dot(w16, x0);
    acc16_1 += dot(w16, x1);
    acc16_2 += dot(w16, x2);
    acc16_3 += dot(w16, x3);
    acc16_4 += dot(w16, x4);
    acc16_5 += dot(w16, x5);
    acc16_6 += dot(w16, x6);
    acc16_7 += dot(w16, x7);
    acc16_8 += dot(w16, x8);
    acc16_9 += dot(w16, x9);
    acc16_10 += dot(w16, x10);
    acc16_11 += dot(w16, x11);
    acc16_12 += dot(w16, x12);
    acc16_13 += dot(w16, x13);
    acc16_14 += dot(w16, x14);
    acc16_15 += dot(w16, x15);
    acc16_16 += dot(w16, x16);
    acc16_17 += dot(w16, x17);
    acc16_18 += dot(w16, x18);
    acc16_19 += dot(w16, x19);
    acc16_20 += dot(w16, x20);
    acc16_21 += dot(w16, x21);
    acc16_22 += dot(w16, x22);
    acc16_23 += dot(w16, x23);
    acc16_24 += dot(w16, x24);
    acc16_25 += dot(w16, x25);
    acc16_26 += dot(w16, x26);
    acc16_27 += dot(w16, x27);
    acc16_28 += dot(w16, x28);
    acc16_29 += dot(w16, x29);
    acc16_30 += dot(w16, x30);
    acc16_31 += dot(w16, x31);
    let w17 = w[wo17 + i];
    acc17_0 += dot(w17, x0);
    acc17_1 += dot(w17, x1);
    acc17_2 += dot(w17, x2);
    acc17_3 += dot(w17, x3);
    acc17_4 += dot(w17, x4);
    acc17_5 += dot(w17, x5);
    acc17_6 += dot(w17, x6);
    acc17_7 += dot(w17, x7);
    acc17_8 += dot(w17, x8);
    acc17_9 += dot(w17, x9);
    acc17_10 += dot(w17, x10);
    acc17_11 += dot(w17, x11);
    acc17_12 += dot(w17, x12);
    acc17_13 += dot(w17, x13);
    acc17_14 += dot(w17, x14);
    acc17_15 += dot(w17, x15);
    acc17_16 += dot(w17, x16);
    acc17_17 += dot(w17, x17);
    acc17_18 += dot(w17, x18);
    acc17_19 += dot(w17, x19);
    acc17_20 += dot(w17, x20);
    acc17_21 += dot(w17, x21);
    acc17_22 += dot(w17, x22);
    acc17_23 += dot(w17, x23);
    acc17_24 += dot(w17, x24);
    acc17_25 += dot(w17, x25);
    acc17_26 += dot(w17, x26);
    acc17_27 += dot(w17, x27);
    acc17_28 += dot(w17, x28);
    acc17_29 += dot(w17, x29);
    acc17_30 += dot(w17, x30);
    acc17_31 += dot(w17, x31);
    let w18 = w[wo18 + i];
    acc18_0 += dot(w18, x0);
    acc18_1 += dot(w18, x1);
    acc18_2 += dot(w18, x2);
    acc18_3 += dot(w18, x3);
    acc18_4 += dot(w18, x4);
    acc18_5 += dot(w18, x5);
    acc18_6 += dot(w18, x6);
    acc18_7 += dot(w18, x7);
    acc18_8 += dot(w18, x8);
    acc18_9 += dot(w18, x9);
    acc18_10 += dot(w18, x10);
    acc18_11 += dot(w18, x11);
    acc18_12 += dot(w18, x12);
    acc18_13 += dot(w18, x13);
    acc18_14 += dot(w18, x14);
    acc18_15 += dot(w18, x15);
    acc18_16 += dot(w18, x16);
    acc18_17 += dot(w18, x17);
    acc18_18 += dot(w18, x18);
    acc18_19 += dot(w18, x19);
    acc18_20 += dot(w18, x20);
    acc18_21 += dot(w18, x21);
    acc18_22 += dot(w18, x22);
    acc18_23 += dot(w18, x23);
    acc18_24 += dot(w18, x24);
    acc18_25 += dot(w18, x25);
    acc18_26 += dot(w18, x26);
    acc18_27 += dot(w18, x27);
    acc18_28 += dot(w18, x28);
    acc18_29 += dot(w18, x29);
    acc18_30 += dot(w18, x30);
    acc18_31 += dot(w18, x31);
    let w19 = w[wo19 + i];
    acc19_0 += dot(w19, x0);
    acc19_1 += dot(w19, x1);
    acc19_2 += dot(w19, x2);
    acc19_3 += dot(w19, x3);
    acc19_4 += dot(w19, x4);
    acc19_5 += dot(w19, x5);
    acc19_6 += dot(w19, x6);
    acc19_7 += dot(w19, x7);
    acc19_8 += dot(w19, x8);
    acc19_9 += dot(w19, x9);
    acc19_10 += dot(w19, x10);
    acc19_11 += dot(w19, x11);
    acc19_12 += dot(w19, x12);
    acc19_13 += dot(w19, x13);
    acc19_14 += dot(w19, x14);
    acc19_15 += dot(w19, x15);
    acc19_16 += dot(w19, x16);
    acc19_17 += dot(w19, x17);
    acc19_18 += dot(w19, x18);
    acc19_19 += dot(w19, x19);
    acc19_20 += dot(w19, x20);
    acc19_21 += dot(w19, x21);
    acc19_22 += dot(w19, x22);
    acc19_23 += dot(w19, x23);
    acc19_24 += dot(w19, x24);
    acc19_25 += dot(w19, x25);
    acc19_26 += dot(w19, x26);
    acc19_27 += dot(w19, x27);
    acc19_28 += dot(w19, x28);
    acc19_29 += dot(w19, x29);
    acc19_30 += dot(w19, x30);
    acc19_31 += dot(w19, x31);
    let w20 = w[wo20 + i];
    acc20_0 += dot(w20, x0);
    acc20_1 += dot(w20, x1);
    acc20_2 += dot(w20, x2);
    acc20_3 += dot(w20, x3);
    acc20_4 += dot(w20, x4);
    acc20_5 += dot(w20, x5);
    acc20_6 += dot(w20, x6);
    acc20_7 += dot(w20, x7);
    acc20_8 += dot(w20, x8);
    acc20_9 += dot(w20, x9);
    acc20_10 += dot(w20, x10);
    acc20_11 += dot(w20, x11);
    acc20_12 += dot(w20, x12);
    acc20_13 += dot(w20, x13);
    acc20_14 += dot(w20, x14);
    acc20_15 += dot(w20, x15);
    acc20_16 += dot(w20, x16);
    acc20_17 += dot(w20, x17);
    acc20_18 += dot(w20, x18);
    acc20_19 += dot(w20, x19);
    acc20_20 += dot(w20, x20);
    acc20_21 += dot(w20, x21);
    acc20_22 += dot(w20, x22);
    acc20_23 += dot(w20, x23);
    acc20_24 += dot(w20, x24);
    acc20_25 += dot(w20, x25);
    acc20_26 += dot(w20, x26);
    acc20_27 += dot(w20, x27);
    acc20_28 += dot(w20, x28);
    acc20_29 += dot(w20, x29);
    acc20_30 += dot(w20, x30);
    acc20_31 += dot(w20, x31);
    let w21 = w[wo21 + i];
    acc21_0 += dot(w21, x0);
    acc21_1 += dot(w21, x1);
    acc21_2 += dot(w21, x2);
    acc21_3 += dot(w21, x3);
    acc21_4 += dot(w21, x4);
    acc21_5 += dot(w21, x5);
    acc21_6 += dot(w21, x6);
    acc21_7 += dot(w21, x7);
    acc21_8 += dot(w21, x8);
    acc21_9 += dot(w21, x9);
    acc21_10 += dot(w21, x10);
    acc21_11 += dot(w21, x11);
    acc21_12 += dot(w21, x12);
    acc21_13 += dot(w21, x13);
    acc21_14 += dot(w21, x14);
    acc21_15 += dot(w21, x15);
    acc21_16 += dot(w21, x16);
    acc21_17 += dot(w21, x17);
    acc21_18 += dot(w21, x18);
    acc21_19 += dot(w21, x19);
    acc21_20 += dot(w21, x20);
    acc21_21 += dot(w21, x21);
    acc21_22 += dot(w21, x22);
    acc21_23 += dot(w21, x23);
    acc21_24 += dot(w21, x24);
    acc21_25 += dot(w21, x25);
    acc21_26 += dot(w21, x26);
    acc21_27 += dot(w21, x27);
    acc21_28 += dot(w21, x28);
    acc21_29 += dot(w21, x29);
    acc21_30 += dot(w21, x30);
    acc21_31 += dot(w21, x31);
    let w22 = w[wo22 + i];
    acc22_0 += dot(w22, x0);
    acc22_1 += dot(w22, x1);
    acc22_2 += dot(w22, x2);
    acc22_3 += dot(w22, x3);
    acc22_4 += dot(w22, x4);
    acc22_5 += dot(w22, x5);
    acc22_6 += dot(w22, x6);
    acc22_7 += dot(w22, x7);
    acc22_8 += dot(w22, x8);
    acc22_9 += dot(w22, x9);
    acc22_10 += dot(w22, x10);
    acc22_11 += dot(w22, x11);
    acc22_12 += dot(w22, x12);
    acc22_13 += dot(w22, x13);
    acc22_14 += dot(w22, x14);
    acc22_15 += dot(w22, x15);
    acc22_16 += dot(w22, x16);
    acc22_17 += dot(w22, x17);
    acc22_18 += dot(w22, x18);
    acc22_19 += dot(w22, x19);
    acc22_20 += dot(w22, x20);
    acc22_21 += dot(w22, x21);
    acc22_22 += dot(w22, x22);
    acc22_23 += dot(w22, x23);
    acc22_24 += dot(w22, x24);
    acc22_25 += dot(w22, x25);
    acc22_26 += dot(w22, x26);
    acc22_27 += dot(w22, x27);
    acc22_28 += dot(w22, x28);
    acc22_29 += dot(w22, x29);
    acc22_30 += dot(w22, x30);
    acc22_31 += dot(w22, x31);
    let w23 = w[wo23 + i];
    acc23_0 += dot(w23, x0);
    acc23_1 += dot(w23, x1);
    acc23_2 += dot(w23, x2);
    acc23_3 += dot(w23, x3);
    acc23_4 += dot(w23, x4);
    acc23_5 += dot(w23, x5);
    acc23_6 += dot(w23, x6);
    acc23_7 += dot(w23, x7);
    acc23_8 += dot(w23, x8);
    acc23_9 += dot(w23, x9);
    acc23_10 += dot(w23, x10);
    acc23_11 += dot(w23, x11);
    acc23_12 += dot(w23, x12);
    acc23_13 += dot(w23, x13);
    acc23_14 += dot(w23, x14);
    acc23_15 += dot(w23, x15);
    acc23_16 += dot(w23, x16);
    acc23_17 += dot(w23, x17);
    acc23_18 += dot(w23, x18);
    acc23_19 += dot(w23, x19);
    acc23_20 += dot(w23, x20);
    acc23_21 += dot(w23, x21);
    acc23_22 += dot(w23, x22);
    acc23_23 += dot(w23, x23);
    acc23_24 += dot(w23, x24);
    acc23_25 += dot(w23, x25);
    acc23_26 += dot(w23, x26);
    acc23_27 += dot(w23, x27);
    acc23_28 += dot(w23, x28);
    acc23_29 += dot(w23, x29);
    acc23_30 += dot(w23, x30);
    acc23_31 += dot(w23, x31);
    let w24 = w[wo24 + i];
    acc24_0 += dot(w24, x0);
    acc24_1 += dot(w24, x1);
    acc24_2 += dot(w24, x2);
    acc24_3 += dot(w24, x3);
    acc24_4 += dot(w24, x4);
    acc24_5 += dot(w24, x5);
    acc24_6 += dot(w24, x6);
    acc24_7 += dot(w24, x7);
    acc24_8 += dot(w24, x8);
    acc24_9 += dot(w24, x9);
    acc24_10 += dot(w24, x10);
    acc24_11 += dot(w24, x11);
    acc24_12 += dot(w24, x12);
    acc24_13 += dot(w24, x13);
    acc24_14 += dot(w24, x14);
    acc24_15 += dot(w24, x15);
    acc24_16 += dot(w24, x16);
    acc24_17 += dot(w24, x17);
    acc24_18 += dot(w24, x18);
    acc24_19 += dot(w24, x19);
    acc24_20 += dot(w24, x20);
    acc24_21 += dot(w24, x21);
    acc24_22 += dot(w24, x22);
    acc24_23 += dot(w24, x23);
    acc24_24 += dot(w24, x24);
    acc24_25 += dot(w24, x25);
    acc24_26 += dot(w24, x26);
    acc24_27 += dot(w24, x27);
    acc24_28 += dot(w24, x28);
    acc24_29 += dot(w24, x29);
    acc24_30 += dot(w24, x30);
    acc24_31 += dot(w24, x31);
    let w25 = w[wo25 + i];
    acc25_0 += dot(w25, x0);
    acc25_1 += dot(w25, x1);
    acc25_2 += dot(w25, x2);
    acc25_3 += dot(w25, x3);
    acc25_4 += dot(w25, x4);
    acc25_5 += dot(w25, x5);
    acc25_6 += dot(w25, x6);
    acc25_7 += dot(w25, x7);
    acc25_8 += dot(w25, x8);
    acc25_9 += dot(w25, x9);
    acc25_10 += dot(w25, x10);
    acc25_11 += dot(w25, x11);
    acc25_12 += dot(w25, x12);
    acc25_13 += dot(w25, x13);
    acc25_14 += dot(w25, x14);
    acc25_15 += dot(w25, x15);
    acc25_16 += dot(w25, x16);
    acc25_17 += dot(w25, x17);
    acc25_18 += dot(w25, x18);
    acc25_19 += dot(w25, x19);
    acc25_20 += dot(w25, x20);
    acc25_21 += dot(w25, x21);
    acc25_22 += dot(w25, x22);
    acc25_23 += dot(w25, x23);
    acc25_24 += dot(w25, x24);
    acc25_25 += dot(w25, x25);
    acc25_26 += dot(w25, x26);
    acc25_27 += dot(w25, x27);
    acc25_28 += dot(w25, x28);
    acc25_29 += dot(w25, x29);
    acc25_30 += dot(w25, x30);
    acc25_31 += dot(w25, x31);
    let w26 = w[wo26 + i];
    acc26_0 += dot(w26, x0);
    acc26_1 += dot(w26, x1);
    acc26_2 += dot(w26, x2);
    acc26_3 += dot(w26, x3);
    acc26_4 += dot(w26, x4);
    acc26_5 += dot(w26, x5);
    acc26_6 += dot(w26, x6);
    acc26_7 += dot(w26, x7);
    acc26_8 += dot(w26, x8);
    acc26_9 += dot(w26, x9);
    acc26_10 += dot(w26, x10);
    acc26_11 += dot(w26, x11);
    acc26_12 += dot(w26, x12);
    acc26_13 += dot(w26, x13);
    acc26_14 += dot(w26, x14);
    acc26_15 += dot(w26, x15);
    acc26_16 += dot(w26, x16);
    acc26_17 += dot(w26, x17);
    acc26_18 += dot(w26, x18);
    acc26_19 += dot(w26, x19);
    acc26_20 += dot(w26, x20);
    acc26_21 += dot(w26, x21);
    acc26_22 += dot(w26, x22);
    acc26_23 += dot(w26, x23);
    acc26_24 += dot(w26, x24);
    acc26_25 += dot(w26, x25);
    acc26_26 += dot(w26, x26);
    acc26_27 += dot(w26, x27);
    acc26_28 += dot(w26, x28);
    acc26_29 += dot(w26, x29);
    acc26_30 += dot(w26, x30);
    acc26_31 += dot(w26, x31);
    let w27 = w[wo27 + i];
    acc27_0 += dot(w27, x0);
    acc27_1 += dot(w27, x1);
    acc27_2 += dot(w27, x2);
    acc27_3 += dot(w27, x3);
    acc27_4 += dot(w27, x4);
    acc27_5 += dot(w27, x5);
    acc27_6 += dot(w27, x6);
    acc27_7 += dot(w27, x7);
    acc27_8 += dot(w27, x8);
    acc27_9 += dot(w27, x9);
    acc27_10 += dot(w27, x10);
    acc27_11 += dot(w27, x11);
    acc27_12 += dot(w27, x12);
    acc27_13 += dot(w27, x13);
    acc27_14 += dot(w27, x14);
    acc27_15 += dot(w27, x15);
    acc27_16 += dot(w27, x16);
    acc27_17 += dot(w27, x17);
    acc27_18 += dot(w27, x18);
    acc27_19 += dot(w27, x19);
    acc27_20 += dot(w27, x20);
    acc27_21 += dot(w27, x21);
    acc27_22 += dot(w27, x22);
    acc27_23 += dot(w27, x23);
    acc27_24 += dot(w27, x24);
    acc27_25 += dot(w27, x25);
    acc27_26 += dot(w27, x26);
    acc27_27 += dot(w27, x27);
    acc27_28 += dot(w27, x28);
    acc27_29 += dot(w27, x29);
    acc27_30 += dot(w27, x30);
    acc27_31 += dot(w27, x31);
    let w28 = w[wo28 + i];
    acc28_0 += dot(w28, x0);
    acc28_1 += dot(w28, x1);
    acc28_2 += dot(w28, x2);
    acc28_3 += dot(w28, x3);
    acc28_4 += dot(w28, x4);
    acc28_5 += dot(w28, x5);
    acc28_6 += dot(w28, x6);
    acc28_7 += dot(w28, x7);
    acc28_8 += dot(w28, x8);
    acc28_9 += dot(w28, x9);
    acc28_10 += dot(w28, x10);
    acc28_11 += dot(w28, x11);
    acc28_12 += dot(w28, x12);
    acc28_13 += dot(w28, x13);
    acc28_14 += dot(w28, x14);
    acc28_15 += dot(w28, x15);
    acc28_16 += dot(w28, x16);
    acc28_17 += dot(w28, x17);
    acc28_18 += dot(w28, x18);
    acc28_19 += dot(w28, x19);
    acc28_20 += dot(w28, x20);
    acc28_21 += dot(w28, x21);
    acc28_22 += dot(w28, x22);
    acc28_23 += dot(w28, x23);
    acc28_24 += dot(w28, x24);
    acc28_25 += dot(w28, x25);
    acc28_26 += dot(w28, x26);
    acc28_27 += dot(w28, x27);
    acc28_28 += dot(w28, x28);
    acc28_29 += dot(w28, x29);
    acc28_30 += dot(w28, x30);
    acc28_31 += dot(w28, x31);
    let w29 = w[wo29 + i];
    acc29_0 += dot(w29, x0);
    acc29_1 += dot(w29, x1);
    acc29_2 += dot(w29, x2);
    acc29_3 += dot(w29, x3);
    acc29_4 += dot(w29, x4);
    acc29_5 += dot(w29, x5);
    acc29_6 += dot(w29, x6);
    acc29_7 += dot(w29, x7);
    acc29_8 += dot(w29, x8);
    acc29_9 += dot(w29, x9);
    acc29_10 += dot(w29, x10);
    acc29_11 += dot(w29, x11);
    acc29_12 += dot(w29, x12);
    acc29_13 += dot(w29, x13);
    acc29_14 += dot(w29, x14);
    acc29_15 += dot(w29, x15);
    acc29_16 += dot(w29, x16);
    acc29_17 += dot(w29, x17);
    acc29_18 += dot(w29, x18);
    acc29_19 += dot(w29, x19);
    acc29_20 += dot(w29, x20);
    acc29_21 += dot(w29, x21);
    acc29_22 += dot(w29, x22);
    acc29_23 += dot(w29, x23);
    acc29_24 += dot(w29, x24);
    acc29_25 += dot(w29, x25);
    acc29_26 += dot(w29, x26);
    acc29_27 += dot(w29, x27);
    acc29_28 += dot(w29, x28);
    acc29_29 += dot(w29, x29);
    acc29_30 += dot(w29, x30);
    acc29_31 += dot(w29, x31);
    let w30 = w[wo30 + i];
    acc30_0 += dot(w30, x0);
    acc30_1 += dot(w30, x1);
    acc30_2 += dot(w30, x2);
    acc30_3 += dot(w30, x3);
    acc30_4 += dot(w30, x4);
    acc30_5 += dot(w30, x5);
    acc30_6 += dot(w30, x6);
    acc30_7 += dot(w30, x7);
    acc30_8 += dot(w30, x8);
    acc30_9 += dot(w30, x9);
    acc30_10 += dot(w30, x10);
    acc30_11 += dot(w30, x11);
    acc30_12 += dot(w30, x12);
    acc30_13 += dot(w30, x13);
    acc30_14 += dot(w30, x14);
    acc30_15 += dot(w30, x15);
    acc30_16 += dot(w30, x16);
    acc30_17 += dot(w30, x17);
    acc30_18 += dot(w30, x18);
    acc30_19 += dot(w30, x19);
    acc30_20 += dot(w30, x20);
    acc30_21 += dot(w30, x21);
    acc30_22 += dot(w30, x22);
    acc30_23 += dot(w30, x23);
    acc30_24 += dot(w30, x24);
    acc30_25 += dot(w30, x25);
    acc30_26 += dot(w30, x26);
    acc30_27 += dot(w30, x27);
    acc30_28 += dot(w30, x28);
    acc30_29 += dot(w30, x29);
    acc30_30 += dot(w30, x30);
    acc30_31 += dot(w30, x31);
    let w31 = w[wo31 + i];
    acc31_0 += dot(w31, x0);
    acc31_1 += dot(w31, x1);
    acc31_2 += dot(w31, x2);
    acc31_3 += dot(w31, x3);
    acc31_4 += dot(w31, x4);
    acc31_5 += dot(w31, x5);
    acc31_6 += dot(w31, x6);
    acc31_7 += dot(w31, x7);
    acc31_8 += dot(w31, x8);
    acc31_9 += dot(w31, x9);
    acc31_10 += dot(w31, x10);
    acc31_11 += dot(w31, x11);
    acc31_12 += dot(w31, x12);
    acc31_13 += dot(w31, x13);
    acc31_14 += dot(w31, x14);
    acc31_15 += dot(w31, x15);
    acc31_16 += dot(w31, x16);
    acc31_17 += dot(w31, x17);
    acc31_18 += dot(w31, x18);
    acc31_19 += dot(w31, x19);
    acc31_20 += dot(w31, x20);
    acc31_21 += dot(w31, x21);
    acc31_22 += dot(w31, x22);
    acc31_23 += dot(w31, x23);
    acc31_24 += dot(w31, x24);
    acc31_25 += dot(w31, x25);
    acc31_26 += dot(w31, x26);
    acc31_27 += dot(w31, x27);
    acc31_28 += dot(w31, x28);
    acc31_29 += dot(w31, x29);
    acc31_30 += dot(w31, x30);
    acc31_31 += dot(w31, x31);
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 4u * WG + lid] = acc4_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 5u * WG + lid] = acc5_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 6u * WG + lid] = acc6_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 7u * WG + lid] = acc7_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 8u * WG + lid] = acc8_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 9u * WG + lid] = acc9_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 10u * WG + lid] = acc10_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 11u * WG + lid] = acc11_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 12u * WG + lid] = acc12_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 13u * WG + lid] = acc13_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 14u * WG + lid] = acc14_31;
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
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 15u * WG + lid] = acc15_31;
    }
  }
  if (row0 + 16u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 16u * WG + lid] = acc16_31;
    }
  }
  if (row0 + 17u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 17u * WG + lid] = acc17_31;
    }
  }
  if (row0 + 18u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 18u * WG + lid] = acc18_31;
    }
  }
  if (row0 + 19u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 19u * WG + lid] = acc19_31;
    }
  }
  if (row0 + 20u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 20u * WG + lid] = acc20_31;
    }
  }
  if (row0 + 21u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 21u * WG + lid] = acc21_31;
    }
  }
  if (row0 + 22u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 22u * WG + lid] = acc22_31;
    }
  }
  if (row0 + 23u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 23u * WG + lid] = acc23_31;
    }
  }
  if (row0 + 24u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 24u * WG + lid] = acc24_31;
    }
  }
  if (row0 + 25u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 25u * WG + lid] = acc25_31;
    }
  }
  if (row0 + 26u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 26u * WG + lid] = acc26_31;
    }
  }
  if (row0 + 27u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 27u * WG + lid] = acc27_31;
    }
  }
  if (row0 + 28u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 28u * WG + lid] = acc28_31;
    }
  }
  if (row0 + 29u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 29u * WG + lid] = acc29_31;
    }
  }
  if (row0 + 30u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 30u * WG + lid] = acc30_31;
    }
  }
  if (row0 + 31u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_7;
    }
    if (t0 + 8u < p.T) {
      out[(t0 + 8u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_8;
    }
    if (t0 + 9u < p.T) {
      out[(t0 + 9u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_9;
    }
    if (t0 + 10u < p.T) {
      out[(t0 + 10u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_10;
    }
    if (t0 + 11u < p.T) {
      out[(t0 + 11u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_11;
    }
    if (t0 + 12u < p.T) {
      out[(t0 + 12u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_12;
    }
    if (t0 + 13u < p.T) {
      out[(t0 + 13u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_13;
    }
    if (t0 + 14u < p.T) {
      out[(t0 + 14u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_14;
    }
    if (t0 + 15u < p.T) {
      out[(t0 + 15u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_15;
    }
    if (t0 + 16u < p.T) {
      out[(t0 + 16u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_16;
    }
    if (t0 + 17u < p.T) {
      out[(t0 + 17u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_17;
    }
    if (t0 + 18u < p.T) {
      out[(t0 + 18u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_18;
    }
    if (t0 + 19u < p.T) {
      out[(t0 + 19u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_19;
    }
    if (t0 + 20u < p.T) {
      out[(t0 + 20u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_20;
    }
    if (t0 + 21u < p.T) {
      out[(t0 + 21u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_21;
    }
    if (t0 + 22u < p.T) {
      out[(t0 + 22u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_22;
    }
    if (t0 + 23u < p.T) {
      out[(t0 + 23u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_23;
    }
    if (t0 + 24u < p.T) {
      out[(t0 + 24u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_24;
    }
    if (t0 + 25u < p.T) {
      out[(t0 + 25u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_25;
    }
    if (t0 + 26u < p.T) {
      out[(t0 + 26u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_26;
    }
    if (t0 + 27u < p.T) {
      out[(t0 + 27u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_27;
    }
    if (t0 + 28u < p.T) {
      out[(t0 + 28u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_28;
    }
    if (t0 + 29u < p.T) {
      out[(t0 + 29u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_29;
    }
    if (t0 + 30u < p.T) {
      out[(t0 + 30u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_30;
    }
    if (t0 + 31u < p.T) {
      out[(t0 + 31u) * p.outStride + p.colOffset + row0 + 31u * WG + lid] = acc31_31;
    }
  }
}
