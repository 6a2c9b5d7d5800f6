// Per-row top-k on the GPU, one workgroup per row, no sort of the row and no
// readback: the k-th largest value is found by radix selection on order-
// preserving u32 keys (4 passes of an 8-bit histogram, each narrowing the
// bucket that holds it), then the chosen entries are compacted in index order.
// Exactly k entries are chosen: every entry above the cut value, and entries
// equal to it in index order until there are k (the lowest index wins a tie).
// NaN keys sort below every number, so a NaN is chosen only when the row has
// fewer than k numbers.
//
// Entry points:
//   top_features: idx/val [R, k] = the k largest of sign * v[r, :], sorted by
//                 value descending (then index ascending); val holds v itself.
//   topk_mask:    v[r, :] = relu(v) on the k largest, 0 elsewhere (SAELens TopK).

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> v: array<f32>;     // [R, n]
@group(0) @binding(2) var<storage, read_write> out_idx: array<u32>; // [R, k]
@group(0) @binding(3) var<storage, read_write> out_val: array<f32>; // [R, k]

const WG: u32 = 256u; // threads; also the histogram size: one bin per thread
const MAX_K: u32 = 1024u;

var<workgroup> hist: array<atomic<u32>, 256>;
var<workgroup> gt_scan: array<u32, WG>; // per thread: entries above the cut, then its prefix
var<workgroup> eq_scan: array<u32, WG>; // per thread: entries equal to the cut, then its prefix
var<workgroup> cut_key: u32;
var<workgroup> cut_take: u32;
var<workgroup> sel_key: array<u32, MAX_K>;
var<workgroup> sel_idx: array<u32, MAX_K>;

// Larger float, larger key; -0 ties +0; NaN is 0, below every number.
fn key_of(x: f32) -> u32 {
  var b = bitcast<u32>(x);
  if ((b & 0x7fffffffu) > 0x7f800000u) { return 0u; }
  if (b == 0x80000000u) { b = 0u; }
  if ((b & 0x80000000u) != 0u) { return ~b; }
  return b | 0x80000000u;
}

fn key_at(base: u32, i: u32) -> u32 {
  return key_of(p.sign * v[base + i]);
}

// (cut key, how many entries equal to it to take), identical in every thread.
fn select_cut(lid: u32, base: u32) -> vec2u {
  var prefix = 0u;
  var high = 0u; // bits of the key fixed so far
  var remaining = p.k;
  for (var shift = 24i; shift >= 0; shift -= 8) {
    atomicStore(&hist[lid], 0u);
    workgroupBarrier();
    for (var i = lid; i < p.n; i += WG) {
      let key = key_at(base, i);
      if ((key & high) == prefix) {
        atomicAdd(&hist[(key >> u32(shift)) & 255u], 1u);
      }
    }
    workgroupBarrier();
    if (lid == 0u) {
      var bin = 255u;
      loop {
        let c = atomicLoad(&hist[bin]);
        if (remaining <= c || bin == 0u) { break; }
        remaining -= c;
        bin -= 1u;
      }
      cut_key = prefix | (bin << u32(shift));
      cut_take = remaining;
    }
    prefix = workgroupUniformLoad(&cut_key);
    remaining = workgroupUniformLoad(&cut_take);
    high |= 255u << u32(shift);
  }
  return vec2u(prefix, remaining);
}

// Counts this thread's contiguous chunk and returns (first output slot, equal
// entries this thread takes); the chunks in thread order are in index order.
fn chunk_slots(lid: u32, base: u32, cut: vec2u, begin: u32, end: u32) -> vec2u {
  var gt = 0u;
  var eq = 0u;
  for (var i = begin; i < end; i++) {
    let key = key_at(base, i);
    gt += select(0u, 1u, key > cut.x);
    eq += select(0u, 1u, key == cut.x);
  }
  gt_scan[lid] = gt;
  eq_scan[lid] = eq;
  workgroupBarrier();
  if (lid == 0u) {
    var g = 0u;
    var q = 0u;
    for (var t = 0u; t < WG; t++) {
      let a = gt_scan[t];
      let b = eq_scan[t];
      gt_scan[t] = g;
      eq_scan[t] = q;
      g += a;
      q += b;
    }
  }
  workgroupBarrier();
  let eq_before = eq_scan[lid];
  let take = min(eq, cut.y - min(cut.y, eq_before));
  return vec2u(gt_scan[lid] + min(eq_before, cut.y), take);
}

fn row_of(wid: vec3u, nwg: vec3u) -> u32 {
  return wid.x + wid.y * nwg.x;
}

@compute @workgroup_size(WG)
fn top_features(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let r = row_of(wid, nwg);
  if (r >= p.R) { return; }
  let base = r * p.n;
  let cut = select_cut(lid, base);
  let chunk = (p.n + WG - 1u) / WG;
  let begin = min(lid * chunk, p.n);
  let end = min(begin + chunk, p.n);
  let slots = chunk_slots(lid, base, cut, begin, end);
  var at = slots.x;
  var eq_left = slots.y;
  for (var i = begin; i < end; i++) {
    let key = key_at(base, i);
    var keep = key > cut.x;
    if (key == cut.x && eq_left > 0u) {
      keep = true;
      eq_left -= 1u;
    }
    if (keep) {
      sel_key[at] = key;
      sel_idx[at] = i;
      at += 1u;
    }
  }
  workgroupBarrier();
  // Rank sort: k^2 comparisons, spread over the workgroup; k <= MAX_K.
  for (var s = lid; s < p.k; s += WG) {
    let ks = sel_key[s];
    let is = sel_idx[s];
    var rank = 0u;
    for (var j = 0u; j < p.k; j++) {
      let kj = sel_key[j];
      rank += select(0u, 1u, kj > ks || (kj == ks && sel_idx[j] < is));
    }
    out_idx[r * p.k + rank] = is;
    out_val[r * p.k + rank] = v[base + is];
  }
}

@compute @workgroup_size(WG)
fn topk_mask(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let r = row_of(wid, nwg);
  if (r >= p.R) { return; }
  let base = r * p.n;
  let cut = select_cut(lid, base);
  let chunk = (p.n + WG - 1u) / WG;
  let begin = min(lid * chunk, p.n);
  let end = min(begin + chunk, p.n);
  let slots = chunk_slots(lid, base, cut, begin, end);
  var eq_left = slots.y;
  for (var i = begin; i < end; i++) {
    let x = v[base + i];
    let key = key_of(p.sign * x);
    var keep = key > cut.x;
    if (key == cut.x && eq_left > 0u) {
      keep = true;
      eq_left -= 1u;
    }
    v[base + i] = select(0.0, x, keep && x > 0.0);
  }
}
