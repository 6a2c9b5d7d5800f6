// The cheap steering path's last step (sae_steer.wgsl gathers f0 and f1,
// sae_edit.wgsl edits f1): x[t, :] += sum over the list of (f1 - f0)[t, slot] *
// W_dec[feature, :], reading one W_dec row per edited feature. Its own module
// so that a quantized W_dec's scales can take binding 5 (sae_weight.wgsl).

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f0: array<f32>;        // [T, E] features as encoded
@group(0) @binding(2) var<storage, read> f1: array<f32>;        // [T, E] features as edited
@group(0) @binding(3) var<storage, read_write> x: array<f32>;   // [T, K]
@group(0) @binding(4) var<storage, read> w: array<{{W_TYPE}}>;  // W_dec chunk [rows, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn apply(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let k = wid.x * WG + lid;
  let t = wid.y;
  if (k >= p.K || t >= p.T) { return; }
  var s = 0.0;
  for (var e = 0u; e < p.count; e++) {
    let item = p.list[e];
    let d = f1[t * p.E + item.x] - f0[t * p.E + item.x];
    s += d * w_at(item.y, k, p.K);
  }
  x[t * p.K + k] += s;
}
