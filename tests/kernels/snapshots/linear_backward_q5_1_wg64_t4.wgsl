// kernel linear_backward_q5_1_wg64_t4
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

// Q5_1 (engine/quant/ggml_blocks.ts): blocks of 32, {f16 d, m; u8 qh[4];
// u8 qs[16]}, 24 bytes = 6 words; w = d * q + m, q = nibble | (bit j of qh) << 4.

alias W = u32;
const GROUPS_PER_BLOCK: u32 = 1u;
const BLOCK_UNITS: u32 = 6u;

struct Head {
  dm: vec2f,
  qh: u32,
}

fn ggml_head(bw: u32) -> Head {
  return Head(unpack2x16float(w[bw]), w[bw + 1u]);
}

fn ggml_group(bw: u32, h: Head, s: u32) -> array<vec4f, 8> {
  var out: array<vec4f, 8>;
  for (var i = 0u; i < 4u; i++) {
    let qs = w[bw + 2u + i];
    let h0 = ((vec4u(h.qh) >> (vec4u(0u, 1u, 2u, 3u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    let h1 = ((vec4u(h.qh) >> (vec4u(16u, 17u, 18u, 19u) + 4u * i)) & vec4u(1u)) << vec4u(4u);
    out[i] = fma(vec4f(byte_fields(qs, 0u, 15u) | h0), vec4f(h.dm.x), vec4f(h.dm.y));
    out[i + 4u] = fma(vec4f(byte_fields(qs, 4u, 15u) | h1), vec4f(h.dm.x), vec4f(h.dm.y));
  }
  return out;
}


fn ggml_dot(bw: u32, h: Head, s: u32, x: array<vec4f, 8>, xs: vec2f) -> f32 {
  return dot8(ggml_group(bw, h, s), x);
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
  let t0 = gid.y * 4u;
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
  let d1 = min(t0 + 1u, last) * p.dyStride + p.dyOffset;
  var acc1_0 = vec4f(0.0);
  var acc1_1 = vec4f(0.0);
  var acc1_2 = vec4f(0.0);
  var acc1_3 = vec4f(0.0);
  var acc1_4 = vec4f(0.0);
  var acc1_5 = vec4f(0.0);
  var acc1_6 = vec4f(0.0);
  var acc1_7 = vec4f(0.0);
  let d2 = min(t0 + 2u, last) * p.dyStride + p.dyOffset;
  var acc2_0 = vec4f(0.0);
  var acc2_1 = vec4f(0.0);
  var acc2_2 = vec4f(0.0);
  var acc2_3 = vec4f(0.0);
  var acc2_4 = vec4f(0.0);
  var acc2_5 = vec4f(0.0);
  var acc2_6 = vec4f(0.0);
  var acc2_7 = vec4f(0.0);
  let d3 = min(t0 + 3u, last) * p.dyStride + p.dyOffset;
  var acc3_0 = vec4f(0.0);
  var acc3_1 = vec4f(0.0);
  var acc3_2 = vec4f(0.0);
  var acc3_3 = vec4f(0.0);
  var acc3_4 = vec4f(0.0);
  var acc3_5 = vec4f(0.0);
  var acc3_6 = vec4f(0.0);
  var acc3_7 = vec4f(0.0);
  for (var n = p.rowBegin; n < p.rows; n++) {
    let bw = n * p.unitsPerRow + b * BLOCK_UNITS;
    let v = ggml_group(bw, ggml_head(bw), s);
    let y0 = vec4f(dy[d0 + n]);
    let y1 = vec4f(dy[d1 + n]);
    let y2 = vec4f(dy[d2 + n]);
    let y3 = vec4f(dy[d3 + n]);
    acc0_0 = fma(v[0u], y0, acc0_0);
    acc1_0 = fma(v[0u], y1, acc1_0);
    acc2_0 = fma(v[0u], y2, acc2_0);
    acc3_0 = fma(v[0u], y3, acc3_0);
    acc0_1 = fma(v[1u], y0, acc0_1);
    acc1_1 = fma(v[1u], y1, acc1_1);
    acc2_1 = fma(v[1u], y2, acc2_1);
    acc3_1 = fma(v[1u], y3, acc3_1);
    acc0_2 = fma(v[2u], y0, acc0_2);
    acc1_2 = fma(v[2u], y1, acc1_2);
    acc2_2 = fma(v[2u], y2, acc2_2);
    acc3_2 = fma(v[2u], y3, acc3_2);
    acc0_3 = fma(v[3u], y0, acc0_3);
    acc1_3 = fma(v[3u], y1, acc1_3);
    acc2_3 = fma(v[3u], y2, acc2_3);
    acc3_3 = fma(v[3u], y3, acc3_3);
    acc0_4 = fma(v[4u], y0, acc0_4);
    acc1_4 = fma(v[4u], y1, acc1_4);
    acc2_4 = fma(v[4u], y2, acc2_4);
    acc3_4 = fma(v[4u], y3, acc3_4);
    acc0_5 = fma(v[5u], y0, acc0_5);
    acc1_5 = fma(v[5u], y1, acc1_5);
    acc2_5 = fma(v[5u], y2, acc2_5);
    acc3_5 = fma(v[5u], y3, acc3_5);
    acc0_6 = fma(v[6u], y0, acc0_6);
    acc1_6 = fma(v[6u], y1, acc1_6);
    acc2_6 = fma(v[6u], y2, acc2_6);
    acc3_6 = fma(v[6u], y3, acc3_6);
    acc0_7 = fma(v[7u], y0, acc0_7);
    acc1_7 = fma(v[7u], y1, acc1_7);
    acc2_7 = fma(v[7u], y2, acc2_7);
    acc3_7 = fma(v[7u], y3, acc3_7);
  }
  let o0 = array<vec4f, 8>(acc0_0, acc0_1, acc0_2, acc0_3, acc0_4, acc0_5, acc0_6, acc0_7);
  let o1 = array<vec4f, 8>(acc1_0, acc1_1, acc1_2, acc1_3, acc1_4, acc1_5, acc1_6, acc1_7);
  let o2 = array<vec4f, 8>(acc2_0, acc2_1, acc2_2, acc2_3, acc2_4, acc2_5, acc2_6, acc2_7);
  let o3 = array<vec4f, 8>(acc3_0, acc3_1, acc3_2, acc3_3, acc3_4, acc3_5, acc3_6, acc3_7);
  for (var i = 0u; i < 8u; i++) {
    for (var e = 0u; e < 4u; e++) {
      let k = 32u * g + 4u * i + e;
      if (k < p.K) {
        if (t0 + 0u < p.T) {
          let at = (t0 + 0u) * p.K + k;
          dx[at] = select(o0[i][e], dx[at] + o0[i][e], p.accumulate != 0u);
        }
        if (t0 + 1u < p.T) {
          let at = (t0 + 1u) * p.K + k;
          dx[at] = select(o1[i][e], dx[at] + o1[i][e], p.accumulate != 0u);
        }
        if (t0 + 2u < p.T) {
          let at = (t0 + 2u) * p.K + k;
          dx[at] = select(o2[i][e], dx[at] + o2[i][e], p.accumulate != 0u);
        }
        if (t0 + 3u < p.T) {
          let at = (t0 + 3u) * p.K + k;
          dx[at] = select(o3[i][e], dx[at] + o3[i][e], p.accumulate != 0u);
        }
      }
    }
  }
}
