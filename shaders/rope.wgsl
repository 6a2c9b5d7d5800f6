// Rotary position embedding, in place, HF's rotate-half pairing: dims i and
// i + half of every head rotate together by the angle of (position_start + t, i),
// whose (cos, sin) come from a table built on the CPU (engine/model/rope.ts).
// One invocation per (t, head, i).

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;    // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> table: array<vec2f>;   // [context, half] (cos, sin)

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let idx = flat_index(gid, nwg, WG);
  if (idx >= p.pairs) {
    return;
  }
  let i = idx % p.half;
  let row = idx / p.half;  // t * n_heads + head
  let t = row / p.n_heads;
  let cs = table[{{POSITION_OF_ROW}} * p.half + i];
  let j = row * 2u * p.half + i;
  let x1 = x[j];
  let x2 = x[j + p.half];
  x[j] = x1 * cs.x - x2 * cs.y;
  x[j + p.half] = x2 * cs.x + x1 * cs.y;
}
