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

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;          // [T, dyStride]
{{WEIGHT_BINDINGS}}
@group(0) @binding({{DX_BINDING}}) var<storage, read_write> dx: array<f32>; // [T, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  let t0 = gid.y * {{TT}}u;
  if (g * 32u >= p.K) {
    return;
  }
  let last = p.T - 1u;
{{SETUP}}
  for (var n = p.rowBegin; n < p.rows; n++) {
{{GROUP}}
{{ROW}}
{{ACCUMULATE}}
  }
{{GATHER}}
  for (var i = 0u; i < 8u; i++) {
    for (var e = 0u; e < 4u; e++) {
      let k = 32u * g + 4u * i + e;
      if (k < p.K) {
{{STORE}}
      }
    }
  }
}
