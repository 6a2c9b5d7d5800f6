// kernel sae_stop_wg64
// entry point main
// constants {"WG":64}

// Stop conditions on features f [T, stride] (the features as encoded): for
// each token t and each condition c in the uniforms' list, if t >= c.fromRow
// and lo < f[t, c.column] < hi, lower the engine's stop flag to
// min(position, MAX_POSITION) * 256 + c.code with atomicMin. The flag starts
// at 0xffffffff (nothing raised), so after any number of passes it holds the
// earliest position any condition held at, and at that position the lowest
// code: the same answer whatever order the threads run in. engine/generate.ts
// reads it back with each step's token (engine/hooks.ts StopSignal).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  stride: u32,
  count: u32,
  position_start: u32,
  list: array<vec4u, 32>,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>; // [T, stride]
@group(0) @binding(2) var<storage, read_write> flag: array<atomic<u32>>; // [1]

override WG: u32 = 64;
/** The largest position that fits 24 bits and keeps the flag below 0xffffffff. */
const MAX_POSITION: u32 = 0xfffffeu;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let t = gid.x + gid.y * nwg.x * WG;
  if (t >= p.T) { return; }
  let position = min(p.position_start + t, MAX_POSITION);
  for (var c = 0u; c < p.count; c++) {
    let item = p.list[2u * c]; // (column, code, fromRow, unused)
    let bounds = p.list[2u * c + 1u]; // (lo bits, hi bits, unused, unused)
    if (t < item.z) { continue; }
    let v = f[t * p.stride + item.x];
    if (v > bitcast<f32>(bounds.x) && v < bitcast<f32>(bounds.y)) {
      atomicMin(&flag[0], position * 256u + item.y);
    }
  }
}
