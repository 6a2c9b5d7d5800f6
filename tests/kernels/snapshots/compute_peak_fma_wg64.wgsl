// kernel compute_peak_fma_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Compute ceiling: multiply-add throughput with no memory traffic. Each thread
// runs CHAINS independent chains a = a * m + c on vec4f for p.iterations steps
// (CHAINS * 4 * 2 flops per step) and writes one sum so that nothing can be
// optimized away; m and c come from the uniform, so the compiler cannot fold
// the loop. The chains are independent so that the adapter's pipelines (or
// llvmpipe's SIMD lanes) are not waiting on one another's latency.
// out: [threads].

const CHAINS: u32 = 8u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  threads: u32,
  iterations: u32,
  mul: f32,
  add: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.threads) {
    return;
  }
  let x = f32(i % 64u) * 0.015625;
  var a: array<vec4f, CHAINS>;
  for (var j = 0u; j < CHAINS; j++) {
    a[j] = vec4f(x, x + 0.25, x + 0.5, x + 0.75) + f32(j) * 0.125;
  }
  let m = vec4f(p.mul);
  let c = vec4f(p.add);
  for (var k = 0u; k < p.iterations; k++) {
    a[0] = a[0] * m + c;
    a[1] = a[1] * m + c;
    a[2] = a[2] * m + c;
    a[3] = a[3] * m + c;
    a[4] = a[4] * m + c;
    a[5] = a[5] * m + c;
    a[6] = a[6] * m + c;
    a[7] = a[7] * m + c;
  }
  var s = vec4f(0.0);
  for (var j = 0u; j < CHAINS; j++) {
    s += a[j];
  }
  out[i] = dot(s, vec4f(1.0));
}
