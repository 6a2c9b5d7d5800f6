// Prefill-path matrix product over one row chunk of a block-quantized w:
//   out[t, colOffset + n] = sum_k x[t, k] * d(n, k / BLOCK) * code(n, k)
// The tiling of matmul.wgsl (BLOCK_T x BLOCK_T output tiles, 4 x 4 micro-tiles
// in vec4f registers), with w dequantized while it is staged: each thread
// loads whole u32 words and writes their BK-long strip of codes, already
// scaled, to workgroup memory, so the inner loop is the f32 one. A word never
// straddles two blocks (blocks are whole words), so one scale serves a word;
// x is zero-padded at the edges as in matmul.wgsl,
// and padded codes are zeros.
//
// Templates (matmul_quant.ts): {{FORMAT}}, {{QPW}} and {{BLOCK}} as in
// matvec_quant.wgsl.

const BLOCK: u32 = {{BLOCK}}u;
const QPW: u32 = {{QPW}}u;      // vec4 groups per word
const EPW: u32 = 4u * QPW;      // codes per word
const BK: u32 = 32u;            // K values staged per step
const WPK: u32 = BK / EPW;      // words per staged strip of one row

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, N]

override WG_SIDE: u32 = 8;
const MICRO: u32 = 4u;
override TILE: u32 = MICRO * WG_SIDE; // derived: never set from TS

var<workgroup> xs: array<f32, BK * TILE>; // [BK, TILE] rows of x, k-major
var<workgroup> ws: array<f32, BK * TILE>; // [BK, TILE] rows of w, dequantized

fn dequant(word: u32, q: u32) -> vec4f {
  return dequant_{{FORMAT}}(word, q);
}

@compute @workgroup_size(WG_SIDE, WG_SIDE)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(local_invocation_index) li: u32,
) {
  let n0 = wid.x * TILE;
  let t0 = wid.y * TILE;
  var acc: array<vec4f, MICRO>;
  for (var k0 = 0u; k0 < p.K; k0 += BK) {
    for (var e = li; e < TILE * BK; e += WG_SIDE * WG_SIDE) {
      let r = e / BK;
      let k = k0 + e % BK;
      let t = t0 + r;
      var xv = 0.0;
      if (t < p.T && k < p.K) {
        xv = x[t * p.K + k];
      }
      xs[(e % BK) * TILE + r] = xv;
    }
    for (var e = li; e < TILE * WPK; e += WG_SIDE * WG_SIDE) {
      let r = e / WPK;
      let i = e % WPK;
      let n = n0 + r;
      var word = 0u;
      var d = 0.0; // rows past the chunk stage zeros
      if (n < p.rows) {
        word = w[n * p.wordsPerRow + k0 / EPW + i];
        let si = n * p.scalesPerRow + (k0 + i * EPW) / BLOCK;
        d = f16_at(scales[si >> 1u], si);
      }
      for (var q = 0u; q < QPW; q++) {
        let v = dequant(word, q) * d;
        let kk = i * EPW + q * 4u;
        ws[kk * TILE + r] = v.x;
        ws[(kk + 1u) * TILE + r] = v.y;
        ws[(kk + 2u) * TILE + r] = v.z;
        ws[(kk + 3u) * TILE + r] = v.w;
      }
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
    for (var j = 0u; j < MICRO; j++) {
      let n = n0 + lid.x * MICRO + j;
      if (t < p.T && n < p.rows) {
        out[t * p.outStride + p.colOffset + n] = acc[i][j];
      }
    }
  }
}
