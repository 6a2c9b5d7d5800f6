// Prefill-path matrix product for software adapters (llvmpipe, SwiftShader):
//   out[t, colOffset + n] = sum_k x[t, k] * w[n, k]   for one row chunk of w.
// Each thread owns ROWS rows (r * WG + lid) and TT tokens (t0 + j) and walks
// all of K in vec4 steps (scalars when K % 4 != 0): per step it loads each
// token's x group once for all its rows and each row's w group once for all
// its tokens, into ROWS x TT accumulators. No workgroup memory and no barrier
// (matmul_quant_rows.wgsl says why). Unrolled by matmul_rows.ts; rows past the
// chunk end and tokens past T re-read the last one and are not stored.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<{{X}}>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<{{X}}>;       // [rows, K / width(X)]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  // Token tiles along x: workgroups that run together (llvmpipe hands them
  // out in order) share one span of w rows, read once from memory for all.
  let row0 = wid.y * {{ROWS}}u * WG;
  let t0 = wid.x * {{TT}}u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let n = p.K / {{WIDTH}}u;
{{ACC}}
  for (var i = 0u; i < n; i++) {
{{STEP}}
  }
{{STORE}}
}
