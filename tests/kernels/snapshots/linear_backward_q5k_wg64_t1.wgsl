// kernel linear_backward_q5k_wg64_t1
// entry point main
// constants {"WG":64}

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


fn ggml_prepare_x(x: array<vec4f, 8>, s: u32) -> array<vec4f, 8> {
  return x;
}

// Linear backward with respect to the input (weights frozen), one row chunk
// of w [rows, K] (rows rowStart.. of the whole [N, K]):
//   dx[t, k] (+)= sum_n dy[t, dyOffset + n] * w(n, k)
// the transposed product, reading the very buffers the forward reads: f32
// rows, q8/q4 codes and f16 scales (linear_backward.ts), or GGML blocks
// decoded with the forward's per-type snippet (linear_backward_ggml.ts); the
// GROUP hook loads values 32g .. 32g + 31 of row n as v: array<vec4f, 8>.
// A dispatch walks rows [rowBegin, rows) of the chunk, at most
// BACKWARD_ROWS_PER_DISPATCH of them (llvmpipe's loop cap, linear_backward.ts).
// One thread per 32-value group g of K and TT tokens: per row n it loads its
// group once (a contiguous run of the row) and adds dy[t, n] times the 32
// values into TT x 8 vec4 accumulators, separate variables (unrolled by the
// generator, so that no software adapter keeps them in indexed memory) that
// are gathered into arrays only for the store. Groups past
// K's end hold the row's zero padding and are not stored; tokens past T
// re-read the last one and are not stored. Chunks after the first (and every
// chunk with p.accumulate = 1) add to dx.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rowBegin: u32,
  rows: u32,
  dyStride: u32,
  dyOffset: u32,
  accumulate: u32,
  unitsPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;          // [T, dyStride]
@group(0) @binding(2) var<storage, read> w: array<W>;             // [rows, unitsPerRow]
@group(0) @binding(3) var<storage, read_write> dx: array<f32>; // [T, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  let t0 = gid.y * 1u;
  if (g * 32u >= p.K) {
    return;
  }
  let last = p.T - 1u;
  let b = g / GROUPS_PER_BLOCK;
  let s = g % GROUPS_PER_BLOCK;
  let d0 = min(t0 + 0u, last) * p.dyStride + p.dyOffset;
  var acc0_0 = vec4f(0.0);
  var acc0_1 = vec4f(0.0);
  var acc0_2 = vec4f(0.0);
  var acc0_3 = vec4f(0.0);
  var acc0_4 = vec4f(0.0);
  var acc0_5 = vec4f(0.0);
  var acc0_6 = vec4f(0.0);
  var acc0_7 = vec4f(0.0);
  for (var n = p.rowBegin; n < p.rows; n++) {
    let bw = n * p.unitsPerRow + b * BLOCK_UNITS;
    let v = ggml_group(bw, ggml_head(bw), s);
    let y0 = vec4f(dy[d0 + n]);
    acc0_0 = fma(v[0u], y0, acc0_0);
    acc0_1 = fma(v[1u], y0, acc0_1);
    acc0_2 = fma(v[2u], y0, acc0_2);
    acc0_3 = fma(v[3u], y0, acc0_3);
    acc0_4 = fma(v[4u], y0, acc0_4);
    acc0_5 = fma(v[5u], y0, acc0_5);
    acc0_6 = fma(v[6u], y0, acc0_6);
    acc0_7 = fma(v[7u], y0, acc0_7);
  }
  let o0 = array<vec4f, 8>(acc0_0, acc0_1, acc0_2, acc0_3, acc0_4, acc0_5, acc0_6, acc0_7);
  for (var i = 0u; i < 8u; i++) {
    for (var e = 0u; e < 4u; e++) {
      let k = 32u * g + 4u * i + e;
      if (k < p.K) {
        if (t0 + 0u < p.T) {
          let at = (t0 + 0u) * p.K + k;
          dx[at] = select(o0[i][e], dx[at] + o0[i][e], p.accumulate != 0u);
        }
      }
    }
  }
}
