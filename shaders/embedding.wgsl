// Embedding gather for one row chunk of the table: out[t, h] = table[tokens[t], h]
// for the tokens whose id falls in [rowStart, rowStart + rows). Other tokens are
// left to the dispatches of the chunks that hold them, and are never read here.
// The table is f32 or block-quantized: embedding.ts supplies its bindings and
// `element(row, h)`, which reads (and dequantizes) one value of a chunk row.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> tokens: array<u32>;    // [T]
{{TABLE}}

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.T * p.H) {
    return;
  }
  let t = i / p.H;
  let h = i % p.H;
  // Unsigned wrap-around makes ids below rowStart huge, so one compare rejects both sides.
  let row = tokens[t] - p.rowStart;
  if (row < p.rows) {
    out[i] = element(row, h);
  }
}
