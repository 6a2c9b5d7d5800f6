// kernel elementwise_wg256
// entry point main
// constants {"WG":256}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// out = alpha * a + beta * b + gamma * a * b, elementwise, for the Tensor API
// (add, sub, mul, scale, a vector broadcast over positions).
//   a:   [n] from element a_off
//   b:   [n] from element b_off, or [width] broadcast over rows when b_width > 0
//   out: [n]
// Offsets are in elements so that views of any row can be used without
// binding-offset alignment rules.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
  a_off: u32,
  b_off: u32,
  b_width: u32,
  alpha: f32,
  beta: f32,
  gamma: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.n) {
    return;
  }
  var j = i;
  if (p.b_width > 0u) {
    j = i % p.b_width;
  }
  let av = a[p.a_off + i];
  let bv = b[p.b_off + j];
  // Terms with a zero coefficient are skipped so that an unused operand's
  // NaN or Inf cannot leak in through 0 * Inf.
  var r = 0.0;
  if (p.alpha != 0.0) { r += p.alpha * av; }
  if (p.beta != 0.0) { r += p.beta * bv; }
  if (p.gamma != 0.0) { r += p.gamma * av * bv; }
  out[i] = r;
}
