// kernel swiglu_backward_wg256
// entry point main
// constants {"WG":256}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// SwiGLU backward: act = silu(gate) * up, so with s = sigmoid(gate)
//   d_up   = d_act * silu(gate)
//   d_gate = d_act * up * s * (1 + gate * (1 - s))
// sigmoid from exp(-|gate|) as in swiglu.wgsl: nothing overflows.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> gate: array<f32>;           // [T, intermediate]
@group(0) @binding(2) var<storage, read> up: array<f32>;             // [T, intermediate]
@group(0) @binding(3) var<storage, read> d_act: array<f32>;          // [T, intermediate]
@group(0) @binding(4) var<storage, read_write> d_gate: array<f32>;   // [T, intermediate]
@group(0) @binding(5) var<storage, read_write> d_up: array<f32>;     // [T, intermediate]

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.n) {
    return;
  }
  let g = gate[i];
  let e = exp(-abs(g));
  let s = select(e / (1.0 + e), 1.0 / (1.0 + e), g >= 0.0);
  let d = d_act[i];
  d_up[i] = d * g * s;
  d_gate[i] = d * up[i] * s * (1.0 + g * (1.0 - s));
}
