// Q4_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {f16 d, dmin;
// u8 scales[12]; u8 qs[128]}, 144 bytes = 9 vec4u, read as vec4u: unit 0 is
// the whole head (d, dmin and the packed scales, ggml_kscale.wgsl). Sub-block
// s (group s) has 6-bit scale sc and min m, w = d * sc * q - dmin * m, its
// codes the low (s even) or high (s odd) nibbles of qs[32 (s / 2) ..], units
// 1 + 2 (s / 2) and the next.

alias W = vec4u;
const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_UNITS: u32 = 9u;

struct Head {
  v: vec4u,
}

fn ggml_head(bw: u32) -> Head {
  return Head(w[bw]);
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  let dd = unpack2x16float(h.v.x);
  let sm = k_scale_min(h.v, s);
  let a = vec4f(dd.x * sm.x);
  let c = vec4f(dd.y * sm.y);
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
