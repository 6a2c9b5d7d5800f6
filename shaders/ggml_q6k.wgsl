// Q6_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {u8 ql[128];
// u8 qh[64]; i8 scales[16]; f16 d}, 210 bytes kept as stored and padded to
// 212 (53 u32 words: not whole vec4u, so read as u32). Group s = 4h + c:
// element l has its low 4 bits in ql[64h + 32 (c & 1) + l] (nibble c / 2),
// its high 2 bits at bit 2c of qh[32h + l], and scale scales[8h + 2c + l / 16]:
// w = d * scale * (q - 32). The head holds d and the 16 scale bytes.

alias W = u32;
const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_UNITS: u32 = 53u;

struct Head {
  d: f32,
  scales: vec4u,
}

fn ggml_head(bw: u32) -> Head {
  let scales = vec4u(w[bw + 48u], w[bw + 49u], w[bw + 50u], w[bw + 51u]);
  return Head(unpack2x16float(w[bw + 52u]).x, scales);
}

// Signed scale byte j (0..15) of the head.
fn q6k_scale(h: Head, j: u32) -> f32 {
  return f32(i32(h.scales[j / 4u] << (24u - 8u * (j % 4u))) >> 24u);
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  let part = s / 4u;
  let c = s % 4u;
  let a0 = vec4f(h.d * q6k_scale(h, 8u * part + 2u * c));
  let a1 = vec4f(h.d * q6k_scale(h, 8u * part + 2u * c + 1u));
  let ql = bw + 16u * part + 8u * (c & 1u);
  let lo = 4u * (c / 2u);
  let qh = bw + 32u + 8u * part;
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    let q = byte_fields(w[ql + i], lo, 15u) | (byte_fields(w[qh + i], 2u * c, 3u) << vec4u(4u));
    out[i] = (vec4f(q) - 32.0) * select(a1, a0, i < 4u);
  }
  return out;
}

// sum_k w_k x_k over group s with the offset folded out: per part (one scale
// each) a * (sum(q x) - 32 sum(x)).
fn ggml_dot(bw: u32, h: Head, s: u32, x: array<vec4f, 8>, xs: vec2f) -> f32 {
  let part = s / 4u;
  let c = s % 4u;
  let a0 = h.d * q6k_scale(h, 8u * part + 2u * c);
  let a1 = h.d * q6k_scale(h, 8u * part + 2u * c + 1u);
  let ql = bw + 16u * part + 8u * (c & 1u);
  let lo = 4u * (c / 2u);
  let qh = bw + 32u + 8u * part;
  var t0 = vec4f(0.0);
  var t1 = vec4f(0.0);
  for (var i = 0u; i < 4u; i++) {
    let q0 = byte_fields(w[ql + i], lo, 15u) | (byte_fields(w[qh + i], 2u * c, 3u) << vec4u(4u));
    let q1 = byte_fields(w[ql + 4u + i], lo, 15u) |
      (byte_fields(w[qh + 4u + i], 2u * c, 3u) << vec4u(4u));
    t0 = fma(vec4f(q0), x[i], t0);
    t1 = fma(vec4f(q1), x[i + 4u], t1);
  }
  return a0 * (dot(t0, vec4f(1.0)) - 32.0 * xs.x) + a1 * (dot(t1, vec4f(1.0)) - 32.0 * xs.y);
}
