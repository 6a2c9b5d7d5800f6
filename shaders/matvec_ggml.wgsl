// Decode-path matrix-vector product over one row chunk of a GGML block matrix
// (engine/quant/block_matrix.ts), dequantized in registers:
//   out[colOffset + n] = sum_k w(n, k) * x[k]   for n < rows, k < K.
// The work is cut in 32-value groups (a Q4_1/Q5_x block, a K-type sub-block):
// per group a thread loads that group of x once and, for each of its ROWS
// rows, decodes the group with the type's ggml_group (its scale and min
// decoded once per group; the block's head read once per block) and
// multiplies. Two splits as matvec_quant.wgsl (matvec_ggml.ts): "k", threads
// sharing ROWS rows and taking groups strided by WG, summed in workgroup
// memory; "rows", each thread owning ROWS rows and walking all blocks. Rows
// past the chunk end re-read the last row. Only the ceil(K / 32) groups
// holding x are read (ggml_codegen.ts groupLoop): a Loupe-quantized row's
// zero padding past K is never touched. As a stream kernel (the bench's
// ceiling) x is the constant 1 and not bound.
//
// Hooks (matvec_ggml.ts): ROWS_PER_GROUP (split); X_DECL, X_LOAD (x's binding
// and loaders, ggml_codegen.ts); PARTIAL, STORE (reduction); ACC, LOOP (the
// unrolled per-row work).

const ROWS: u32 = {{ROWS}}u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<W>;           // [rows, unitsPerRow]
@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [N]
{{X_DECL}}

override WG: u32 = 32; // threads per workgroup

{{PARTIAL}}{{X_LOAD}}

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // The grid is folded into y (grid.ts) when the workgroup count > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * {{ROWS_PER_GROUP}};
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
{{ACC}}
{{LOOP}}
{{STORE}}
}
