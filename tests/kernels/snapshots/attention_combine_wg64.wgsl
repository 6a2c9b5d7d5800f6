// kernel attention_combine_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// The split attention's second pass (attention_split.ts): each (query, head)
// row's n_splits partials (m, l, acc[head_dim]), each over its own key range
// with its own running max m, become one softmax-weighted output:
//   M = max_s m_s,  out[d] = sum_s exp(m_s - M) acc_s[d] / sum_s exp(m_s - M) l_s.
// A split with no keys has m = NEG_BIG and l = acc = 0, so it weighs nothing.
// One thread per output element; its loops run n_splits times.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  rows: u32,
  head_dim: u32,
  n_splits: u32,
  row0: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> partial: array<f32>;    // [rows, n_splits, head_dim + 2]
@group(0) @binding(2) var<storage, read_write> out: array<f32>;  // [T, n_heads, head_dim]

override WG: u32 = 64;

const NEG_BIG: f32 = -3.0e38;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.rows * p.head_dim) {
    return;
  }
  let row = i / p.head_dim;
  let d = i % p.head_dim;
  let stride = p.head_dim + 2u;  // floats per partial
  let base = row * p.n_splits * stride;
  var m = NEG_BIG;
  for (var s = 0u; s < p.n_splits; s++) {
    m = max(m, partial[base + s * stride]);
  }
  var num = 0.0;
  var den = 0.0;
  for (var s = 0u; s < p.n_splits; s++) {
    let at = base + s * stride;
    let weight = exp(partial[at] - m);
    den += weight * partial[at + 1u];
    num += weight * partial[at + 2u + d];
  }
  out[(p.row0 + row) * p.head_dim + d] = num / den;
}
