// Dense SAE decoder over one row chunk of W_dec [d_sae, d_in] (one row per
// feature, the layout sparse decoding and steering need), i.e. out = f @ W_dec
// with the reduction running over this chunk's features:
//   first chunk:  out[t, i] = alpha * (sum_j f[t, jOffset + j] * w[j, i] + b_dec[i]) + res[t, i]
//   later chunks: out[t, i] += alpha * sum_j f[t, jOffset + j] * w[j, i]
// alpha = 1, no res: the reconstruction; alpha = -1, res = x: the reconstruction
// error x - decode(f); alpha = 1, res = error: the seed's steering decode(f') + err.
// Tiled by tiled_matmul.wgsl (sae_decode.ts fills it in), with features as the
// reduction and W staged along its rows (k-major already), so the loads of both
// f and W are contiguous.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;         // [T, d_sae]
@group(0) @binding(2) var<storage, read> w: array<{{W_TYPE}}>;   // [J, N] (sae_weight.wgsl)
@group(0) @binding(3) var<storage, read> b_dec: array<f32>;     // [N]
@group(0) @binding(4) var<storage, read> res: array<f32>;       // [T, N] when useRes
@group(0) @binding(5) var<storage, read_write> out: array<f32>; // [T, N]

override BK: u32 = 16; // features staged per step

// One token (T = 1): a thread per output column walks rows [jBegin, jEnd) of
// the chunk (at most 16,384 per dispatch: llvmpipe's loop cap),
// skipping features that are zero (most of them, for a sparse SAE), so a row
// is read only for an active feature and no tile of 32 tokens sits 31/32 idle.
// Reads along a row are contiguous across the workgroup.
@compute @workgroup_size(64)
fn one_token(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let n = gid.x + gid.y * nwg.x * 64u;
  if (n >= p.N) {
    return;
  }
  var s = 0.0;
  for (var j = p.jBegin; j < p.jEnd; j++) {
    let v = f[p.jOffset + j];
    if (v != 0.0) {
      s += v * w_at(j, n, p.N);
    }
  }
  if (p.first == 1u) {
    var o = p.alpha * (s + b_dec[n]);
    if (p.useRes == 1u) {
      o += res[n];
    }
    out[n] = o;
  } else {
    out[n] += p.alpha * s;
  }
}
