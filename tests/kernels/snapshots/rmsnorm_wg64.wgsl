// kernel rmsnorm_wg64
// entry point main
// constants {"WG":64}

// RMSNorm with Hugging Face semantics, one workgroup per row:
//   out[t, :] = weight * (x[t, :] / sqrt(mean(x[t, :]^2) + eps))
// out must not alias x: x is read twice (sum of squares, then scaling).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  H: u32,
  eps: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, H]
@group(0) @binding(2) var<storage, read> weight: array<f32>;    // [H]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, H]

override WG: u32 = 64; // a power of two, for the tree reduction

var<workgroup> partial: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // Folded grid (grid.ts) for prompts longer than 65,535 tokens.
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
  // sqrt then divide rather than inverseSqrt: WGSL allows inverseSqrt 2 ULP.
  let inv = 1.0 / sqrt(partial[0] / f32(p.H) + p.eps);
  for (var h = lid; h < p.H; h += WG) {
    out[base + h] = weight[h] * (x[base + h] * inv);
  }
}
