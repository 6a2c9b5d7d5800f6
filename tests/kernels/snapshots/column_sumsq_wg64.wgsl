// kernel column_sumsq_wg64
// entry point main
// constants {"WG":64}

// Shared WGSL helpers, joined explicitly into the kernels that use them.

// The flat invocation index of a 1-D grid folded into x and y (see grid.ts).
fn flat_index(gid: vec3u, nwg: vec3u, wg_size: u32) -> u32 {
  return gid.x + gid.y * nwg.x * wg_size;
}

// Importance calibration (engine/model/calibrate.ts): acc[c] += sum over rows t
// of x[t, c]^2, for x [rows, cols]. One invocation per column walks the rows,
// so no two invocations write one element; rows are read at a stride of cols
// (neighbouring invocations read neighbouring columns: coalesced).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  rows: u32,
  cols: u32,
  xOffset: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> acc: array<f32>;

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let c = flat_index(gid, nwg, WG);
  if (c >= p.cols) {
    return;
  }
  var s = 0.0;
  for (var t = 0u; t < p.rows; t++) {
    let v = x[p.xOffset + t * p.cols + c];
    s += v * v;
  }
  acc[c] = acc[c] + s;
}
