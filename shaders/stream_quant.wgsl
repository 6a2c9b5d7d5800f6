// Bandwidth ceiling of a block-quantized format: reads every code and scale of
// a [rows, blocks] matrix once in matvec_quant.wgsl's access pattern (either
// split: threads sharing ROWS rows and taking blocks strided along them, or
// each thread owning ROWS rows; codes loaded as the same word vectors) and dequantizes and sums them with the same
// code as matvec_quant (stream.ts unrolls it from the same pieces), minus x:
// the in-place codes are multiplied by their power-of-two constants instead of
// pre-scaled x, and q4's offset is 8 * BLOCK instead of 8 * sum(x). The most a
// matvec of this format could reach on this adapter.

const ROWS: u32 = {{ROWS}}u;

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<{{WV}}>;      // [rows, wordsPerRow / width]
@group(0) @binding(2) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [threads]

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
  let last = p.rows - 1u;
  let wpv = p.wordsPerRow / {{WORDS}}u;
  var acc = 0.0;
  for (var b = {{B0}}; b < p.blocksPerRow; b += {{BSTEP}}) {
{{MAIN}}
  }
  out[g * WG + lid] = acc;
}
