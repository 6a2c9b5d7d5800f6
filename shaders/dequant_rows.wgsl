// Dequantizes rows [row0, row0 + rows) of one q8/q4 row chunk into f32:
//   out[r, k] = d(row0 + r, k / BLOCK) * code(row0 + r, k)   (row stride K)
// one vec4 of out per thread (K % 4 == 0, so a group never spans a block or a
// word). The prefill path on software adapters (matmul_quant_rows.ts) expands
// a slab of rows with this and multiplies it with the f32 rows kernel, whose
// 32 x 32 tile the in-register quantized kernels cannot reach.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<u32>;           // [chunk rows, wordsPerRow]
@group(0) @binding(2) var<storage, read> scales: array<u32>;      // [chunk rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<vec4f>; // [rows, K / 4]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  let groups = p.K / 4u;
  if (i >= p.rows * groups) {
    return;
  }
  let row = p.row0 + i / groups;
  let k = (i % groups) * 4u;
  let word = w[row * p.wordsPerRow + k / {{PER_WORD}}u];
  let si = row * p.scalesPerRow + k / {{BLOCK}}u;
  out[i] = f16_at(scales[si >> 1u], si) * dequant_{{FORMAT}}(word, (k % {{PER_WORD}}u) / 4u);
}
