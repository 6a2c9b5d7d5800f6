// kernel add_wg256
// entry point main
// constants {"WG":256}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Residual add, in place: x += y. x, y: [n].

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i < p.n) {
    x[i] = x[i] + y[i];
  }
}
