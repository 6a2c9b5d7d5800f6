// kernel attention_backward_key_wg64_d256
// entry point main
// constants {"WG":64,"MAX_HEAD_DIM":256}

// Causal GQA attention backward, second half: the gradients of the keys and
// values. One workgroup per (kv head, key j); key j is seen by queries t >= j
// of every query head of its group. The probabilities are recomputed from q,
// k and the (L, D) of attention_backward_query.wgsl, so nothing of size T^2
// exists: with p = exp(scale q_t.k_j - L_t), ds = p (d_out_t.v_j - D_t)
//   dv_j = sum_(t, h) p d_out_t,   dk_j = scale sum_(t, h) ds q_t
// over (query, head) pairs taken a tile of WG at a time.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  n_heads: u32,
  n_kv_heads: u32,
  head_dim: u32,
  kv_stride: u32,
  scale: f32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;              // [T, n_heads, head_dim]
@group(0) @binding(2) var<storage, read> k: array<f32>;              // [T, n_kv_heads, head_dim]
@group(0) @binding(3) var<storage, read> v: array<f32>;              // [T, n_kv_heads, head_dim]
@group(0) @binding(4) var<storage, read> d_out: array<f32>;          // [T, n_heads, head_dim]
@group(0) @binding(5) var<storage, read> stats: array<vec2f>;        // [T, n_heads] (L, D)
@group(0) @binding(6) var<storage, read_write> dk: array<f32>;       // [T, n_kv_heads, head_dim]
@group(0) @binding(7) var<storage, read_write> dv: array<f32>;       // [T, n_kv_heads, head_dim]

override WG: u32 = 64;
override MAX_HEAD_DIM: u32 = 256;

var<workgroup> k_row: array<f32, MAX_HEAD_DIM>;
var<workgroup> v_row: array<f32, MAX_HEAD_DIM>;
var<workgroup> dk_acc: array<f32, MAX_HEAD_DIM>;  // dim d belongs to thread d % WG
var<workgroup> dv_acc: array<f32, MAX_HEAD_DIM>;
var<workgroup> tile_p: array<f32, WG>;
var<workgroup> tile_ds: array<f32, WG>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let kvh = wid.x;
  let j = wid.y;
  let hd = p.head_dim;
  let group = p.n_heads / p.n_kv_heads;
  let kv_base = j * p.kv_stride + kvh * hd;
  for (var d = lid; d < hd; d += WG) {
    k_row[d] = k[kv_base + d];
    v_row[d] = v[kv_base + d];
    dk_acc[d] = 0.0;
    dv_acc[d] = 0.0;
  }
  workgroupBarrier();

  // Pair i is query t = j + i / group with head kvh * group + i % group.
  let pairs = (p.T - j) * group;
  for (var start = 0u; start < pairs; start += WG) {
    let i = start + lid;
    var prob = 0.0;
    var ds = 0.0;
    if (i < pairs) {
      let row = (j + i / group) * p.n_heads + kvh * group + i % group;  // t * n_heads + h
      let base = row * hd;
      var s = 0.0;
      var dp = 0.0;
      for (var d = 0u; d < hd; d++) {
        s += q[base + d] * k_row[d];
        dp += d_out[base + d] * v_row[d];
      }
      let st = stats[row];
      prob = exp(s * p.scale - st.x);
      ds = prob * (dp - st.y);
    }
    tile_p[lid] = prob;
    tile_ds[lid] = ds;
    workgroupBarrier();
    let count = min(WG, pairs - start);
    for (var d = lid; d < hd; d += WG) {
      var sum_v = 0.0;
      var sum_k = 0.0;
      for (var e = 0u; e < count; e++) {
        let pair = start + e;
        let index = ((j + pair / group) * p.n_heads + kvh * group + pair % group) * hd + d;
        sum_v += tile_p[e] * d_out[index];
        sum_k += tile_ds[e] * q[index];
      }
      dv_acc[d] += sum_v;
      dk_acc[d] += sum_k;
    }
    workgroupBarrier();  // the next tile overwrites the tiles
  }
  for (var d = lid; d < hd; d += WG) {
    dk[kv_base + d] = dk_acc[d] * p.scale;
    dv[kv_base + d] = dv_acc[d];
  }
}
