// kernel rope_halves_table_positions_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Rotary position embedding, in place, HF's rotate-half pairing: dims i and
// i + half of every head rotate together by the angle of (position_start + t, i),
// whose (cos, sin) come from a table built on the CPU (engine/model/rope.ts).
// One invocation per (t, head, i).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  pairs: u32,
  half: u32,
  n_heads: u32,
  position_start: u32,
}

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
  let cs = table[positions[t] * p.half + i];
  let j = row * 2u * p.half + i;
  let x1 = x[j];
  let x2 = x[j + p.half];
  x[j] = x1 * cs.x - x2 * cs.y;
  x[j + p.half] = x2 * cs.x + x1 * cs.y;
}

// Row t sits at positions[t] (batched prompts restart at 0), not position_start + t.
@group(0) @binding(3) var<storage, read> positions: array<u32>; // [T]
