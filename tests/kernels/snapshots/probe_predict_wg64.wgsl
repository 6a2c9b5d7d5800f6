// kernel probe_predict_wg64
// entry point main
// constants {"WG":64}

// A logistic probe's probability for each row of x, with the standardization
// applied on the fly (so the design matrix is never rewritten):
//   out[n] = sigmoid(b + sum_j w[j] * (x[n, j] - mean[j]) * inv_std[j])
//   x: [rows, d];  weights: [d + 1] = (w, b);  standardization: [2, d] = (mean, inv_std)
// Columns with w[j] = 0 are not read (a monitor's weights are sparse).
// One workgroup per row, a tree reduction in workgroup memory.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  rows: u32,
  d: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> weights: array<f32>;
@group(0) @binding(3) var<storage, read> standardization: array<f32>;
@group(0) @binding(4) var<storage, read_write> out: array<f32>;

override WG: u32 = 64;
var<workgroup> partial: array<f32, WG>;

// Either branch exponentiates a non-positive number: no overflow for any z.
fn sigmoid(z: f32) -> f32 {
  if (z >= 0.0) {
    return 1.0 / (1.0 + exp(-z));
  }
  let e = exp(z);
  return e / (1.0 + e);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = wid.x + wid.y * nwg.x;
  // Every invocation reaches the barriers below; rows past the end only skip the work.
  var s = 0.0;
  if (row < p.rows) {
    let base = row * p.d;
    for (var j = lid.x; j < p.d; j += WG) {
      let w = weights[j];
      if (w != 0.0) {
        s += w * (x[base + j] - standardization[j]) * standardization[p.d + j];
      }
    }
  }
  partial[lid.x] = s;
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step /= 2u) {
    if (lid.x < step) {
      partial[lid.x] += partial[lid.x + step];
    }
    workgroupBarrier();
  }
  if (lid.x == 0u && row < p.rows) {
    out[row] = sigmoid(weights[p.d] + partial[0]);
  }
}
