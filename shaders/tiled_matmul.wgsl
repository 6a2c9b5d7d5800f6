// The tiled matrix product shared by matmul.wgsl, matmul_quant.wgsl,
// sae_encode.wgsl and sae_decode.wgsl (filled in by tiled_matmul.ts):
//   acc[t, n] = sum_k x[t, k] * w(k, n)   for t < p.T, n < {{N}}, k < {{K}}
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
{{PRELUDE}}
  var acc: array<vec4f, MICRO>; // [t in micro-tile] -> 4 columns
  for (var k0 = 0u; k0 < {{K}}; k0 += BK) {
    // Consecutive threads load consecutive k of one row of x: coalesced reads.
    for (var e = li; e < TILE * BK; e += WG_SIDE * WG_SIDE) {
      let r = e / BK;
      let k = k0 + e % BK;
      let t = t0 + r;
      var xv = 0.0;
      if (t < p.T && k < {{K}}) {
        xv = {{LOAD_X}};
      }
      xs[(e % BK) * TILE + r] = xv;
{{STAGE_W_WITH_X}}
    }
{{STAGE_W}}
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
      if (t < p.T && n < {{N}}) {
        let v = acc[i][jj];
{{STORE}}
      }
    }
  }
}
