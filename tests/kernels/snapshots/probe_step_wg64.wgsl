// kernel probe_step_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// One proximal-gradient (ISTA) step of L1-penalised logistic regression on
// the standardized design matrix, given the probabilities of this step
// (probe_predict.wgsl):
//   g[j] = inv_std[j] * sum_n (x[n, j] - mean[j]) (prob[n] - y[n]) / n     (j < d)
//   w[j] = soft_threshold(w[j] - lr g[j], lr l1)
//   b   -= lr * sum_n (prob[n] - y[n]) / n                              (j = d: the bias, no penalty)
//   x: [>= n, d] (rows [0, n) are the training set);  y, prob: [>= n]
//   weights: [d + 1] = (w, b);  standardization: [2, d] = (mean, inv_std)
// One invocation per weight (d + 1); each writes only its own, and the next
// step's probabilities are a later dispatch, so no barrier.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
  d: u32,
  lr: f32,
  l1: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> prob: array<f32>;
@group(0) @binding(4) var<storage, read> standardization: array<f32>;
@group(0) @binding(5) var<storage, read_write> weights: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let j = flat_index(gid, nwg, WG);
  if (j > p.d) {
    return;
  }
  var g = 0.0;
  if (j == p.d) {
    for (var n = 0u; n < p.n; n++) {
      g += prob[n] - y[n];
    }
    weights[j] -= p.lr * g / f32(p.n);
    return;
  }
  let inv_std = standardization[p.d + j];
  // A column left out (constant, or moderated) keeps weight 0.
  if (inv_std == 0.0) {
    weights[j] = 0.0;
    return;
  }
  let mean = standardization[j];
  for (var n = 0u; n < p.n; n++) {
    g += (x[n * p.d + j] - mean) * (prob[n] - y[n]);
  }
  let v = weights[j] - p.lr * inv_std * g / f32(p.n);
  let t = p.lr * p.l1;
  weights[j] = sign(v) * max(abs(v) - t, 0.0);
}
