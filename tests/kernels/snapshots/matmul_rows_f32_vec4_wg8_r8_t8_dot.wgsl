// kernel matmul_rows_f32_vec4_wg8_r8_t8_dot
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
  let row0 = wid.y * 8u * WG;
  let t0 = wid.x * 8u;
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
  let wo0 = min(row0 + 0u * WG + lid, last) * n;
  let wo1 = min(row0 + 1u * WG + lid, last) * n;
  let wo2 = min(row0 + 2u * WG + lid, last) * n;
  let wo3 = min(row0 + 3u * WG + lid, last) * n;
  let wo4 = min(row0 + 4u * WG + lid, last) * n;
  let wo5 = min(row0 + 5u * WG + lid, last) * n;
  let wo6 = min(row0 + 6u * WG + lid, last) * n;
  let wo7 = min(row0 + 7u * WG + lid, last) * n;
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
  for (var i = 0u; i < n; i++) {
    let x0 = x[xo0 + i];
    let x1 = x[xo1 + i];
    let x2 = x[xo2 + i];
    let x3 = x[xo3 + i];
    let x4 = x[xo4 + i];
    let x5 = x[xo5 + i];
    let x6 = x[xo6 + i];
    let x7 = x[xo7 + i];
    let w0 = w[wo0 + i];
    acc0_0 += dot(w0, x0);
    acc0_1 += dot(w0, x1);
    acc0_2 += dot(w0, x2);
    acc0_3 += dot(w0, x3);
    acc0_4 += dot(w0, x4);
    acc0_5 += dot(w0, x5);
    acc0_6 += dot(w0, x6);
    acc0_7 += dot(w0, x7);
    let w1 = w[wo1 + i];
    acc1_0 += dot(w1, x0);
    acc1_1 += dot(w1, x1);
    acc1_2 += dot(w1, x2);
    acc1_3 += dot(w1, x3);
    acc1_4 += dot(w1, x4);
    acc1_5 += dot(w1, x5);
    acc1_6 += dot(w1, x6);
    acc1_7 += dot(w1, x7);
    let w2 = w[wo2 + i];
    acc2_0 += dot(w2, x0);
    acc2_1 += dot(w2, x1);
    acc2_2 += dot(w2, x2);
    acc2_3 += dot(w2, x3);
    acc2_4 += dot(w2, x4);
    acc2_5 += dot(w2, x5);
    acc2_6 += dot(w2, x6);
    acc2_7 += dot(w2, x7);
    let w3 = w[wo3 + i];
    acc3_0 += dot(w3, x0);
    acc3_1 += dot(w3, x1);
    acc3_2 += dot(w3, x2);
    acc3_3 += dot(w3, x3);
    acc3_4 += dot(w3, x4);
    acc3_5 += dot(w3, x5);
    acc3_6 += dot(w3, x6);
    acc3_7 += dot(w3, x7);
    let w4 = w[wo4 + i];
    acc4_0 += dot(w4, x0);
    acc4_1 += dot(w4, x1);
    acc4_2 += dot(w4, x2);
    acc4_3 += dot(w4, x3);
    acc4_4 += dot(w4, x4);
    acc4_5 += dot(w4, x5);
    acc4_6 += dot(w4, x6);
    acc4_7 += dot(w4, x7);
    let w5 = w[wo5 + i];
    acc5_0 += dot(w5, x0);
    acc5_1 += dot(w5, x1);
    acc5_2 += dot(w5, x2);
    acc5_3 += dot(w5, x3);
    acc5_4 += dot(w5, x4);
    acc5_5 += dot(w5, x5);
    acc5_6 += dot(w5, x6);
    acc5_7 += dot(w5, x7);
    let w6 = w[wo6 + i];
    acc6_0 += dot(w6, x0);
    acc6_1 += dot(w6, x1);
    acc6_2 += dot(w6, x2);
    acc6_3 += dot(w6, x3);
    acc6_4 += dot(w6, x4);
    acc6_5 += dot(w6, x5);
    acc6_6 += dot(w6, x6);
    acc6_7 += dot(w6, x7);
    let w7 = w[wo7 + i];
    acc7_0 += dot(w7, x0);
    acc7_1 += dot(w7, x1);
    acc7_2 += dot(w7, x2);
    acc7_3 += dot(w7, x3);
    acc7_4 += dot(w7, x4);
    acc7_5 += dot(w7, x5);
    acc7_6 += dot(w7, x6);
    acc7_7 += dot(w7, x7);
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
