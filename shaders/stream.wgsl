// Bandwidth ceilings: read every value of a matrix once, in the access pattern
// of the matching matvec kernel, and sum; no x, no multiply. One partial sum
// per thread is written so that the reads cannot be optimized away. stream.ts
// fills in the matrix's bindings and the loop that sums a thread's share (SUM,
// leaving it in `s`):
//   f32: matvec.wgsl's pattern (ROWS rows per workgroup, lanes strided along
//        the rows, ROWS independent loads in flight);
//   q8/q4: matvec_quant.wgsl's (either split: threads sharing ROWS rows and
//        taking blocks strided along them, or each thread owning ROWS rows;
//        codes loaded as the same word vectors), dequantized with the same
//        code as matvec_quant minus x: the in-place codes are multiplied by
//        their power-of-two constants instead of pre-scaled x, and q4's offset
//        is 8 * BLOCK instead of 8 * sum(x). The most a matvec of this format
//        could reach on this adapter.

const ROWS: u32 = {{ROWS}}u;

@group(0) @binding(0) var<uniform> p: Params;
{{MATRIX}}

override WG: u32 = 8;

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let g = wid.x + wid.y * nwg.x;
  let row0 = g * {{ROWS_PER_GROUP}};
  if (row0 >= p.rows) {
    return;
  }
{{SUM}}
  out[g * WG + lid] = s;
}
