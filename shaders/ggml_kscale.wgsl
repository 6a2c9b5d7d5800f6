// The packed 6-bit scales and mins of Q4_K and Q5_K (12 bytes at byte 4 of a
// super-block; engine/quant/ggml_blocks.ts kScaleMin), joined before either
// type's snippet.

// Byte j (0..11) of the packed scales of the super-block at word bw.
fn k_scale_byte(bw: u32, j: u32) -> u32 {
  return byte_of(w[bw + 1u + j / 4u], j % 4u);
}

// (sc, m) of sub-block s, decoded once per group (Q4_K and Q5_K).
fn k_scale_min(bw: u32, s: u32) -> vec2f {
  if (s < 4u) {
    return vec2f(f32(k_scale_byte(bw, s) & 63u), f32(k_scale_byte(bw, s + 4u) & 63u));
  }
  let b = k_scale_byte(bw, s + 4u);
  return vec2f(
    f32((b & 15u) | ((k_scale_byte(bw, s - 4u) >> 6u) << 4u)),
    f32((b >> 4u) | ((k_scale_byte(bw, s) >> 6u) << 4u)),
  );
}
