// kernel stream_f32_wg32_r4
// entry point main
// constants {"WG":32}

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

const ROWS: u32 = 4u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  rowLen: u32,
  rows: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> data: array<vec4f>;    // [rows, rowLen]
@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [threads]

override WG: u32 = 8;

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let g = wid.x + wid.y * nwg.x;
  let row0 = g * ROWS;
  if (row0 >= p.rows) {
    return;
  }
  var bases: array<u32, ROWS>;
  for (var r = 0u; r < ROWS; r++) {
    bases[r] = min(row0 + r, p.rows - 1u) * p.rowLen;
  }
  var acc: array<vec4f, ROWS>;
  for (var k = lid; k < p.rowLen; k += WG) {
    for (var r = 0u; r < ROWS; r++) {
      acc[r] += data[bases[r] + k];
    }
  }
  var s = 0.0;
  for (var r = 0u; r < ROWS; r++) {
    s += dot(acc[r], vec4f(1.0));
  }
  out[g * WG + lid] = s;
}
