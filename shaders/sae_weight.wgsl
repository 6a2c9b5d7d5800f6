// How the SAE kernels read one weight of a [rows, cols] matrix chunk, whatever
// its device format: w_at(r, k, cols) = W[r, k]. Joined by sae_weight.ts after
// the kernel; the kernel declares `w` at its weight binding as
// array<{{W_TYPE}}>, and the quantized variant adds the scales at the binding
// after the kernel's last one ({{SCALES_BINDING}}). Per-element reads suit
// these kernels: they read few rows (steering, sparse decode) or stage W
// through workgroup memory (dense decode), where the extra word load is
// cheap next to the bytes saved.

//#f32
fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  return w[r * cols + k];
}
//#quant
@group(0) @binding({{SCALES_BINDING}}) var<storage, read> w_scales: array<u32>; // [rows, scalesPerRow / 2]

const W_BLOCK: u32 = {{BLOCK}}u;
const W_PER_WORD: u32 = {{PER_WORD}}u;

// engine/quant/format.ts: rows padded to whole blocks, scales two per u32 with
// each row starting on a word.
fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  let blocks = (cols + W_BLOCK - 1u) / W_BLOCK;
  let word = w[r * (blocks * W_BLOCK / W_PER_WORD) + k / W_PER_WORD];
  let b = k / W_BLOCK;
  let d = f16_at(w_scales[r * ((blocks + 1u) / 2u) + b / 2u], b);
  return d * element_{{FORMAT}}(word, k % W_PER_WORD);
}
