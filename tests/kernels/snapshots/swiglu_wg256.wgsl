// kernel swiglu_wg256
// entry point main
// constants {"WG":256}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// SwiGLU gate of the Llama MLP: out = silu(gate) * up, silu(x) = x * sigmoid(x).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> gate: array<f32>;      // [T, intermediate]
@group(0) @binding(2) var<storage, read> up: array<f32>;        // [T, intermediate]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, intermediate]

override WG: u32 = 256;

// x / (1 + exp(-x)) overflows exp for x < -88, and WGSL leaves a non-finite
// result indeterminate (not necessarily inf, so not necessarily x / inf = 0).
// exp(-|x|) is always in [0, 1]: nothing overflows, and a large negative x
// gives x * (tiny or 0) -> 0. A gate of -inf still gives NaN (-inf * 0): that
// is an upstream bug, and this kernel does not hide it.
fn silu(x: f32) -> f32 {
  let e = exp(-abs(x));
  let sigmoid = select(e / (1.0 + e), 1.0 / (1.0 + e), x >= 0.0);
  return x * sigmoid;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i < p.n) {
    out[i] = silu(gate[i]) * up[i];
  }
}
