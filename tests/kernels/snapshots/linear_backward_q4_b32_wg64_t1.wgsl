// kernel linear_backward_q4_b32_wg64_t1
// entry point main
// constants {"WG":64}

// Shared dequantization helpers for the block-quantized formats (layout in
// engine/quant/format.ts), joined explicitly into the kernels that read q8/q4
// weights. Only core WGSL: byte and nibble extraction by shifts and masks, f16
// scales by unpack2x16float, so neither shader-f16 nor packed_4x8 is needed.

// Codes 4q .. 4q + 3 of a q8 word (q = 0): its four signed bytes.
fn dequant_q8(word: u32, q: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) >> vec4u(24u));
}

// Codes 4q .. 4q + 3 of a q4 word (q = 0 or 1), centred: nibble - 8.
fn dequant_q4(word: u32, q: u32) -> vec4f {
  let h = word >> (q * 16u);
  return vec4f((vec4u(h) >> vec4u(0u, 4u, 8u, 12u)) & vec4u(15u)) - 8.0;
}

// Code j of a q8 word, signed.
fn element_q8(word: u32, j: u32) -> f32 {
  return f32(i32(word << (24u - 8u * j)) >> 24u);
}

// Code j of a q4 word, centred.
fn element_q4(word: u32, j: u32) -> f32 {
  return f32((word >> (4u * j)) & 15u) - 8.0;
}

// Scale i of a row of f16 scales stored two per u32 (`pair` = scales[i / 2]).
fn f16_at(pair: u32, i: u32) -> f32 {
  return unpack2x16float(pair)[i & 1u];
}

// Codes left in place ("scaled" codes, for matvec_quant and stream):
// masking a code where it sits in the word and converting is exact, and costs
// one op less per code than shifting it down; the caller multiplies by values
// pre-scaled with the inverse power of two (exact unless they underflow).
//   q8: code j as i32 is code * 2^24 (j = 0..3): pre-scale 2^-24.
//   q4: nibble j (uncentred, 0..15) is nibble * 16^j for j < 7, and the top
//       nibble is shifted down: pre-scale Q4_LO (codes 0..3), Q4_HI (4..7).
const Q8_SCALE: f32 = 5.9604644775390625e-8; // 2^-24
const Q4_LO = vec4f(1.0, 0.0625, 0.00390625, 0.000244140625);
const Q4_HI = vec4f(1.52587890625e-5, 9.5367431640625e-7, 5.9604644775390625e-8, 1.0);

fn scaled_q8(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) << vec4u(24u, 16u, 8u, 0u)) & vec4i(-16777216));
}

fn scaled_q4_lo(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word) & vec4u(0xfu, 0xf0u, 0xf00u, 0xf000u)));
}

fn scaled_q4_hi(word: u32) -> vec4f {
  return vec4f(vec4i(vec4u(word, word, word, word >> 28u) & vec4u(0xf0000u, 0xf00000u, 0xf000000u, 0xfu)));
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
  wordsPerRow: u32,
  scalePairsPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> dy: array<f32>;          // [T, dyStride]
@group(0) @binding(2) var<storage, read> words: array<u32>;  // [rows, wordsPerRow] codes
@group(0) @binding(3) var<storage, read> scales: array<u32>; // [rows, scalePairsPerRow] f16 pairs
@group(0) @binding(4) var<storage, read_write> dx: array<f32>; // [T, K]

override WG: u32 = 64;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  let t0 = gid.y * 1u;
  if (g * 32u >= p.K) {
    return;
  }
  let last = p.T - 1u;
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
    let wr = n * p.wordsPerRow + 4u * g;
    let sr = n * p.scalePairsPerRow;
    let blk = g * 1u;
    let sc0 = f16_at(scales[sr + (blk + 0u) / 2u], blk + 0u);
    let w0 = words[wr + 0u];
    let w1 = words[wr + 1u];
    let w2 = words[wr + 2u];
    let w3 = words[wr + 3u];
    let v = array<vec4f, 8>(sc0 * dequant_q4(w0, 0u), sc0 * dequant_q4(w0, 1u), sc0 * dequant_q4(w1, 0u), sc0 * dequant_q4(w1, 1u), sc0 * dequant_q4(w2, 0u), sc0 * dequant_q4(w2, 1u), sc0 * dequant_q4(w3, 0u), sc0 * dequant_q4(w3, 1u));
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
