// Q4_1 (engine/quant/ggml_blocks.ts): blocks of 32, {f16 d, m; u8 qs[16]},
// 20 bytes = 5 words; w = d * q + m, byte j holding elements j (low nibble)
// and j + 16 (high nibble).

const GROUPS_PER_BLOCK: u32 = 1u;
const BLOCK_WORDS: u32 = 5u;

fn ggml_group(base: u32, g: u32) -> array<vec4f, 8> {
  let bw = base + g * BLOCK_WORDS;
  let dm = unpack2x16float(w[bw]);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let qs = w[bw + 1u + i];
    out[i] = fma(vec4f(byte_fields(qs, 0u, 15u)), vec4f(dm.x), vec4f(dm.y));
    out[i + 4u] = fma(vec4f(byte_fields(qs, 4u, 15u)), vec4f(dm.x), vec4f(dm.y));
  }
  return out;
}
