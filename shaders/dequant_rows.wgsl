// Dequantizes rows [row0, row0 + rows) of one q8/q4 row chunk into f32:
//   out[r, k] = d(row0 + r, k / BLOCK) * code(row0 + r, k)   (row stride K)
// 16 codes per thread (K % 4 == 0: a vec4 never spans a block or a word). The prefill path on software adapters (matmul_quant_rows.ts) expands
// a slab of rows with this and multiplies it with the f32 rows kernel, whose
// 32 x 32 tile the in-register quantized kernels cannot reach.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<u32>;           // [chunk rows, wordsPerRow]
@group(0) @binding(2) var<storage, read> scales: array<u32>;      // [chunk rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<vec4f>; // [rows, K / 4]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  // Thread (g, r): codes [16g, 16g + 16) of slab row r, one scale (blocks are
  // multiples of 16): index math and the scale load serve four vec4s.
  let k0 = gid.x * 16u;
  if (k0 >= p.K || gid.y >= p.rows) {
    return;
  }
  let row = p.row0 + gid.y;
  let si = row * p.scalesPerRow + k0 / {{BLOCK}}u;
  let d = f16_at(scales[si >> 1u], si);
  let wb = row * p.wordsPerRow + k0 / {{PER_WORD}}u;
  let ob = gid.y * (p.K / 4u) + gid.x * 4u;
  for (var q = 0u; q < 4u; q++) {
    if (k0 + 4u * q < p.K) {
      out[ob + q] = d * dequant_{{FORMAT}}(w[wb + q * 4u / {{PER_WORD}}u], (q * 4u % {{PER_WORD}}u) / 4u);
    }
  }
}
