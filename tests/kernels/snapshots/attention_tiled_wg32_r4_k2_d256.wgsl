// kernel attention_tiled_wg32_r4_k2_d256
// entry point main
// constants {"WG":32,"ROWS":4,"KEYS":2,"DIM":256}

// Causal GQA attention for prompts, tiled: one workgroup owns ROWS (query,
// head) rows of one kv head, numbered row = t * group + g for query t and the
// g-th query head of the group. Each tile of KEYS cache rows is read from
// global memory once per workgroup (K, then V into the same buffer) and used by
// all ROWS rows, where the one-query kernel (attention.wgsl) reads all of K and
// V once per (head, query). Online softmax per row (running max m, sum l), so
// nothing grows with T or the context. Query t sits at position past_length + t
// and sees cache rows first_key[t]..past_length + t (from row 0 for one prompt).

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  n_queries: u32,
  n_heads: u32,
  n_kv_heads: u32,
  head_dim: u32,
  past_length: u32,
  scale: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;         // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> k_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(3) var<storage, read> v_cache: array<f32>;   // [ctx, n_kv_heads, head_dim]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, n_heads, head_dim]

override WG: u32 = 32;      // threads
override ROWS: u32 = 8;     // (query, head) rows per workgroup
override KEYS: u32 = 4;     // cache rows per tile
override DIM: u32 = 128;    // head_dim capacity of the tiles

// A finite "minus infinity" (see attention.wgsl); a masked score is exactly this.
const NEG_BIG: f32 = -3.0e38;

// Workgroup memory is kept to 1,000-1,600 floats: llvmpipe's compile time grows
// about quadratically with it (attention.wgsl's 576 floats: 3 s; 4,160: 172 s),
// so q is read from global memory (a few rows, cached) rather than staged, and
// the accumulator lives here, not in private arrays (those compiled as slowly).
var<workgroup> acc: array<f32, ROWS * DIM>;      // [ROWS, head_dim] unnormalised output
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
    acc[e] = 0.0;
  }
  if (lid < ROWS) {
    m_row[lid] = NEG_BIG;
    l_row[lid] = 0.0;
  }

  // The block's keys: from its earliest query's first row to its last query.
  let key_end = p.past_length + t_hi + 1u;
  var key_begin = key_end;
  for (var t = t_lo; t <= t_hi; t++) {
    key_begin = min(key_begin, 0u);
  }

  workgroupBarrier();

  // Loops run over rows or keys outside and dims inside (d = lid, lid + WG,
  // ...): no integer division per element, which software adapters pay for
  // lane by lane.
  for (var start = key_begin; start < key_end; start += KEYS) {
    let count = min(KEYS, key_end - start);
    for (var j = 0u; j < count; j++) {
      let src = (start + j) * kv_stride + kv_base;
      for (var d = lid; d < hd; d += WG) {
        kv_tile[j * hd + d] = k_cache[src + d];
      }
    }
    workgroupBarrier();

    for (var e = lid; e < ROWS * KEYS; e += WG) {
      let r = e / KEYS;  // KEYS is a constant: no division at run time
      let j = e % KEYS;
      let row = row0 + r;
      let t = row / group;
      let key = start + j;
      var s = NEG_BIG;
      if (row < n_rows && j < count && key <= p.past_length + t && key >= 0u) {
        let q_base = (t * p.n_heads + kv_head * group + row % group) * hd;
        var dot = 0.0;
        for (var d = 0u; d < hd; d++) {
          dot += q[q_base + d] * kv_tile[j * hd + d];
        }
        s = dot * p.scale;
      }
      s_tile[e] = s;
    }
    workgroupBarrier();  // K is no longer needed: V takes its place

    for (var j = 0u; j < count; j++) {
      let src = (start + j) * kv_stride + kv_base;
      for (var d = lid; d < hd; d += WG) {
        kv_tile[j * hd + d] = v_cache[src + d];
      }
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

    for (var r = 0u; r < ROWS; r++) {
      let alpha = alpha_row[r];
      for (var d = lid; d < hd; d += WG) {
        var sum = 0.0;
        for (var j = 0u; j < count; j++) {
          sum += s_tile[r * KEYS + j] * kv_tile[j * hd + d];
        }
        acc[r * hd + d] = acc[r * hd + d] * alpha + sum;
      }
    }
    workgroupBarrier();  // the next tile overwrites kv_tile and s_tile
  }

  for (var r = 0u; r < ROWS; r++) {
    let row = row0 + r;
    if (row < n_rows) {
      let base = ((row / group) * p.n_heads + kv_head * group + row % group) * hd;
      let l = l_row[r];
      for (var d = lid; d < hd; d += WG) {
        out[base + d] = acc[r * hd + d] / l;
      }
    }
  }
}
