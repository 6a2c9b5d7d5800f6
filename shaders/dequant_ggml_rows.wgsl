// Dequantizes rows [row0, row0 + rows) of one GGML block chunk into f32:
//   out[r, k] = w(row0 + r, k)   (row stride K, K % 4 == 0)
// with the format's own ggml_group (ggml_<format>.wgsl), one 32-value group per
// thread: the first half of the GGML prefill path on software adapters
// (matmul_ggml_rows.ts), which multiplies the slab with the f32 rows kernel,
// as dequant_rows.wgsl does for q8/q4. A K-type block's head is read once per
// group (8 times per block): the kernel is bound by its f32 writes.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<W>;             // [chunk rows, unitsPerRow]
@group(0) @binding(2) var<storage, read_write> out: array<vec4f>; // [rows, K / 4]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  if (g * 32u >= p.K || gid.y >= p.rows) {
    return;
  }
  let bw = (p.row0 + gid.y) * p.unitsPerRow + (g / GROUPS_PER_BLOCK) * BLOCK_UNITS;
  let v = ggml_group(bw, ggml_head(bw), g % GROUPS_PER_BLOCK);
  let n = p.K / 4u;
  let ob = gid.y * n + 8u * g;
  for (var i = 0u; i < 8u; i++) {
    if (8u * g + i < n) {
      out[ob + i] = v[i];
    }
  }
}
