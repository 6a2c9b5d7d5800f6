// The packed 6-bit scales and mins of Q4_K and Q5_K (12 bytes at byte 4 of a
// super-block, words 1..3 of its first vec4u `v`; engine/quant/ggml_blocks.ts
// kScaleMin), joined before either type's snippet.

// Byte j (0..11) of the packed scales in v.yzw.
fn k_scale_byte(v: vec4u, j: u32) -> u32 {
  return byte_of(v[1u + j / 4u], j % 4u);
}

// (sc, m) of sub-block s.
fn k_scale_min(v: vec4u, s: u32) -> vec2f {
  if (s < 4u) {
    return vec2f(f32(k_scale_byte(v, s) & 63u), f32(k_scale_byte(v, s + 4u) & 63u));
  }
  let b = k_scale_byte(v, s + 4u);
  return vec2f(
    f32((b & 15u) | ((k_scale_byte(v, s - 4u) >> 6u) << 4u)),
    f32((b >> 4u) | ((k_scale_byte(v, s) >> 6u) << 4u)),
  );
}
