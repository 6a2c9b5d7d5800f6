// Q5_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {f16 d, dmin;
// u8 scales[12]; u8 qh[32]; u8 qs[128]}, 176 bytes = 44 words; as Q4_K with a
// fifth bit: bit s of qh[l] for element l of sub-block s. The scale decoding
// (k_scale_min) is Q4_K's, in ggml_kscale.wgsl.

const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_WORDS: u32 = 44u;

fn ggml_group(base: u32, g: u32) -> array<vec4f, 8> {
  let bw = base + (g / 8u) * BLOCK_WORDS;
  let s = g % 8u;
  let dd = unpack2x16float(w[bw]);
  let sm = k_scale_min(bw, s);
  let a = vec4f(dd.x * sm.x);
  let c = vec4f(dd.y * sm.y);
  let qs = bw + 12u + 8u * (s / 2u);
  let shift = 4u * (s % 2u);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    let q = byte_fields(w[qs + i], shift, 15u) | (byte_fields(w[bw + 4u + i], s, 1u) << vec4u(4u));
    out[i] = fma(vec4f(q), a, -c);
  }
  return out;
}
