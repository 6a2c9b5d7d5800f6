// Embedding gather from one row chunk of a block-quantized table:
// out[t, h] = d(row, h / BLOCK) * code(row, h) for tokens whose id falls in
// [rowStart, rowStart + rows); other tokens are left to the other chunks'
// dispatches. Templates: {{FORMAT}}, {{BLOCK}} and {{QPW}} as in matvec_quant.wgsl.

const BLOCK: u32 = {{BLOCK}}u;
const EPW: u32 = 4u * {{QPW}}u; // codes per word

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> tokens: array<u32>;    // [T]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, H]

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat_index(gid, nwg, WG);
  if (i >= p.T * p.H) {
    return;
  }
  let t = i / p.H;
  let h = i % p.H;
  // Unsigned wrap-around makes ids below rowStart huge, so one compare rejects both sides.
  let row = tokens[t] - p.rowStart;
  if (row < p.rows) {
    let word = w[row * p.wordsPerRow + h / EPW];
    let si = row * p.scalesPerRow + h / BLOCK;
    out[i] = f16_at(scales[si >> 1u], si) * element_{{FORMAT}}(word, h % EPW);
  }
}
