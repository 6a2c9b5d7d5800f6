// Q4_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {f16 d, dmin;
// u8 scales[12]; u8 qs[128]}, 144 bytes = 9 vec4u, read as vec4u: unit 0 is
// the whole head (d, dmin and the packed scales, decoded once per block by
// ggml_kscale.wgsl). Sub-block
// s (group s) has 6-bit scale sc and min m, w = d * sc * q - dmin * m, its
// codes the low (s even) or high (s odd) nibbles of qs[32 (s / 2) ..], units
// 1 + 2 (s / 2) and the next.

alias W = vec4u;
const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_UNITS: u32 = 9u;

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  let ac = k_scale_min(h, s);
  let a = vec4f(ac.x);
  let c = vec4f(ac.y);
  let q0 = w[bw + 1u + 2u * (s / 2u)];
  let q1 = w[bw + 2u + 2u * (s / 2u)];
  let shift = 4u * (s % 2u);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    out[i] = fma(vec4f(byte_fields(q0[i], shift, 15u)), a, -c);
    out[i + 4u] = fma(vec4f(byte_fields(q1[i], shift, 15u)), a, -c);
  }
  return out;
}

// x for ggml_dot, prepared once per group for all rows: each vec4 scaled by
// the powers of two that undo codes masked in place (not shifted down):
// nibble n of byte e of a word, masked, is q * 16^n * 256^e (exact in f32).
fn ggml_prepare_x(x: array<vec4f, 8>, s: u32) -> array<vec4f, 8> {
  let k = select(1.0, 0.0625, s % 2u == 1u) * vec4f(1.0, 0.00390625, 1.52587890625e-5, 5.9604644775390625e-8);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    out[i] = x[i] * k;
  }
  return out;
}

// sum_k w_k x_k over group s with the min folded out: a * sum(q x) - c * sum(x)
// (`xp` from ggml_prepare_x, `xs` the sums of the unscaled x's two halves):
// per code one and, one conversion and one multiply-add.
fn ggml_dot(bw: u32, h: Head, s: u32, xp: array<vec4f, 8>, xs: vec2f) -> f32 {
  let ac = k_scale_min(h, s);
  let q0 = w[bw + 1u + 2u * (s / 2u)];
  let q1 = w[bw + 2u + 2u * (s / 2u)];
  let mask = vec4u(0xfu, 0xf00u, 0xf0000u, 0xf000000u) << vec4u(4u * (s % 2u));
  var t = vec4f(vec4u(q0[0]) & mask) * xp[0];
  for (var i = 1u; i < 4u; i++) {
    t = fma(vec4f(vec4u(q0[i]) & mask), xp[i], t);
  }
  for (var i = 0u; i < 4u; i++) {
    t = fma(vec4f(vec4u(q1[i]) & mask), xp[i + 4u], t);
  }
  return ac.x * dot(t, vec4f(1.0)) - ac.y * (xs.x + xs.y);
}
