// Shared WGSL for the kernels that read GGML block formats in place
// (engine/quant/block_matrix.ts). Every type's snippet (ggml_<format>.wgsl)
// defines, over the global `w: array<W>` of a row chunk:
//   alias W = u32 or vec4u;         // the unit of w: whole blocks are whole units
//   const GROUPS_PER_BLOCK: u32;    // 32-value groups per block (1 or 8)
//   const BLOCK_UNITS: u32;         // units of W per block (ggml's bytes padded to 4)
//   struct Head { ... }             // what a block's groups share (f16 scales, ...)
//   fn ggml_head(bw: u32) -> Head   // read once per block, at unit bw
//   fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8>
// ggml_group returns the dequantized values of group s of the block at unit
// bw (element 4i + e in component e of [i]), its sub-block scale and min
// decoded once per group. A snippet may also define
//   fn ggml_dot(bw: u32, h: Head, s: u32, x: array<vec4f, 8>, xs: vec2f) -> f32
// (the group's dot product with x, whose half sums are xs) with its scale and
// offset folded out of the per-code work (one fma per code), and
//   fn ggml_prepare_x(x: array<vec4f, 8>, s: u32) -> array<vec4f, 8>
// (x as ggml_dot wants it, made once per group for all rows: Q4_K pre-scales
// it to multiply codes masked in place); the others get GGML_DOT_GENERIC and
// PREPARE_X_IDENTITY (ggml_codegen.ts). Only core WGSL: bytes and bit fields by shifts and
// masks, f16 by unpack2x16float.

// Bit field `shift` .. of each of the four bytes of `word`, masked: byte e of
// the word is component e.
fn byte_fields(word: u32, shift: u32, mask: u32) -> vec4u {
  return (vec4u(word) >> (vec4u(0u, 8u, 16u, 24u) + vec4u(shift))) & vec4u(mask);
}

// Byte j (0..3) of `word`.
fn byte_of(word: u32, j: u32) -> u32 {
  return (word >> (8u * j)) & 0xffu;
}

// sum_i dot(a[i], b[i]) as one fma chain per component.
fn dot8(a: array<vec4f, 8>, b: array<vec4f, 8>) -> f32 {
  var s = a[0] * b[0];
  for (var i = 1u; i < 8u; i++) {
    s = fma(a[i], b[i], s);
  }
  return dot(s, vec4f(1.0));
}

// sums of x's two halves (values 0..15 and 16..31 of a group).
fn half_sums(x: array<vec4f, 8>) -> vec2f {
  let lo = x[0] + x[1] + x[2] + x[3];
  let hi = x[4] + x[5] + x[6] + x[7];
  return vec2f(dot(lo, vec4f(1.0)), dot(hi, vec4f(1.0)));
}
