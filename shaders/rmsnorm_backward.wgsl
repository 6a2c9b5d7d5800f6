// RMSNorm backward with respect to its input (the weight is frozen), one
// workgroup per row. With r = 1 / sqrt(mean(x^2) + eps), y = weight * x * r:
//   dx[h] = r * g[h] - x[h] * r^3 * (sum_j g[j] x[j]) / H,   g = dy * weight
// With p.accumulate = 1 the row is added to dx (a residual stream's gradient
// collecting its branches); with 0 it overwrites it. dx must not alias x or dy.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;        // [T, H] the forward's input
@group(0) @binding(2) var<storage, read> weight: array<f32>;   // [H]
@group(0) @binding(3) var<storage, read> dy: array<f32>;       // [T, H] gradient of the output
@group(0) @binding(4) var<storage, read_write> dx: array<f32>;  // [T, H]

override WG: u32 = 64; // a power of two, for the tree reduction

// (sum x^2, sum g x) per thread, then per row.
var<workgroup> partial: array<vec2f, WG>;

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
  var s = vec2f(0.0);
  for (var h = lid; h < p.H; h += WG) {
    let v = x[base + h];
    s += vec2f(v * v, dy[base + h] * weight[h] * v);
  }
  partial[lid] = s;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      partial[lid] += partial[lid + half];
    }
    workgroupBarrier();
  }
  let r = 1.0 / sqrt(partial[0].x / f32(p.H) + p.eps);
  let c = r * r * r * partial[0].y / f32(p.H);
  for (var h = lid; h < p.H; h += WG) {
    let i = base + h;
    let d = r * (dy[i] * weight[h]) - x[i] * c;
    dx[i] = select(d, dx[i] + d, p.accumulate != 0u);
  }
}
