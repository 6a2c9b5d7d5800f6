// Causal GQA attention backward, first half: the gradient of the queries, and
// per (query, head) the two numbers the key side needs. One workgroup per
// (head, query t); query t sees keys 0..t of this prompt (no past positions).
// Nothing of size T^2 is stored: the probabilities are recomputed from q and k.
// With s_j = scale q.k_j, p = softmax(s), dp_j = d_out.v_j:
//   L = logsumexp(s),  D = sum_j p_j dp_j,  ds_j = p_j (dp_j - D)
//   dq = scale sum_j ds_j k_j
// in three passes over the keys: (max, sum) for L, then D, then dq by tiles.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;              // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> k: array<f32>;              // [T, n_kv_heads, head_dim]
@group(0) @binding(3) var<storage, read> v: array<f32>;              // [T, n_kv_heads, head_dim]
@group(0) @binding(4) var<storage, read> d_out: array<f32>;          // [T, n_heads, head_dim]
@group(0) @binding(5) var<storage, read_write> dq: array<f32>;       // [T, n_heads, head_dim]
@group(0) @binding(6) var<storage, read_write> stats: array<vec2f>;  // [T, n_heads] (L, D)

override WG: u32 = 64;             // threads, and keys per tile
override MAX_HEAD_DIM: u32 = 256;

// A finite "minus infinity", as in attention.wgsl.
const NEG_BIG: f32 = -3.0e38;

var<workgroup> q_row: array<f32, MAX_HEAD_DIM>;
var<workgroup> do_row: array<f32, MAX_HEAD_DIM>;
var<workgroup> dq_acc: array<f32, MAX_HEAD_DIM>;  // dim d belongs to thread d % WG
var<workgroup> red: array<vec2f, WG>;             // per-thread (max, sum), then (D, 0)
var<workgroup> tile: array<f32, WG>;              // ds of a tile of keys

fn score(key: u32, k_off: u32) -> f32 {
  let base = key * p.kv_stride + k_off;
  var dot = 0.0;
  for (var d = 0u; d < p.head_dim; d++) {
    dot += q_row[d] * k[base + d];
  }
  return dot * p.scale;
}

fn d_prob(key: u32, k_off: u32) -> f32 {
  let base = key * p.kv_stride + k_off;
  var dot = 0.0;
  for (var d = 0u; d < p.head_dim; d++) {
    dot += do_row[d] * v[base + d];
  }
  return dot;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let h = wid.x;
  let t = wid.y;
  let hd = p.head_dim;
  let k_off = (h / (p.n_heads / p.n_kv_heads)) * hd;  // this head's kv head within a row
  let q_base = (t * p.n_heads + h) * hd;
  let n_keys = t + 1u;
  for (var d = lid; d < hd; d += WG) {
    q_row[d] = q[q_base + d];
    do_row[d] = d_out[q_base + d];
    dq_acc[d] = 0.0;
  }
  workgroupBarrier();

  // ---- pass 1: L = logsumexp of the scores (each thread online over its keys) ----
  var m = NEG_BIG;
  var l = 0.0;
  for (var key = lid; key < n_keys; key += WG) {
    let s = score(key, k_off);
    let m_new = max(m, s);
    l = l * exp(m - m_new) + exp(s - m_new);
    m = m_new;
  }
  red[lid] = vec2f(m, l);
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      let a = red[lid];
      let b = red[lid + half];
      let mx = max(a.x, b.x);
      red[lid] = vec2f(mx, a.y * exp(a.x - mx) + b.y * exp(b.x - mx));
    }
    workgroupBarrier();
  }
  let lse = red[0].x + log(red[0].y);
  workgroupBarrier();  // everyone has read red[0] before it is reused

  // ---- pass 2: D = sum_j p_j dp_j ----
  var part = 0.0;
  for (var key = lid; key < n_keys; key += WG) {
    part += exp(score(key, k_off) - lse) * d_prob(key, k_off);
  }
  red[lid] = vec2f(part, 0.0);
  workgroupBarrier();
  for (var half = WG / 2u; half > 0u; half >>= 1u) {
    if (lid < half) {
      red[lid] += red[lid + half];
    }
    workgroupBarrier();
  }
  let big_d = red[0].x;

  // ---- pass 3: dq = scale sum_j ds_j k_j, a tile of WG keys at a time ----
  for (var start = 0u; start < n_keys; start += WG) {
    let key = start + lid;
    var ds = 0.0;
    if (key < n_keys) {
      ds = exp(score(key, k_off) - lse) * (d_prob(key, k_off) - big_d);
    }
    tile[lid] = ds;
    workgroupBarrier();
    let count = min(WG, n_keys - start);
    for (var d = lid; d < hd; d += WG) {
      var sum = 0.0;
      var k_index = start * p.kv_stride + k_off + d;
      for (var j = 0u; j < count; j++) {
        sum += tile[j] * k[k_index];
        k_index += p.kv_stride;
      }
      dq_acc[d] += sum;
    }
    workgroupBarrier();  // the next tile overwrites `tile`
  }
  for (var d = lid; d < hd; d += WG) {
    dq[q_base + d] = dq_acc[d] * p.scale;
  }
  if (lid == 0u) {
    stats[t * p.n_heads + h] = vec2f(lse, big_d);
  }
}
