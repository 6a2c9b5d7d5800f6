// kernel attention_split_wg64_d256
// entry point main
// constants {"WG":64,"MAX_HEAD_DIM":256}

// Causal self-attention with grouped-query heads over a KV cache, flash style:
// one workgroup per (head, query); keys stream through in tiles of WG, with a
// running max and sum (online softmax), so workgroup memory does not grow with
// the context. Query t sits at position past_length + t and sees cache rows
// 0..past_length + t. Head h reads kv head h / (n_heads / n_kv_heads).
// The split variant (attention_split.ts) fills the slots below so that a
// workgroup covers only keys KEY_BEGIN..KEY_END of its query and stores its
// unnormalised partial (m, l, acc) for a combine pass instead of the output.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n_heads: u32,
  n_kv_heads: u32,
  head_dim: u32,
  past_length: u32,
  scale: f32,
  query0: u32,
  split_keys: u32,
  n_splits: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;         // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> k_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(3) var<storage, read> v_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [queries, n_heads, n_splits, head_dim + 2] partials: m, l, acc

override WG: u32 = 64;             // threads, and keys per tile
override MAX_HEAD_DIM: u32 = 256;

// A finite "minus infinity": inf arithmetic is not reliable under every
// shader compiler, and exp(NEG_BIG - m) is 0 for any finite score m.
const NEG_BIG: f32 = -3.0e38;

var<workgroup> q_row: array<f32, MAX_HEAD_DIM>;  // [head_dim] this query
var<workgroup> acc: array<f32, MAX_HEAD_DIM>;    // [head_dim] unnormalised output; dim d
                                                 // belongs to thread d % WG
var<workgroup> tile: array<f32, WG>;             // [WG] scores, then probabilities

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let h = wid.x;
  let t = p.query0 + wid.y;
  let hd = p.head_dim;
  let kv_head = h / (p.n_heads / p.n_kv_heads);
  let q_base = (t * p.n_heads + h) * hd;
  let kv_stride = p.n_kv_heads * hd;  // floats from one cache row to the next
  let n_keys = p.past_length + t + 1u;
  let key_begin = 0u + wid.z * p.split_keys;
  let key_end = min(key_begin + p.split_keys, n_keys);

  for (var d = lid; d < hd; d += WG) {
    q_row[d] = q[q_base + d];
    acc[d] = 0.0;
  }
  workgroupBarrier();

  // Every thread keeps identical copies of the running max and sum: each
  // reduces the same shared tile in the same order.
  var m = NEG_BIG;
  var l = 0.0;
  for (var start = key_begin; start < key_end; start += WG) {
    let key = start + lid;
    var s = NEG_BIG;
    if (key < key_end) {
      let k_base = key * kv_stride + kv_head * hd;
      var dot = 0.0;
      for (var d = 0u; d < hd; d++) {
        dot += q_row[d] * k_cache[k_base + d];
      }
      s = dot * p.scale;
    }
    tile[lid] = s;
    workgroupBarrier();

    let count = min(WG, key_end - start);
    var m_new = m;
    for (var j = 0u; j < count; j++) {
      m_new = max(m_new, tile[j]);
    }
    let alpha = exp(m - m_new);  // rescales what earlier tiles summed
    workgroupBarrier();  // everyone has read the scores before they turn into probabilities
    tile[lid] = select(0.0, exp(s - m_new), key < key_end);
    workgroupBarrier();

    var tile_sum = 0.0;
    for (var j = 0u; j < count; j++) {
      tile_sum += tile[j];
    }
    l = l * alpha + tile_sum;
    m = m_new;
    for (var d = lid; d < hd; d += WG) {
      var sum = 0.0;
      var v_index = start * kv_stride + kv_head * hd + d;
      for (var j = 0u; j < count; j++) {
        sum += tile[j] * v_cache[v_index];
        v_index += kv_stride;
      }
      acc[d] = acc[d] * alpha + sum;
    }
    workgroupBarrier();  // the next tile overwrites `tile`
  }

  let slot = ((wid.y * p.n_heads + h) * p.n_splits + wid.z) * (hd + 2u);
  for (var d = lid; d < hd; d += WG) {
    out[slot + 2u + d] = acc[d];
  }
  if (lid == 0u) {
    out[slot] = m;
    out[slot + 1u] = l;
  }
}
