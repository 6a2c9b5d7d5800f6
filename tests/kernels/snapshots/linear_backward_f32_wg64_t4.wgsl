// kernel linear_backward_f32_wg64_t4
// entry point main
// constants {"WG":64}

// Linear backward with respect to the input (weights frozen), one row chunk
// of w [rows, K] (rows rowStart.. of the whole [N, K]):
//   dx[t, k] (+)= sum_n dy[t, dyOffset + n] * w(n, k)
// the transposed product, reading the very buffers the forward reads: f32
// rows, q8/q4 codes and f16 scales (linear_backward.ts), or GGML blocks
// decoded with the forward's per-type snippet (linear_backward_ggml.ts); the
// GROUP hook loads values 32g .. 32g + 31 of row n as v: array<vec4f, 8>.
// A dispatch walks rows [rowBegin, rows) of the chunk, at most
// BACKWARD_ROWS_PER_DISPATCH of them (llvmpipe's loop cap, linear_backward.ts).
// One thread per 32-value group g of K and TT tokens: per row n it loads its
// group once (a contiguous run of the row) and adds dy[t, n] times the 32
// values into TT x 8 vec4 accumulators, separate variables (unrolled by the
// generator, so that no software adapter keeps them in indexed memory) that
// are gathered into arrays only for the store. Groups past
// K's end hold the row's zero padding and are not stored; tokens past T
// re-read the last one and are not stored. Chunks after the first (and every
// chunk with p.accumulate = 1) add to dx.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rowBegin: u32,
  rows: u32,
  dyStride: u32,
  dyOffset: u32,
  accumulate: u32,
  wordsPerRow: u32,
  scalePairsPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;          // [T, dyStride]
@group(0) @binding(2) var<storage, read> w: array<f32>;  // [rows, K]
@group(0) @binding(3) var<storage, read_write> dx: array<f32>; // [T, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  let t0 = gid.y * 4u;
  if (g * 32u >= p.K) {
    return;
  }
  let last = p.T - 1u;
  let d0 = min(t0 + 0u, last) * p.dyStride + p.dyOffset;
  var acc0_0 = vec4f(0.0);
  var acc0_1 = vec4f(0.0);
  var acc0_2 = vec4f(0.0);
  var acc0_3 = vec4f(0.0);
  var acc0_4 = vec4f(0.0);
  var acc0_5 = vec4f(0.0);
  var acc0_6 = vec4f(0.0);
  var acc0_7 = vec4f(0.0);
  let d1 = min(t0 + 1u, last) * p.dyStride + p.dyOffset;
  var acc1_0 = vec4f(0.0);
  var acc1_1 = vec4f(0.0);
  var acc1_2 = vec4f(0.0);
  var acc1_3 = vec4f(0.0);
  var acc1_4 = vec4f(0.0);
  var acc1_5 = vec4f(0.0);
  var acc1_6 = vec4f(0.0);
  var acc1_7 = vec4f(0.0);
  let d2 = min(t0 + 2u, last) * p.dyStride + p.dyOffset;
  var acc2_0 = vec4f(0.0);
  var acc2_1 = vec4f(0.0);
  var acc2_2 = vec4f(0.0);
  var acc2_3 = vec4f(0.0);
  var acc2_4 = vec4f(0.0);
  var acc2_5 = vec4f(0.0);
  var acc2_6 = vec4f(0.0);
  var acc2_7 = vec4f(0.0);
  let d3 = min(t0 + 3u, last) * p.dyStride + p.dyOffset;
  var acc3_0 = vec4f(0.0);
  var acc3_1 = vec4f(0.0);
  var acc3_2 = vec4f(0.0);
  var acc3_3 = vec4f(0.0);
  var acc3_4 = vec4f(0.0);
  var acc3_5 = vec4f(0.0);
  var acc3_6 = vec4f(0.0);
  var acc3_7 = vec4f(0.0);
  for (var n = p.rowBegin; n < p.rows; n++) {
    let r = n * p.K + 32u * g;
    let v0 = vec4f(w[r + 0u], w[r + 1u], w[r + 2u], w[r + 3u]);
    let v1 = vec4f(w[r + 4u], w[r + 5u], w[r + 6u], w[r + 7u]);
    let v2 = vec4f(w[r + 8u], w[r + 9u], w[r + 10u], w[r + 11u]);
    let v3 = vec4f(w[r + 12u], w[r + 13u], w[r + 14u], w[r + 15u]);
    let v4 = vec4f(w[r + 16u], w[r + 17u], w[r + 18u], w[r + 19u]);
    let v5 = vec4f(w[r + 20u], w[r + 21u], w[r + 22u], w[r + 23u]);
    let v6 = vec4f(w[r + 24u], w[r + 25u], w[r + 26u], w[r + 27u]);
    let v7 = vec4f(w[r + 28u], w[r + 29u], w[r + 30u], w[r + 31u]);
    let v = array<vec4f, 8>(v0, v1, v2, v3, v4, v5, v6, v7);
    let y0 = vec4f(dy[d0 + n]);
    let y1 = vec4f(dy[d1 + n]);
    let y2 = vec4f(dy[d2 + n]);
    let y3 = vec4f(dy[d3 + n]);
    acc0_0 = fma(v[0u], y0, acc0_0);
    acc1_0 = fma(v[0u], y1, acc1_0);
    acc2_0 = fma(v[0u], y2, acc2_0);
    acc3_0 = fma(v[0u], y3, acc3_0);
    acc0_1 = fma(v[1u], y0, acc0_1);
    acc1_1 = fma(v[1u], y1, acc1_1);
    acc2_1 = fma(v[1u], y2, acc2_1);
    acc3_1 = fma(v[1u], y3, acc3_1);
    acc0_2 = fma(v[2u], y0, acc0_2);
    acc1_2 = fma(v[2u], y1, acc1_2);
    acc2_2 = fma(v[2u], y2, acc2_2);
    acc3_2 = fma(v[2u], y3, acc3_2);
    acc0_3 = fma(v[3u], y0, acc0_3);
    acc1_3 = fma(v[3u], y1, acc1_3);
    acc2_3 = fma(v[3u], y2, acc2_3);
    acc3_3 = fma(v[3u], y3, acc3_3);
    acc0_4 = fma(v[4u], y0, acc0_4);
    acc1_4 = fma(v[4u], y1, acc1_4);
    acc2_4 = fma(v[4u], y2, acc2_4);
    acc3_4 = fma(v[4u], y3, acc3_4);
    acc0_5 = fma(v[5u], y0, acc0_5);
    acc1_5 = fma(v[5u], y1, acc1_5);
    acc2_5 = fma(v[5u], y2, acc2_5);
    acc3_5 = fma(v[5u], y3, acc3_5);
    acc0_6 = fma(v[6u], y0, acc0_6);
    acc1_6 = fma(v[6u], y1, acc1_6);
    acc2_6 = fma(v[6u], y2, acc2_6);
    acc3_6 = fma(v[6u], y3, acc3_6);
    acc0_7 = fma(v[7u], y0, acc0_7);
    acc1_7 = fma(v[7u], y1, acc1_7);
    acc2_7 = fma(v[7u], y2, acc2_7);
    acc3_7 = fma(v[7u], y3, acc3_7);
  }
  let o0 = array<vec4f, 8>(acc0_0, acc0_1, acc0_2, acc0_3, acc0_4, acc0_5, acc0_6, acc0_7);
  let o1 = array<vec4f, 8>(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, acc1_6, acc1_7);
  let o2 = array<vec4f, 8>(acc2_0, acc2_1, acc2_2, acc2_3, acc2_4, acc2_5, acc2_6, acc2_7);
  let o3 = array<vec4f, 8>(acc3_0, acc3_1, acc3_2, acc3_3, acc3_4, acc3_5, acc3_6, acc3_7);
  for (var i = 0u; i < 8u; i++) {
    for (var e = 0u; e < 4u; e++) {
      let k = 32u * g + 4u * i + e;
      if (k < p.K) {
        if (t0 + 0u < p.T) {
          let at = (t0 + 0u) * p.K + k;
          dx[at] = select(o0[i][e], dx[at] + o0[i][e], p.accumulate != 0u);
        }
        if (t0 + 1u < p.T) {
          let at = (t0 + 1u) * p.K + k;
          dx[at] = select(o1[i][e], dx[at] + o1[i][e], p.accumulate != 0u);
        }
        if (t0 + 2u < p.T) {
          let at = (t0 + 2u) * p.K + k;
          dx[at] = select(o2[i][e], dx[at] + o2[i][e], p.accumulate != 0u);
        }
        if (t0 + 3u < p.T) {
          let at = (t0 + 3u) * p.K + k;
          dx[at] = select(o3[i][e], dx[at] + o3[i][e], p.accumulate != 0u);
        }
      }
    }
  }
}
