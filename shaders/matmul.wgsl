// Prefill-path matrix product over one row chunk of w (nn.Linear layout):
//   out[t, colOffset + n] = sum_k x[t, k] * w[n, k]   for t < T, n < rows.
// A workgroup computes a BLOCK x BLOCK tile of out (BLOCK = 4 * WG_SIDE): each
// thread owns a 4 x 4 micro-tile held in four vec4f accumulators, so every value
// staged in workgroup memory is reused 4 times from registers. Tiles are zero-
// padded at the edges, so T, K and rows need not be multiples of anything.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<f32>;         // [rows, K]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, N]

override WG_SIDE: u32 = 8; // threads per side of the workgroup
override BK: u32 = 16;     // K values staged per step
const MICRO: u32 = 4u;     // outputs per thread per side: the width of a vec4f
override BLOCK: u32 = MICRO * WG_SIDE; // derived: never set from TS

// Staged k-major so a thread reads its 4 consecutive rows (or columns) at one k.
var<workgroup> xs: array<f32, BK * BLOCK>; // [BK, BLOCK] rows of x
var<workgroup> ws: array<f32, BK * BLOCK>; // [BK, BLOCK] rows of w

@compute @workgroup_size(WG_SIDE, WG_SIDE)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(local_invocation_index) li: u32,
) {
  let n0 = wid.x * BLOCK; // first column of w rows in this tile
  let t0 = wid.y * BLOCK; // first row of x in this tile
  var acc: array<vec4f, MICRO>; // [t in micro-tile] -> 4 columns
  for (var k0 = 0u; k0 < p.K; k0 += BK) {
    // Consecutive threads load consecutive k of one row: coalesced reads.
    for (var e = li; e < BLOCK * BK; e += WG_SIDE * WG_SIDE) {
      let r = e / BK;
      let k = k0 + e % BK;
      let t = t0 + r;
      let n = n0 + r;
      var xv = 0.0;
      if (t < p.T && k < p.K) {
        xv = x[t * p.K + k];
      }
      var wv = 0.0;
      if (n < p.rows && k < p.K) {
        wv = w[n * p.K + k];
      }
      xs[(e % BK) * BLOCK + r] = xv;
      ws[(e % BK) * BLOCK + r] = wv;
    }
    workgroupBarrier();
    for (var k = 0u; k < BK; k++) {
      let xb = k * BLOCK + lid.y * MICRO;
      let wb = k * BLOCK + lid.x * MICRO;
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
