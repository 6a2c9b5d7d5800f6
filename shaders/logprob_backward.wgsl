// The metric m = log p(y) = l_y - logsumexp(l) of one row of logits, and its
// gradient d m / d l = onehot(y) - softmax(l), in one workgroup. Computed
// without cancellation when p(y) is close to 1 (tests/fixtures/README.md):
// with M = max l, S = sum_{k != y} exp(l_k - M), e_y = exp(l_y - M),
//   m = -log1p(S / e_y),   dm/dl_y = 1 - p_y = S / (e_y + S),   dm/dl_k = -p_k.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;          // [V]
@group(0) @binding(2) var<storage, read_write> d_logits: array<f32>;  // [V]
@group(0) @binding(3) var<storage, read_write> metric: array<f32>;    // [1]

override WG: u32 = 256; // a power of two, for the tree reductions

var<workgroup> red: array<f32, WG>;

fn reduce_max(v: f32, lid: u32) -> f32 {
  red[lid] = v;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      red[lid] = max(red[lid], red[lid + half]);
    }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();
  return r;
}

fn reduce_sum(v: f32, lid: u32) -> f32 {
  red[lid] = v;
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      red[lid] += red[lid + half];
    }
    workgroupBarrier();
  }
  let r = red[0];
  workgroupBarrier();
  return r;
}

// log(1 + x) accurate for small x (WGSL has no log1p). Not the classic
// log(u) * x / (u - 1), u = 1 + x: llvmpipe's compiler reassociates (1 + x) - 1
// into x and returned 0 for x = 5e-9. Below 0.05 a series (truncation < x^8 / 8,
// relative 1e-10); above, log(1 + x) loses at most 6e-8 / 0.05 ~ 1.2e-6 relative.
fn log1p(x: f32) -> f32 {
  if (abs(x) < 0.05) {
    return x * (1.0 - x * (0.5 - x * (1.0 / 3.0 - x * (0.25 - x * (0.2 - x * (1.0 / 6.0 - x / 7.0))))));
  }
  return log(1.0 + x);
}

@compute @workgroup_size(WG)
fn main(@builtin(local_invocation_index) lid: u32) {
  var mx = -3.0e38;
  for (var i = lid; i < p.V; i += WG) {
    mx = max(mx, logits[i]);
  }
  let big_m = reduce_max(mx, lid);
  var others = 0.0;
  for (var i = lid; i < p.V; i += WG) {
    if (i != p.y) {
      others += exp(logits[i] - big_m);
    }
  }
  let s = reduce_sum(others, lid);
  let e_y = exp(logits[p.y] - big_m);
  let z = e_y + s;
  for (var i = lid; i < p.V; i += WG) {
    d_logits[i] = select(-exp(logits[i] - big_m) / z, s / z, i == p.y);
  }
  if (lid == 0u) {
    // e_y below ~1e-30 (y far below the maximum): S / e_y could overflow.
    metric[0] = select((logits[p.y] - big_m) - log(z), -log1p(s / e_y), e_y > 1e-30);
  }
}
