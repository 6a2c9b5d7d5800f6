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

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<{{X}}>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<{{WV}}>;      // [rows, wordsPerRow / width(WV)]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = wid.x * {{ROWS}}u * WG;
  let t0 = wid.y * {{TT}}u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let full = p.K / {{BLOCK}}u;
{{ACC}}
  for (var b = 0u; b < full; b++) {
{{MAIN}}
  }
  // The partial last block (K not a multiple of BLOCK): x read with a guard.
  if (full * {{BLOCK}}u < p.K) {
    let b = full;
{{TAIL}}
  }
{{STORE}}
}
