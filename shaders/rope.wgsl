// Rotary position embedding, in place, HF's rotate-half pairing: dims i and
// i + half of every head rotate together by angle (position_start + t) * inv_freq[i].
// One invocation per (t, head, i).

struct Params {
  pairs: u32,          // T * n_heads * half
  half: u32,           // head_dim / 2
  n_heads: u32,
  position_start: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;    // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> inv_freq: array<f32>;  // [head_dim / 2]

override WG: u32 = 64;

// 2*pi split Cody-Waite style: C1 and C2 have at most 8 significant bits, so
// k * C1 and k * C2 are exact for |k| < 2^16 (angles up to ~4e5 rad) and both
// subtractions with them are exact; C3 + C4 carry the next ~32 bits.
const TWO_PI_C1: f32 = 6.28125;
const TWO_PI_C2: f32 = 1.9378662109375e-3;
const TWO_PI_C3: f32 = -2.562999725341797e-6;
const TWO_PI_C4: f32 = 3.968374073792802e-9;
const INV_TWO_PI: f32 = 0.15915493667125702;

// (cos a, sin a) for an f32 angle a of any size up to ~4e5. WGSL promises
// sin/cos accuracy only on [-pi, pi]; past that, hardware sin units reduce
// with a short pi and lose digits as positions grow (llvmpipe happens not to),
// while HF takes sin/cos of the same f32 angle accurately. So we reduce to
// hi + lo in [-pi, pi] ourselves; lo (the rounding of hi, below half an ulp)
// enters to first order. On llvmpipe this stays within 1e-7 of the exact
// value up to angle 1e5, against 7.5e-8 for its own sin/cos.
fn cos_sin(a: f32) -> vec2f {
  let k = round(a * INV_TWO_PI);
  let exact = (a - k * TWO_PI_C1) - k * TWO_PI_C2;
  let tail = k * TWO_PI_C3 + k * TWO_PI_C4;
  let hi = exact - tail;
  let lo = (exact - hi) - tail;
  let c = cos(hi);
  let s = sin(hi);
  return vec2f(c - s * lo, s + c * lo);
}

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let idx = flat_index(gid, nwg, WG);
  if (idx >= p.pairs) {
    return;
  }
  let i = idx % p.half;
  let row = idx / p.half;  // t * n_heads + head
  let t = row / p.n_heads;
  // Like HF: position and inv_freq in f32, one rounded product.
  let angle = f32(p.position_start + t) * inv_freq[i];
  let cs = cos_sin(angle);
  let c = cs.x;
  let s = cs.y;
  let j = row * 2u * p.half + i;
  let x1 = x[j];
  let x2 = x[j + p.half];
  x[j] = x1 * c - x2 * s;
  x[j + p.half] = x2 * c + x1 * s;
}
