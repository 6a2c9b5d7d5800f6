// kernel sae_decode_one_token_wg64_f32
// entry point one_token
// constants {}

// Dense SAE decoder over one row chunk of W_dec [d_sae, d_in] (one row per
// feature, the layout sparse decoding and steering need), i.e. out = f @ W_dec
// with the reduction running over this chunk's features:
//   first chunk:  out[t, i] = alpha * (sum_j f[t, jOffset + j] * w[j, i] + b_dec[i]) + res[t, i]
//   later chunks: out[t, i] += alpha * sum_j f[t, jOffset + j] * w[j, i]
// alpha = 1, no res: the reconstruction; alpha = -1, res = x: the reconstruction
// error x - decode(f); alpha = 1, res = error: the seed's steering decode(f') + err.
// Tiled by tiled_matmul.wgsl (sae_decode.ts fills it in), with features as the
// reduction and W staged along its rows (k-major already), so the loads of both
// f and W are contiguous.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  J: u32,
  N: u32,
  fStride: u32,
  jOffset: u32,
  first: u32,
  alpha: f32,
  useRes: u32,
  jBegin: u32,
  jEnd: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;         // [T, d_sae]
@group(0) @binding(2) var<storage, read> w: array<f32>;   // [J, N] (sae_weight.wgsl)
@group(0) @binding(3) var<storage, read> b_dec: array<f32>;     // [N]
@group(0) @binding(4) var<storage, read> res: array<f32>;       // [T, N] when useRes
@group(0) @binding(5) var<storage, read_write> out: array<f32>; // [T, N]

override BK: u32 = 16; // features staged per step

// One token (T = 1): a thread per output column walks rows [jBegin, jEnd) of
// the chunk (at most 16,384 per dispatch: llvmpipe's loop cap),
// skipping features that are zero (most of them, for a sparse SAE), so a row
// is read only for an active feature and no tile of 32 tokens sits 31/32 idle.
// Reads along a row are contiguous across the workgroup.
@compute @workgroup_size(64)
fn one_token(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let n = gid.x + gid.y * nwg.x * 64u;
  if (n >= p.N) {
    return;
  }
  var s = 0.0;
  for (var j = p.jBegin; j < p.jEnd; j++) {
    let v = f[p.jOffset + j];
    if (v != 0.0) {
      s += v * w_at(j, n, p.N);
    }
  }
  if (p.first == 1u) {
    var o = p.alpha * (s + b_dec[n]);
    if (p.useRes == 1u) {
      o += res[n];
    }
    out[n] = o;
  } else {
    out[n] += p.alpha * s;
  }
}

// The tiled matrix product shared by matmul.wgsl, matmul_quant.wgsl,
// sae_encode.wgsl and sae_decode.wgsl (filled in by tiled_matmul.ts):
//   acc[t, n] = sum_k x[t, k] * w(k, n)   for t < p.T, n < p.N, k < p.J
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
  var acc: array<vec4f, MICRO>; // [t in micro-tile] -> 4 columns
  for (var k0 = 0u; k0 < p.J; k0 += BK) {
    // Consecutive threads load consecutive k of one row of x: coalesced reads.
    for (var e = li; e < TILE * BK; e += WG_SIDE * WG_SIDE) {
      let r = e / BK;
      let k = k0 + e % BK;
      let t = t0 + r;
      var xv = 0.0;
      if (t < p.T && k < p.J) {
        xv = f[t * p.fStride + p.jOffset + k];
      }
      xs[(e % BK) * TILE + r] = xv;
      // w: consecutive threads read consecutive outputs of one feature row.
      let kw = e / TILE;
      let cw = e % TILE;
      var wv = 0.0;
      if (k0 + kw < p.J && n0 + cw < p.N) {
        wv = w_at(k0 + kw, n0 + cw, p.N);
      }
      ws[kw * TILE + cw] = wv;
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
      if (t < p.T && n < p.N) {
        let v = acc[i][jj];
        let o = t * p.N + n;
        if (p.first == 1u) {
          var s = p.alpha * (v + b_dec[n]);
          if (p.useRes == 1u) {
            s += res[o];
          }
          out[o] = s;
        } else {
          out[o] += p.alpha * v;
        }
      }
    }
  }
}

fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  return w[r * cols + k];
}
