// Q5_0 (engine/quant/ggml_blocks.ts): blocks of 32, {f16 d; u8 qh[4];
// u8 qs[16]}, 22 bytes kept as stored and padded to 24 (6 words), so qh and
// qs sit 2 bytes off word boundaries and are re-assembled from word halves;
// w = d * (q - 16), q = nibble | (bit j of qh) << 4.

alias W = u32;
const GROUPS_PER_BLOCK: u32 = 1u;
const BLOCK_UNITS: u32 = 6u;

struct Head {
  d: f32,
  qh: u32,
}

fn ggml_head(bw: u32) -> Head {
  let w0 = w[bw];
  return Head(unpack2x16float(w0).x, (w0 >> 16u) | (w[bw + 1u] << 16u));
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let qs = (w[bw + 1u + i] >> 16u) | (w[bw + 2u + i] << 16u);
    let h0 = ((vec4u(h.qh) >> (vec4u(0u, 1u, 2u, 3u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    let h1 = ((vec4u(h.qh) >> (vec4u(16u, 17u, 18u, 19u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    out[i] = (vec4f(byte_fields(qs, 0u, 15u) | h0) - 16.0) * h.d;
    out[i + 4u] = (vec4f(byte_fields(qs, 4u, 15u) | h1) - 16.0) * h.d;
  }
  return out;
}
