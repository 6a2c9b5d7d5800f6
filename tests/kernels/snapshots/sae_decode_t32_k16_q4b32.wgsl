// kernel sae_decode_t32_k16_q4b32
// entry point main
// constants {"WG_SIDE":8,"BK":16}

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
@group(0) @binding(2) var<storage, read> w: array<u32>;   // [J, N] (sae_weight.wgsl)
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

// Shared dequantization helpers for the block-quantized formats (layout in
// engine/quant/format.ts), joined explicitly into the kernels that read q8/q4
// weights. Only core WGSL: byte and nibble extraction by shifts and masks, f16
// scales by unpack2x16float, so neither shader-f16 nor packed_4x8 is needed.

// Codes 4q .. 4q + 3 of a q8 word (q = 0): its four signed bytes.
fn dequant_q8(word: u32, q: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) >> vec4u(24u));
}

// Codes 4q .. 4q + 3 of a q4 word (q = 0 or 1), centred: nibble - 8.
fn dequant_q4(word: u32, q: u32) -> vec4f {
  let h = word >> (q * 16u);
  return vec4f((vec4u(h) >> vec4u(0u, 4u, 8u, 12u)) & vec4u(15u)) - 8.0;
}

// Code j of a q8 word, signed.
fn element_q8(word: u32, j: u32) -> f32 {
  return f32(i32(word << (24u - 8u * j)) >> 24u);
}

// Code j of a q4 word, centred.
fn element_q4(word: u32, j: u32) -> f32 {
  return f32((word >> (4u * j)) & 15u) - 8.0;
}

// Scale i of a row of f16 scales stored two per u32 (`pair` = scales[i / 2]).
fn f16_at(pair: u32, i: u32) -> f32 {
  return unpack2x16float(pair)[i & 1u];
}

// Codes left in place ("scaled" codes, for matvec_quant and stream):
// masking a code where it sits in the word and converting is exact, and costs
// one op less per code than shifting it down; the caller multiplies by values
// pre-scaled with the inverse power of two (exact unless they underflow).
//   q8: code j as i32 is code * 2^24 (j = 0..3): pre-scale 2^-24.
//   q4: nibble j (uncentred, 0..15) is nibble * 16^j for j < 7, and the top
//       nibble is shifted down: pre-scale Q4_LO (codes 0..3), Q4_HI (4..7).
const Q8_SCALE: f32 = 5.9604644775390625e-8; // 2^-24
const Q4_LO = vec4f(1.0, 0.0625, 0.00390625, 0.000244140625);
const Q4_HI = vec4f(1.52587890625e-5, 9.5367431640625e-7, 5.9604644775390625e-8, 1.0);

fn scaled_q8(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) & vec4i(-16777216));
}

fn scaled_q4_lo(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) & vec4u(0xfu, 0xf0u, 0xf00u, 0xf000u)));
}

fn scaled_q4_hi(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word, word, word, word >> 28u) & vec4u(0xf0000u, 0xf00000u, 0xf000000u, 0xfu)));
}

@group(0) @binding(6) var<storage, read> w_scales: array<u32>; // [rows, scalesPerRow / 2]

const W_BLOCK: u32 = 32u;
const W_PER_WORD: u32 = 8u;

// engine/quant/format.ts: rows padded to whole blocks, scales two per u32 with
// each row starting on a word.
fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  let blocks = (cols + W_BLOCK - 1u) / W_BLOCK;
  let word = w[r * (blocks * W_BLOCK / W_PER_WORD) + k / W_PER_WORD];
  let b = k / W_BLOCK;
  let d = f16_at(w_scales[r * ((blocks + 1u) / 2u) + b / 2u], b);
  return d * element_q4(word, k % W_PER_WORD);
}
