// Causal GQA attention for prompts, tiled: one workgroup owns ROWS (query,
// head) rows of one kv head, numbered row = t * group + g for query t and the
// g-th query head of the group. Each tile of KEYS cache rows is read from
// global memory once per workgroup (K, then V into the same buffer) and used by
// all ROWS rows, where the one-query kernel (attention.wgsl) reads all of K and
// V once per (head, query). Online softmax per row (running max m, sum l), so
// nothing grows with T or the context. Query t sits at position past_length + t
// and sees cache rows first_key[t]..past_length + t (from row 0 for one prompt).

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;         // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> k_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(3) var<storage, read> v_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, n_heads, head_dim]

override WG: u32 = 64;      // threads; WG / ROWS of them own each row's output
override ROWS: u32 = 16;    // (query, head) rows per workgroup
override KEYS: u32 = 12;    // cache rows per tile
override DIM: u32 = 128;    // head_dim capacity of the tiles
// Output dims each thread accumulates (DIM * ROWS / WG): a private array needs
// a constant length, so this one is a template value.
const SLOTS: u32 = {{SLOTS}};

// A finite "minus infinity" (see attention.wgsl); a masked score is exactly this.
const NEG_BIG: f32 = -3.0e38;

var<workgroup> q_tile: array<f32, ROWS * DIM>;   // [ROWS, head_dim] q * scale
var<workgroup> kv_tile: array<f32, KEYS * DIM>;  // [KEYS, head_dim] K, then V
var<workgroup> s_tile: array<f32, ROWS * KEYS>;  // [ROWS, KEYS] scores, then probabilities
var<workgroup> m_row: array<f32, ROWS>;          // running max
var<workgroup> l_row: array<f32, ROWS>;          // running sum of exp(s - m)
var<workgroup> alpha_row: array<f32, ROWS>;      // this tile's rescale of earlier tiles

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let hd = p.head_dim;
  let group = p.n_heads / p.n_kv_heads;
  let kv_head = wid.y;
  let n_rows = p.n_queries * group;
  let row0 = wid.x * ROWS;
  let t_lo = row0 / group;
  let t_hi = (min(row0 + ROWS, n_rows) - 1u) / group;
  let kv_stride = p.n_kv_heads * hd;  // floats from one cache row to the next
  let kv_base = kv_head * hd;

  for (var e = lid; e < ROWS * hd; e += WG) {
    let row = row0 + e / hd;
    var x = 0.0;
    if (row < n_rows) {
      let h = kv_head * group + row % group;
      x = q[((row / group) * p.n_heads + h) * hd + e % hd] * p.scale;
    }
    q_tile[e] = x;
  }
  if (lid < ROWS) {
    m_row[lid] = NEG_BIG;
    l_row[lid] = 0.0;
  }

  // The block's keys: from its earliest query's first row to its last query.
  let key_end = p.past_length + t_hi + 1u;
  var key_begin = key_end;
  for (var t = t_lo; t <= t_hi; t++) {
    key_begin = min(key_begin, {{FIRST_KEY}});
  }

  // This thread's output: row `own`, dims lane, lane + per_row, ...
  let per_row = WG / ROWS;
  let own = lid / per_row;
  let lane = lid % per_row;
  var acc: array<f32, SLOTS>;
  for (var i = 0u; i < SLOTS; i++) {
    acc[i] = 0.0;
  }
  workgroupBarrier();

  for (var start = key_begin; start < key_end; start += KEYS) {
    let count = min(KEYS, key_end - start);
    for (var e = lid; e < count * hd; e += WG) {
      kv_tile[e] = k_cache[(start + e / hd) * kv_stride + kv_base + e % hd];
    }
    workgroupBarrier();

    for (var e = lid; e < ROWS * KEYS; e += WG) {
      let r = e / KEYS;
      let j = e % KEYS;
      let row = row0 + r;
      let t = row / group;
      let key = start + j;
      var s = NEG_BIG;
      if (row < n_rows && j < count && key <= p.past_length + t && key >= {{FIRST_KEY}}) {
        var dot = 0.0;
        for (var d = 0u; d < hd; d++) {
          dot += q_tile[r * hd + d] * kv_tile[j * hd + d];
        }
        s = dot;
      }
      s_tile[e] = s;
    }
    workgroupBarrier();  // K is no longer needed: V takes its place

    for (var e = lid; e < count * hd; e += WG) {
      kv_tile[e] = v_cache[(start + e / hd) * kv_stride + kv_base + e % hd];
    }
    if (lid < ROWS) {
      let m_old = m_row[lid];
      var m_new = m_old;
      for (var j = 0u; j < count; j++) {
        m_new = max(m_new, s_tile[lid * KEYS + j]);
      }
      var tile_sum = 0.0;
      for (var j = 0u; j < count; j++) {
        let s = s_tile[lid * KEYS + j];
        // Masked keys weigh 0, also while the row has seen no key (m_new = NEG_BIG).
        let w = select(0.0, exp(s - m_new), s > NEG_BIG);
        s_tile[lid * KEYS + j] = w;
        tile_sum += w;
      }
      let alpha = exp(m_old - m_new);
      alpha_row[lid] = alpha;
      l_row[lid] = l_row[lid] * alpha + tile_sum;
      m_row[lid] = m_new;
    }
    workgroupBarrier();

    let alpha = alpha_row[own];
    for (var i = 0u; i < SLOTS; i++) {
      acc[i] *= alpha;
    }
    for (var j = 0u; j < count; j++) {
      let w = s_tile[own * KEYS + j];
      for (var i = 0u; i < SLOTS; i++) {
        let d = lane + i * per_row;
        if (d < hd) {
          acc[i] += w * kv_tile[j * hd + d];
        }
      }
    }
    workgroupBarrier();  // the next tile overwrites kv_tile and s_tile
  }

  let row = row0 + own;
  if (row < n_rows) {
    let h = kv_head * group + row % group;
    let base = ((row / group) * p.n_heads + h) * hd;
    let l = l_row[own];
    for (var i = 0u; i < SLOTS; i++) {
      let d = lane + i * per_row;
      if (d < hd) {
        out[base + d] = acc[i] / l;
      }
    }
  }
}
