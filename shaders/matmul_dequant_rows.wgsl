// Prefill-path product for q8/q4 weights on software adapters, with the f32
// rows kernel's tile (matmul_rows.wgsl) and w dequantized in registers:
//   out[t, colOffset + n] = sum_k x[t, k] * d(n, k / BLOCK) * code(n, k)
// Each thread owns ROWS rows (r * WG + lid) and TT tokens (t0 + j) and walks K
// block by block: one scale per row per block, then the block's vec4 steps in
// a loop (not unrolled, so the source stays the size of the f32 kernel's),
// each step turning a row's word into d * codes, the same f32 values the
// expanded path (dequant_rows.wgsl) would store, and dotting them with every
// token's x. K % 4 == 0. Rows past the chunk end and tokens past T re-read
// the last one and are not stored.

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;       // [T, K / 4]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  // Token tiles along x, as in matmul_rows.wgsl (rowsGrid).
  let row0 = wid.y * {{ROWS}}u * WG;
  let t0 = wid.x * {{TT}}u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let n = p.K / 4u;                // vec4 steps along K
  let per_block = {{BLOCK}}u / 4u; // vec4 steps per block
{{ACC}}
  for (var b = 0u; b * per_block < n; b++) {
{{SCALES}}
    let end = min(b * per_block + per_block, n);
    for (var i = b * per_block; i < end; i++) {
      let word = i * 4u / {{PER_WORD}}u;
      let sub = i * 4u % {{PER_WORD}}u / 4u;
{{STEP}}
    }
  }
{{STORE}}
}
