// The head of a Q4_K / Q5_K super-block: unit 0 (vec4u) holds f16 d and dmin
// and the 12 bytes of packed 6-bit scales and mins (engine/quant/ggml_blocks.ts
// kScaleMin). The head keeps that vec4u as read and d, dmin as f32 (6 registers
// per row: a thread holds one head per row it owns; the f16 conversion is
// paid once per block, not per group); each group decodes its (scale, min)
// pair from it without branches. Joined before either type's snippet.

struct Head {
  v: vec4u,
  dd: vec2f, // (d, dmin), converted once per block, not per group
}

fn ggml_head(bw: u32) -> Head {
  let v = w[bw];
  return Head(v, unpack2x16float(v.x));
}

// (d * sc, dmin * m) of sub-block s: bytes 0-3 hold sc[0..3] and the top 2
// bits of sc[4..7]; 4-7 the same for the mins; 8-11 the low nibbles of
// sc[4..7] (low) and m[4..7] (high).
fn k_scale_min(h: Head, s: u32) -> vec2f {
  let dd = h.dd;
  let i = 8u * (s % 4u);
  let b_sc = (h.v.y >> i) & 0xffu;
  let b_m = (h.v.z >> i) & 0xffu;
  let b_hi = (h.v.w >> i) & 0xffu;
  let lo = vec2u(b_sc, b_m) & vec2u(63u);
  let hi = (vec2u(b_hi & 15u, b_hi >> 4u)) | ((vec2u(b_sc, b_m) >> vec2u(6u)) << vec2u(4u));
  return vec2f(select(hi, lo, s < 4u)) * dd;
}
