// Q4_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {f16 d, dmin;
// u8 scales[12]; u8 qs[128]}, 144 bytes = 36 words; sub-block s (group g % 8)
// has 6-bit scale sc and min m (k_scale_min, ggml_kscale.wgsl), w = d * sc * q - dmin * m, its
// codes the low (s even) or high (s odd) nibbles of qs[32 (s / 2) ..].

const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_WORDS: u32 = 36u;

fn ggml_group(base: u32, g: u32) -> array<vec4f, 8> {
  let bw = base + (g / 8u) * BLOCK_WORDS;
  let s = g % 8u;
  let dd = unpack2x16float(w[bw]);
  let sm = k_scale_min(bw, s);
  let a = vec4f(dd.x * sm.x);
  let c = vec4f(dd.y * sm.y);
  let qs = bw + 4u + 8u * (s / 2u);
  let shift = 4u * (s % 2u);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    out[i] = fma(vec4f(byte_fields(w[qs + i], shift, 15u)), a, -c);
  }
  return out;
}
