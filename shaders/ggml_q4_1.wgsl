// Q4_1 (engine/quant/ggml_blocks.ts): blocks of 32, {f16 d, m; u8 qs[16]},
// 20 bytes = 5 words; w = d * q + m, byte j holding elements j (low nibble)
// and j + 16 (high nibble).

alias W = u32;
const GROUPS_PER_BLOCK: u32 = 1u;
const BLOCK_UNITS: u32 = 5u;

struct Head {
  dm: vec2f,
}

fn ggml_head(bw: u32) -> Head {
  return Head(unpack2x16float(w[bw]));
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let qs = w[bw + 1u + i];
    out[i] = fma(vec4f(byte_fields(qs, 0u, 15u)), vec4f(h.dm.x), vec4f(h.dm.y));
    out[i + 4u] = fma(vec4f(byte_fields(qs, 4u, 15u)), vec4f(h.dm.x), vec4f(h.dm.y));
  }
  return out;
}
