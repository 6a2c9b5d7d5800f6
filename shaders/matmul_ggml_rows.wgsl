// Prefill-path matrix product over one row chunk of a GGML block matrix:
//   out[t, colOffset + n] = sum_k x[t, k] * w(n, k)
// matvec_ggml's "rows" split with a token dimension: each thread owns ROWS
// rows (r * WG + lid) and TT tokens (t0 + j), walks the 32-value groups of K,
// loads each token's x group once for all its rows and decodes each row's
// group once (ggml_group) for all its tokens, keeping ROWS x TT accumulators.
// No workgroup memory and no barrier. Used on every adapter (matmul_ggml_rows.ts
// says why). Rows past the chunk end and tokens past T re-read the last one and
// are not stored.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<{{X}}>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<W>;           // [rows, unitsPerRow]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

{{X_LOAD}}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = wid.x * {{ROWS}}u * WG;
  let t0 = wid.y * {{TT}}u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
{{ACC}}
{{LOOP}}
{{STORE}}
}
