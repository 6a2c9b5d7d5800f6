// Per-feature statistics over tokens, accumulated across calls: for rows
// [row_start, T) of f, stats[0, j] += sum of f[t, j], stats[1, j] += sum of
// f[t, j]^2, stats[2, j] += the number of rows where f[t, j] > 0 (it fires).
// One invocation per feature: neighbouring invocations read neighbouring
// features of a row, and nothing is shared, so no barrier.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;            // [T, d]
@group(0) @binding(2) var<storage, read_write> stats: array<f32>;  // [3, d]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let j = flat_index(gid, nwg, WG);
  if (j >= p.d) {
    return;
  }
  var sum = 0.0;
  var sum_sq = 0.0;
  var fired = 0.0;
  for (var t = p.row_start; t < p.T; t++) {
    let v = f[t * p.d + j];
    sum += v;
    sum_sq += v * v;
    fired += select(0.0, 1.0, v > 0.0);
  }
  stats[j] += sum;
  stats[p.d + j] += sum_sq;
  stats[2u * p.d + j] += fired;
}
