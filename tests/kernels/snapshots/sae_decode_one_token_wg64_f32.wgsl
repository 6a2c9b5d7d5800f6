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
// Tiled as matmul.wgsl, but W is staged along its rows (k-major already), so the
// loads of both f and W are contiguous.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  J: u32,
  N: u32,
  fStride: u32,
  jOffset: u32,
  first: u32,
  alpha: f32,
  useRes: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;         // [T, d_sae]
@group(0) @binding(2) var<storage, read> w: array<f32>;   // [J, N] (sae_weight.wgsl)
@group(0) @binding(3) var<storage, read> b_dec: array<f32>;     // [N]
@group(0) @binding(4) var<storage, read> res: array<f32>;       // [T, N] when useRes
@group(0) @binding(5) var<storage, read_write> out: array<f32>; // [T, N]

override WG_SIDE: u32 = 8;
override BK: u32 = 16;
const MICRO: u32 = 4u;
override BLOCK: u32 = MICRO * WG_SIDE;

var<workgroup> fs: array<f32, BK * BLOCK>; // [BK, BLOCK] features x tokens
var<workgroup> ws: array<f32, BK * BLOCK>; // [BK, BLOCK] features x outputs

@compute @workgroup_size(WG_SIDE, WG_SIDE)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(local_invocation_index) li: u32,
) {
  let n0 = wid.x * BLOCK;
  let t0 = wid.y * BLOCK;
  var acc: array<vec4f, MICRO>;
  for (var k0 = 0u; k0 < p.J; k0 += BK) {
    for (var e = li; e < BLOCK * BK; e += WG_SIDE * WG_SIDE) {
      // f: consecutive threads read consecutive features of one token.
      let r = e / BK;
      let kf = e % BK;
      var fv = 0.0;
      if (t0 + r < p.T && k0 + kf < p.J) {
        fv = f[(t0 + r) * p.fStride + p.jOffset + k0 + kf];
      }
      fs[kf * BLOCK + r] = fv;
      // w: consecutive threads read consecutive outputs of one feature row.
      let kw = e / BLOCK;
      let cw = e % BLOCK;
      var wv = 0.0;
      if (k0 + kw < p.J && n0 + cw < p.N) {
        wv = w_at(k0 + kw, n0 + cw, p.N);
      }
      ws[kw * BLOCK + cw] = wv;
    }
    workgroupBarrier();
    for (var k = 0u; k < BK; k++) {
      let fb = k * BLOCK + lid.y * MICRO;
      let wb = k * BLOCK + lid.x * MICRO;
      let wv = vec4f(ws[wb], ws[wb + 1u], ws[wb + 2u], ws[wb + 3u]);
      for (var i = 0u; i < MICRO; i++) {
        acc[i] += fs[fb + i] * wv;
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < MICRO; i++) {
    let t = t0 + lid.y * MICRO + i;
    for (var jj = 0u; jj < MICRO; jj++) {
      let n = n0 + lid.x * MICRO + jj;
      if (t < p.T && n < p.N) {
        let o = t * p.N + n;
        if (p.first == 1u) {
          var v = p.alpha * (acc[i][jj] + b_dec[n]);
          if (p.useRes == 1u) {
            v += res[o];
          }
          out[o] = v;
        } else {
          out[o] += p.alpha * acc[i][jj];
        }
      }
    }
  }
}

// One token (T = 1): a thread per output column walks the chunk's feature rows,
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
  for (var j = 0u; j < p.J; j++) {
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

fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  return w[r * cols + k];
}
