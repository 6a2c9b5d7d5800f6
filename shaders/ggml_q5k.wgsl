// Q5_K (engine/quant/ggml_blocks.ts): super-blocks of 256, {f16 d, dmin;
// u8 scales[12]; u8 qh[32]; u8 qs[128]}, 176 bytes = 11 vec4u, read as vec4u;
// as Q4_K (head and scales: ggml_kscale.wgsl) with a fifth bit: bit s of
// qh[l] (units 1 and 2) for element l of sub-block s; qs from unit 3.

alias W = vec4u;
const GROUPS_PER_BLOCK: u32 = 8u;
const BLOCK_UNITS: u32 = 11u;

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  let ac = k_scale_min(h, s);
  let a = vec4f(ac.x);
  let c = vec4f(ac.y);
  let h0 = w[bw + 1u];
  let h1 = w[bw + 2u];
  let q0 = w[bw + 3u + 2u * (s / 2u)];
  let q1 = w[bw + 4u + 2u * (s / 2u)];
  let shift = 4u * (s % 2u);
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let lo = byte_fields(q0[i], shift, 15u) | (byte_fields(h0[i], s, 1u) << vec4u(4u));
    let hi = byte_fields(q1[i], shift, 15u) | (byte_fields(h1[i], s, 1u) << vec4u(4u));
    out[i] = fma(vec4f(lo), a, -c);
    out[i + 4u] = fma(vec4f(hi), a, -c);
  }
  return out;
}

// sum_k w_k x_k over group s with the min folded out: a * sum(q x) - c * sum(x).
fn ggml_dot(bw: u32, h: Head, s: u32, x: array<vec4f, 8>, xs: vec2f) -> f32 {
  let ac = k_scale_min(h, s);
  let h0 = w[bw + 1u];
  let h1 = w[bw + 2u];
  let q0 = w[bw + 3u + 2u * (s / 2u)];
  let q1 = w[bw + 4u + 2u * (s / 2u)];
  let shift = 4u * (s % 2u);
  var t = vec4f(0.0);
  for (var i = 0u; i < 4u; i++) {
    let lo = byte_fields(q0[i], shift, 15u) | (byte_fields(h0[i], s, 1u) << vec4u(4u));
    let hi = byte_fields(q1[i], shift, 15u) | (byte_fields(h1[i], s, 1u) << vec4u(4u));
    t = fma(vec4f(lo), x[i], t);
    t = fma(vec4f(hi), x[i + 4u], t);
  }
  return ac.x * dot(t, vec4f(1.0)) - ac.y * (xs.x + xs.y);
}
