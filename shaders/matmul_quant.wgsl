// Prefill-path matrix product over one row chunk of a block-quantized w:
//   out[t, colOffset + n] = sum_k x[t, k] * d(n, k / BLOCK) * code(n, k)
// The tiling of tiled_matmul.wgsl (matmul_quant.ts fills it in), with w
// dequantized while it is staged: each thread loads whole u32 words and writes
// their BK-long strip of codes, already scaled, to workgroup memory, so the
// inner loop is the f32 one. A word never straddles two blocks (blocks are
// whole words), so one scale serves a word; padded codes are zeros.
//
// Templates (matmul_quant.ts): {{FORMAT}}, {{QPW}} and {{BLOCK}} as in
// matvec_quant.wgsl.

const BLOCK: u32 = {{BLOCK}}u;
const QPW: u32 = {{QPW}}u;      // vec4 groups per word
const EPW: u32 = 4u * QPW;      // codes per word
const BK: u32 = 32u;            // K values staged per step
const WPK: u32 = BK / EPW;      // words per staged strip of one row

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [T, K]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, N]

fn dequant(word: u32, q: u32) -> vec4f {
  return dequant_{{FORMAT}}(word, q);
}
