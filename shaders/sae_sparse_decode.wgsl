// Sparse SAE decoder from per-token (index, value) lists, e.g. top-k features,
// over one row chunk of W_dec [d_sae, d_in]: each listed feature costs one
// contiguous row read instead of a pass over all d_sae rows.
//   out[t, i] = (first ? bias * b_dec[i] : out[t, i])
//             + sum_s val[t, s] * w[idx[t, s] - rowStart, i]   for idx in this chunk
// Features outside the chunk are left to the dispatch of their own chunk.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> idx: array<u32>;       // [T, k]
@group(0) @binding(2) var<storage, read> val: array<f32>;       // [T, k]
@group(0) @binding(3) var<storage, read> w: array<{{W_TYPE}}>;   // [rows, N] (sae_weight.wgsl)
@group(0) @binding(4) var<storage, read> b_dec: array<f32>;     // [N]
@group(0) @binding(5) var<storage, read_write> out: array<f32>; // [T, N]

override WG: u32 = 64;

// One workgroup per (block of WG outputs, token): every thread of a group walks
// the same list, so the index and value loads are uniform and the row loads
// are contiguous across the group.
@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let n = wid.x * WG + lid;
  let t = wid.y;
  if (n >= p.N || t >= p.T) {
    return;
  }
  let o = t * p.N + n;
  var s = 0.0;
  if (p.first == 0u) {
    s = out[o];
  } else if (p.bias == 1u) {
    s = b_dec[n];
  }
  for (var e = 0u; e < p.k; e++) {
    let j = idx[t * p.k + e];
    if (j >= p.rowStart && j - p.rowStart < p.rows) {
      s += val[t * p.k + e] * w_at(j - p.rowStart, n, p.N);
    }
  }
  out[o] = s;
}
