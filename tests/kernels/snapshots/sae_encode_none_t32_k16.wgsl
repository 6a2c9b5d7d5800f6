// kernel sae_encode_none_t32_k16
// entry point main
// constants {"ACT":0,"WG_SIDE":8,"BK":16}

// SAE encoder over one row chunk of W_enc [d_sae, d_in] (features as rows), with
// the bias and the activation fused into the store, so the pre-activations never
// make a round trip through memory:
//   pre[t, j] = sum_k (x[t, k] - center * b_dec[k]) * w[j, k] + b_enc[j]
//   out[t, j] = act(pre[t, j])     j = colOffset + n for chunk row n
// ACT: 0 none (TopK masks afterwards, sae_topk.wgsl), 1 ReLU, 2 JumpReLU
// (relu(pre) where pre > threshold, as SAELens). The tiling is
// tiled_matmul.wgsl's, filled in as matmul.wgsl's, with x centred as it is
// staged and the bias and activation applied as the tile is stored.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rows: u32,
  outStride: u32,
  colOffset: u32,
  center: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<f32>;         // [rows, K]
@group(0) @binding(3) var<storage, read> b_enc: array<f32>;     // [d_sae]
@group(0) @binding(4) var<storage, read> threshold: array<f32>; // [d_sae] (JumpReLU)
@group(0) @binding(5) var<storage, read> b_dec: array<f32>;     // [K]
@group(0) @binding(6) var<storage, read_write> out: array<f32>; // [T, d_sae]

override ACT: u32 = 1u;
override BK: u32 = 16; // K values staged per step

fn activate(v: f32, j: u32) -> f32 {
  if (ACT == 1u) {
    return max(v, 0.0);
  }
  if (ACT == 2u) {
    return select(0.0, max(v, 0.0), v > threshold[j]);
  }
  return v;
}

// The tiled matrix product shared by matmul.wgsl, matmul_quant.wgsl,
// sae_encode.wgsl and sae_decode.wgsl (filled in by tiled_matmul.ts):
//   acc[t, n] = sum_k x[t, k] * w(k, n)   for t < p.T, n < p.rows, k < p.K
// A workgroup computes a TILE x TILE tile of the output (TILE = 4 * WG_SIDE):
// each thread owns a 4 x 4 micro-tile held in four vec4f accumulators, so
// every value staged in workgroup memory is reused 4 times from registers.
// Tiles are zero-padded at the edges, so no size needs to be a multiple of
// anything. The kernel supplies BK (K values staged per step), how x and w are
// read, and how a finished value is stored.

override WG_SIDE: u32 = 8; // threads per side of the workgroup
const MICRO: u32 = 4u;     // outputs per thread per side: the width of a vec4f
override TILE: u32 = MICRO * WG_SIDE; // derived: never set from TS

// Staged k-major so a thread reads its 4 consecutive rows (or columns) at one k.
var<workgroup> xs: array<f32, BK * TILE>; // [BK, TILE] rows of x
var<workgroup> ws: array<f32, BK * TILE>; // [BK, TILE] columns of the output, per k

@compute @workgroup_size(WG_SIDE, WG_SIDE)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(local_invocation_index) li: u32,
) {
  let n0 = wid.x * TILE; // first output column in this tile
  let t0 = wid.y * TILE; // first row of x in this tile
  let c = f32(p.center);
  var acc: array<vec4f, MICRO>; // [t in micro-tile] -> 4 columns
  for (var k0 = 0u; k0 < p.K; k0 += BK) {
    // Consecutive threads load consecutive k of one row of x: coalesced reads.
    for (var e = li; e < TILE * BK; e += WG_SIDE * WG_SIDE) {
      let r = e / BK;
      let k = k0 + e % BK;
      let t = t0 + r;
      var xv = 0.0;
      if (t < p.T && k < p.K) {
        xv = x[t * p.K + k] - c * b_dec[k];
      }
      xs[(e % BK) * TILE + r] = xv;
      let n = n0 + r;
      var wv = 0.0;
      if (n < p.rows && k < p.K) {
        wv = w[n * p.K + k];
      }
      ws[(e % BK) * TILE + r] = wv;
    }
    workgroupBarrier();
    for (var k = 0u; k < BK; k++) {
      let xb = k * TILE + lid.y * MICRO;
      let wb = k * TILE + lid.x * MICRO;
      let wv = vec4f(ws[wb], ws[wb + 1u], ws[wb + 2u], ws[wb + 3u]);
      for (var i = 0u; i < MICRO; i++) {
        acc[i] += xs[xb + i] * wv;
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < MICRO; i++) {
    let t = t0 + lid.y * MICRO + i;
    for (var jj = 0u; jj < MICRO; jj++) {
      let n = n0 + lid.x * MICRO + jj;
      if (t < p.T && n < p.rows) {
        let v = acc[i][jj];
        let j = p.colOffset + n;
        out[t * p.outStride + j] = activate(v + b_enc[j], j);
      }
    }
  }
}
