// kernel sae_edit_wg64
// entry point main
// constants {"WG":64}

// One feature edit, in place on features f [T, stride] at column `slot`: the
// compact [T, E] slots of the cheap steering path, or the dense [T, d_sae]
// features of the full path (slot = feature). Positions come as a bitmask of
// the window [tStart, tStart + 32 * 4 * MASK_WORDS) in the uniforms, or `all`.
// Ops: 0 add a, 1 set a, 2 mul a, 3 clamp to [a, b], 4 ablate (set 0).
// main_when edits a row only while source[t, when_column] (the features as
// encoded, same layout as f) lies strictly between lo and hi: a conditional
// edit decided per token on the GPU, with nothing read back.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  stride: u32,
  slot: u32,
  op: u32,
  a: f32,
  b: f32,
  all: u32,
  tStart: u32,
  when_column: u32,
  lo: f32,
  hi: f32,
  mask: array<vec4u, 64>,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> f: array<f32>; // [T, stride]
@group(0) @binding(2) var<storage, read> source: array<f32>; // [T, stride] (main_when)

override WG: u32 = 64;

fn selected(t: u32) -> bool {
  if (p.all == 1u) { return true; }
  if (t < p.tStart) { return false; }
  let bit = t - p.tStart;
  if (bit >= 64u * 128u) { return false; }
  let word = p.mask[bit / 128u][(bit / 32u) % 4u];
  return ((word >> (bit % 32u)) & 1u) == 1u;
}

fn edit(i: u32) {
  let v = f[i];
  var r = v;
  switch (p.op) {
    case 0u: { r = v + p.a; }
    case 1u: { r = p.a; }
    case 2u: { r = v * p.a; }
    case 3u: { r = min(max(v, p.a), p.b); }
    default: { r = 0.0; }
  }
  f[i] = r;
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let t = gid.x + gid.y * nwg.x * WG;
  if (t >= p.T || !selected(t)) { return; }
  edit(t * p.stride + p.slot);
}

@compute @workgroup_size(WG)
fn main_when(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let t = gid.x + gid.y * nwg.x * WG;
  if (t >= p.T || !selected(t)) { return; }
  let c = source[t * p.stride + p.when_column];
  if (!(c > p.lo && c < p.hi)) { return; }
  edit(t * p.stride + p.slot);
}
