// Linear backward with respect to the input, weights frozen: for one row
// chunk of w [rows, K] (rows rowStart.. of the whole [N, K] matrix)
//   dx[t, k] (+)= sum_n dy[t, dyOffset + n] * w[n, k]
// i.e. dx = dy w, the transposed product, reading the same weights (f32 or
// packed q8/q4 codes) as the forward. One thread per column k and TT = 4
// tokens: each weight is loaded (and dequantized) once for the 4 tokens, and
// neighbouring threads read neighbouring k. Chunks after the first (and
// every chunk with p.accumulate = 1) add to dx.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;          // [T, dyStride]
{{WEIGHT_BINDINGS}}
@group(0) @binding({{DX_BINDING}}) var<storage, read_write> dx: array<f32>; // [T, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let k = gid.x;
  let t0 = gid.y * 4u;
  if (k >= p.K) {
    return;
  }
  // Tokens past T re-read the last one and are not stored.
  let last = p.T - 1u;
  let d0 = min(t0, last) * p.dyStride + p.dyOffset;
  let d1 = min(t0 + 1u, last) * p.dyStride + p.dyOffset;
  let d2 = min(t0 + 2u, last) * p.dyStride + p.dyOffset;
  let d3 = min(t0 + 3u, last) * p.dyStride + p.dyOffset;
{{WEIGHT_SETUP}}
  var acc = vec4f(0.0);
  for (var n = 0u; n < p.rows; n++) {
    let wv = {{WEIGHT_AT}};
    acc = fma(vec4f(dy[d0 + n], dy[d1 + n], dy[d2 + n], dy[d3 + n]), vec4f(wv), acc);
  }
  for (var j = 0u; j < 4u; j++) {
    let t = t0 + j;
    if (t < p.T) {
      let i = t * p.K + k;
      dx[i] = select(acc[j], dx[i] + acc[j], p.accumulate != 0u);
    }
  }
}
