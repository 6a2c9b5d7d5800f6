// kernel sample_wg256
// entry point sample
// constants {"WG":256}

// Picks the next token from one logits row inside one workgroup, so generation
// reads back 4 bytes per step. logits: [n] f32; out: [slots] u32, the token goes
// to out[p.slot] (NO_TOKEN if no logit is a number above -inf).
//
// Method, no sort: logits are compared as order-preserving u32 keys, built from
// the bits because WGSL may assume floats are never NaN or inf. NaN and -inf
// are "dead": never picked, weight 0. A cut key t keeps the tokens with
// key >= t; their count and their softmax mass only shrink as t grows, so
//   top-k cut = the largest t with count(key >= t) >= k   (the k-th largest logit)
//   top-p cut = the largest t with mass(key >= t) >= top_p * mass(top-k set)
// are each found by bisection on t: at most 32 strided passes over the row, each
// ending in a workgroup reduction. Every token equal to a cut value is kept, so
// ties at a boundary are all in or all out. The pick is an inverse CDF over the
// kept tokens in index order: each thread sums a contiguous chunk, thread 0
// scans the chunk sums, and the one thread whose chunk holds draw * total walks it.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n: u32,
  slot: u32,
  top_k: u32,
  temperature: f32,
  top_p: f32,
  draw: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;

override WG: u32 = 256; // a power of two: the tree reductions halve it

var<workgroup> red_key: array<u32, WG>;
var<workgroup> red_idx: array<u32, WG>;
var<workgroup> red_f: array<f32, WG>;
var<workgroup> total: f32;

const NO_TOKEN: u32 = 0xffffffffu;
const DEAD: u32 = 0x007fffffu; // key of -inf, and of every NaN
const INF: u32 = 0xff800000u; // key of +inf

// Larger float, larger key. -0 maps like +0 so that equal values tie.
fn key_of(x: f32) -> u32 {
  var b = bitcast<u32>(x);
  if ((b & 0x7fffffffu) > 0x7f800000u) { return DEAD; }
  if (b == 0x80000000u) { b = 0u; }
  if ((b & 0x80000000u) != 0u) { return ~b; }
  return b | 0x80000000u;
}

// (largest key, lowest index holding it), the same in every thread.
fn argmax_row(lid: u32) -> vec2u {
  var best_key = 0u; // below every real key, so any token wins over "none"
  var best_idx = NO_TOKEN;
  // i ascends, so a strict > keeps each thread's lowest index among equals.
  for (var i = lid; i < p.n; i += WG) {
    let k = key_of(logits[i]);
    if (k > best_key) { best_key = k; best_idx = i; }
  }
  red_key[lid] = best_key;
  red_idx[lid] = best_idx;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s) {
      let k = red_key[lid + s];
      let i = red_idx[lid + s];
      if (k > red_key[lid] || (k == red_key[lid] && i < red_idx[lid])) {
        red_key[lid] = k;
        red_idx[lid] = i;
      }
    }
    workgroupBarrier();
  }
  let best = vec2u(workgroupUniformLoad(&red_key[0]), workgroupUniformLoad(&red_idx[0]));
  workgroupBarrier(); // everyone has read before the arrays are reused
  return best;
}

fn sum_u(lid: u32, v: u32) -> u32 {
  red_idx[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s) { red_idx[lid] += red_idx[lid + s]; }
    workgroupBarrier();
  }
  let r = workgroupUniformLoad(&red_idx[0]);
  workgroupBarrier();
  return r;
}

fn sum_f(lid: u32, v: f32) -> f32 {
  red_f[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s >>= 1u) {
    if (lid < s) { red_f[lid] += red_f[lid + s]; }
    workgroupBarrier();
  }
  let r = workgroupUniformLoad(&red_f[0]);
  workgroupBarrier();
  return r;
}

// Unnormalised softmax weight; m is the row max, so the weight is in [0, 1].
fn weight(x: f32, m: f32) -> f32 {
  return exp((x - m) / p.temperature);
}

fn kept_count(lid: u32, cut: u32) -> u32 {
  var c = 0u;
  for (var i = lid; i < p.n; i += WG) {
    c += select(0u, 1u, key_of(logits[i]) >= cut);
  }
  return sum_u(lid, c);
}

// cut > DEAD always, so dead tokens never reach `weight`.
fn kept_mass(lid: u32, cut: u32, m: f32) -> f32 {
  var s = 0.0;
  for (var i = lid; i < p.n; i += WG) {
    let x = logits[i];
    if (key_of(x) >= cut) { s += weight(x, m); }
  }
  return sum_f(lid, s);
}

@compute @workgroup_size(WG)
fn argmax(@builtin(local_invocation_index) lid: u32) {
  let best = argmax_row(lid);
  if (lid == 0u) { out[p.slot] = select(best.y, NO_TOKEN, best.x == DEAD); }
}

@compute @workgroup_size(WG)
fn sample(@builtin(local_invocation_index) lid: u32) {
  let best = argmax_row(lid);
  // No live token, or a +inf logit (softmax undefined): the greedy rule decides.
  if (best.x == DEAD || best.x == INF) {
    if (lid == 0u) { out[p.slot] = select(best.y, NO_TOKEN, best.x == DEAD); }
    return;
  }
  let m = logits[best.y];

  var cut = DEAD + 1u;
  if (p.top_k > 0u && p.top_k < p.n) {
    var lo = 0u; // count(lo) = n >= k > 0 = count(hi)
    var hi = best.x + 1u;
    loop {
      if (hi - lo <= 1u) { break; }
      let mid = lo + (hi - lo) / 2u;
      if (kept_count(lid, mid) >= p.top_k) { lo = mid; } else { hi = mid; }
    }
    cut = max(cut, lo);
  }

  if (p.top_p < 1.0) {
    // The row max has weight exactly 1, so the top-k mass is >= 1 and goal > 0.
    let goal = p.top_p * kept_mass(lid, cut, m);
    var lo = cut; // mass(lo) >= goal > 0 = mass(hi)
    var hi = best.x + 1u;
    loop {
      if (hi - lo <= 1u) { break; }
      let mid = lo + (hi - lo) / 2u;
      if (kept_mass(lid, mid, m) >= goal) { lo = mid; } else { hi = mid; }
    }
    cut = lo;
  }

  let chunk = (p.n + WG - 1u) / WG;
  let begin = min(lid * chunk, p.n);
  let end = min(begin + chunk, p.n);
  var s = 0.0;
  for (var i = begin; i < end; i++) {
    let x = logits[i];
    if (key_of(x) >= cut) { s += weight(x, m); }
  }
  red_f[lid] = s;
  workgroupBarrier();
  if (lid == 0u) {
    var acc = 0.0;
    for (var t = 0u; t < WG; t++) {
      let v = red_f[t];
      red_f[t] = acc; // exclusive prefix
      acc += v;
    }
    total = acc;
  }
  let z = workgroupUniformLoad(&total);
  var aim = p.draw * z;
  // draw < 1 but draw * z may round up to z; z >= 1 (the row max is kept).
  if (aim >= z) { aim = bitcast<f32>(bitcast<u32>(z) - 1u); }
  let first = red_f[lid];
  let next = select(z, red_f[min(lid + 1u, WG - 1u)], lid + 1u < WG);
  // Chunk intervals [first, next) tile [0, z): exactly one thread writes.
  if (first <= aim && aim < next) {
    var acc = first;
    var pick = NO_TOKEN;
    for (var i = begin; i < end; i++) {
      let x = logits[i];
      if (key_of(x) < cut) { continue; }
      let w = weight(x, m);
      if (w > 0.0) {
        pick = i; // if rounding leaves acc <= aim, the chunk's last live token
        acc += w;
        if (acc > aim) { break; }
      }
    }
    out[p.slot] = pick;
  }
}
