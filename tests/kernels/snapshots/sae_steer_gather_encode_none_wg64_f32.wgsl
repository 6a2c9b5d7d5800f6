// kernel sae_steer_gather_encode_none_wg64_f32
// entry point gather_encode
// constants {"WG":64,"ACT":0}

// The cheap steering path, x' = x + W_dec^T (f' - f) over the edited features
// only, which is algebraically the seed's decode(f') + (x - decode(f)) without
// the two dense decodes and the full encode. The edited features are known on
// the CPU, so they travel in the uniforms as (slot, row in this chunk, feature)
// triples, at most MAX_LIST per dispatch:
//   gather_encode: f0[t, slot] = f1[t, slot] = act(x[t] . W_enc[feature] + b_enc[feature])
//   gather_dense:  f0[t, slot] = f1[t, slot] = dense[t, feature]   (TopK SAEs,
//                  whose activation needs every feature of the token)
// Between gather and apply, sae_edit.wgsl rewrites f1, and
// sae_steer_apply.wgsl adds x[t, :] += sum over the list of (f1 - f0)[t, slot] * W_dec[feature, :].

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  E: u32,
  count: u32,
  center: u32,
  dense_stride: u32,
  list: array<vec4u, 16>,
}

@group(0) @binding(0) var<uniform> p: Params;
// Recorder.dispatch binds buffers at 1..n in order, so each entry point uses
// a prefix: gather_dense 1-3 (binding 3 holds the dense features there),
// gather_encode 1-7, then 8 for the scales of a quantized W_enc.
@group(0) @binding(1) var<storage, read_write> f0: array<f32>;  // [T, E] features as encoded
@group(0) @binding(2) var<storage, read_write> f1: array<f32>;  // [T, E] features as edited
@group(0) @binding(3) var<storage, read_write> x: array<f32>;   // [T, K]; gather_dense: [T, d_sae]
@group(0) @binding(4) var<storage, read> w: array<f32>;   // W_enc chunk [rows, K] (sae_weight.wgsl)
@group(0) @binding(5) var<storage, read> b_enc: array<f32>;     // [d_sae]
@group(0) @binding(6) var<storage, read> threshold: array<f32>; // [d_sae]
@group(0) @binding(7) var<storage, read> b_dec: array<f32>;     // [K]

override ACT: u32 = 1u; // as sae_encode.wgsl: 0 none, 1 ReLU, 2 JumpReLU
override WG: u32 = 64;  // a power of two, for the tree reduction

var<workgroup> partial: array<f32, WG>;

fn activate(v: f32, j: u32) -> f32 {
  if (ACT == 1u) {
    return max(v, 0.0);
  }
  if (ACT == 2u) {
    return select(0.0, max(v, 0.0), v > threshold[j]);
  }
  return v;
}

fn token_of(wid: vec3u, nwg: vec3u) -> u32 {
  return wid.x + wid.y * nwg.x;
}

@compute @workgroup_size(WG)
fn gather_encode(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let t = token_of(wid, nwg);
  if (t >= p.T) { return; }
  let c = f32(p.center);
  for (var e = 0u; e < p.count; e++) {
    let item = p.list[e];
    var s = 0.0;
    for (var k = lid; k < p.K; k += WG) {
      s += (x[t * p.K + k] - c * b_dec[k]) * w_at(item.y, k, p.K);
    }
    partial[lid] = s;
    workgroupBarrier();
    for (var half = WG / 2u; half > 0u; half >>= 1u) {
      if (lid < half) {
        partial[lid] += partial[lid + half];
      }
      workgroupBarrier();
    }
    if (lid == 0u) {
      let f = activate(partial[0] + b_enc[item.z], item.z);
      f0[t * p.E + item.x] = f;
      f1[t * p.E + item.x] = f;
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(WG)
fn gather_dense(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= p.T * p.count) { return; }
  let t = i / p.count;
  let item = p.list[i % p.count];
  let f = x[t * p.dense_stride + item.z];
  f0[t * p.E + item.x] = f;
  f1[t * p.E + item.x] = f;
}

fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  return w[r * cols + k];
}
