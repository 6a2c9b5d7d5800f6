// kernel linear_backward_q6k_wg64_t1
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
