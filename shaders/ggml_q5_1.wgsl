// Q5_1 (engine/quant/ggml_blocks.ts): blocks of 32, {f16 d, m; u8 qh[4];
// u8 qs[16]}, 24 bytes = 6 words; w = d * q + m, q = nibble | (bit j of qh) << 4.

alias W = u32;
const GROUPS_PER_BLOCK: u32 = 1u;
const BLOCK_UNITS: u32 = 6u;

struct Head {
  dm: vec2f,
  qh: u32,
}

fn ggml_head(bw: u32) -> Head {
  return Head(unpack2x16float(w[bw]), w[bw + 1u]);
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let qs = w[bw + 2u + i];
    let h0 = ((vec4u(h.qh) >> (vec4u(0u, 1u, 2u, 3u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    let h1 = ((vec4u(h.qh) >> (vec4u(16u, 17u, 18u, 19u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    out[i] = fma(vec4f(byte_fields(qs, 0u, 15u) | h0), vec4f(h.dm.x), vec4f(h.dm.y));
    out[i + 4u] = fma(vec4f(byte_fields(qs, 4u, 15u) | h1), vec4f(h.dm.x), vec4f(h.dm.y));
  }
  return out;
}
