// kernel rmsnorm_frozen_wg64
// entry point main
// constants {"WG":64}

// RMSNorm with its scale frozen (attribution graphs, sae/attribution_graph.ts):
// out[t, h] (+)= weight[h] * y[t, h] * r[t], r = 1 / sqrt(mean(x[t]^2) + eps)
// taken from the forward's input x, one workgroup per row. With y = x this is
// the forward norm; with y a gradient it is the norm's backward when r is held
// constant (the Jacobian is then diagonal, so forward and backward are the
// same product). With p.accumulate = 1 the row is added to out. out must not
// alias x or y.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  H: u32,
  eps: f32,
  accumulate: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;          // [T, H] the forward's input
@group(0) @binding(2) var<storage, read> weight: array<f32>;     // [H]
@group(0) @binding(3) var<storage, read> y: array<f32>;          // [T, H] what is scaled
@group(0) @binding(4) var<storage, read_write> out: array<f32>;  // [T, H]

override WG: u32 = 64; // a power of two, for the tree reduction

var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // Folded grid (grid.ts), as in the forward kernel.
  let t = wid.x + wid.y * nwg.x;
  if (t >= p.T) {
    return;
  }
  let base = t * p.H;
  var s = 0.0;
  for (var h = lid; h < p.H; h += WG) {
    let v = x[base + h];
    s += v * v;
  }
  partial[lid] = s;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      partial[lid] += partial[lid + half];
    }
    workgroupBarrier();
  }
  let r = 1.0 / sqrt(partial[0] / f32(p.H) + p.eps);
  for (var h = lid; h < p.H; h += WG) {
    let i = base + h;
    let d = weight[h] * y[i] * r;
    out[i] = select(d, out[i] + d, p.accumulate != 0u);
  }
}
