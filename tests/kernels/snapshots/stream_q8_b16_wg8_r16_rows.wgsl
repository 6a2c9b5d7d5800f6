// kernel stream_q8_b16_wg8_r16_rows
// entry point main
// constants {"WG":8}

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

// Bandwidth ceilings: read every value of a matrix once, in the access pattern
// of the matching matvec kernel, and sum; no x, no multiply. One partial sum
// per thread is written so that the reads cannot be optimized away. stream.ts
// fills in the matrix's bindings and the loop that sums a thread's share (SUM,
// leaving it in `s`):
//   f32: matvec.wgsl's pattern (ROWS rows per workgroup, lanes strided along
//        the rows, ROWS independent loads in flight);
//   q8/q4: matvec_quant.wgsl's (either split: threads sharing ROWS rows and
//        taking blocks strided along them, or each thread owning ROWS rows;
//        codes loaded as the same word vectors), dequantized with the same
//        code as matvec_quant minus x: the in-place codes are multiplied by
//        their power-of-two constants instead of pre-scaled x, and q4's offset
//        is 8 * BLOCK instead of 8 * sum(x). The most a matvec of this format
//        could reach on this adapter.

const ROWS: u32 = 16u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  blocksPerRow: u32,
  rows: u32,
  wordsPerRow: u32,
  scalesPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<vec4u>;      // [rows, wordsPerRow / width]
@group(0) @binding(2) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [threads]

override WG: u32 = 8;

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let g = wid.x + wid.y * nwg.x;
  let row0 = g * ROWS * WG;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let wpv = p.wordsPerRow / 4u;
  var s = 0.0;
  for (var b = 0u; b < p.blocksPerRow; b += 1u) {
    let c = 0u;
  let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
  let s0 = dot(fma(scaled_q8(v0[3]), vec4f(Q8_SCALE), fma(scaled_q8(v0[2]), vec4f(Q8_SCALE), fma(scaled_q8(v0[1]), vec4f(Q8_SCALE), scaled_q8(v0[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
  let s1 = dot(fma(scaled_q8(v1[3]), vec4f(Q8_SCALE), fma(scaled_q8(v1[2]), vec4f(Q8_SCALE), fma(scaled_q8(v1[1]), vec4f(Q8_SCALE), scaled_q8(v1[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
  let s2 = dot(fma(scaled_q8(v2[3]), vec4f(Q8_SCALE), fma(scaled_q8(v2[2]), vec4f(Q8_SCALE), fma(scaled_q8(v2[1]), vec4f(Q8_SCALE), scaled_q8(v2[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
  let s3 = dot(fma(scaled_q8(v3[3]), vec4f(Q8_SCALE), fma(scaled_q8(v3[2]), vec4f(Q8_SCALE), fma(scaled_q8(v3[1]), vec4f(Q8_SCALE), scaled_q8(v3[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
  let s4 = dot(fma(scaled_q8(v4[3]), vec4f(Q8_SCALE), fma(scaled_q8(v4[2]), vec4f(Q8_SCALE), fma(scaled_q8(v4[1]), vec4f(Q8_SCALE), scaled_q8(v4[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
  let s5 = dot(fma(scaled_q8(v5[3]), vec4f(Q8_SCALE), fma(scaled_q8(v5[2]), vec4f(Q8_SCALE), fma(scaled_q8(v5[1]), vec4f(Q8_SCALE), scaled_q8(v5[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
  let s6 = dot(fma(scaled_q8(v6[3]), vec4f(Q8_SCALE), fma(scaled_q8(v6[2]), vec4f(Q8_SCALE), fma(scaled_q8(v6[1]), vec4f(Q8_SCALE), scaled_q8(v6[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
  let s7 = dot(fma(scaled_q8(v7[3]), vec4f(Q8_SCALE), fma(scaled_q8(v7[2]), vec4f(Q8_SCALE), fma(scaled_q8(v7[1]), vec4f(Q8_SCALE), scaled_q8(v7[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v8 = w[min(row0 + 8u * WG + lid, last) * wpv + b * 1u + c];
  let s8 = dot(fma(scaled_q8(v8[3]), vec4f(Q8_SCALE), fma(scaled_q8(v8[2]), vec4f(Q8_SCALE), fma(scaled_q8(v8[1]), vec4f(Q8_SCALE), scaled_q8(v8[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v9 = w[min(row0 + 9u * WG + lid, last) * wpv + b * 1u + c];
  let s9 = dot(fma(scaled_q8(v9[3]), vec4f(Q8_SCALE), fma(scaled_q8(v9[2]), vec4f(Q8_SCALE), fma(scaled_q8(v9[1]), vec4f(Q8_SCALE), scaled_q8(v9[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v10 = w[min(row0 + 10u * WG + lid, last) * wpv + b * 1u + c];
  let s10 = dot(fma(scaled_q8(v10[3]), vec4f(Q8_SCALE), fma(scaled_q8(v10[2]), vec4f(Q8_SCALE), fma(scaled_q8(v10[1]), vec4f(Q8_SCALE), scaled_q8(v10[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v11 = w[min(row0 + 11u * WG + lid, last) * wpv + b * 1u + c];
  let s11 = dot(fma(scaled_q8(v11[3]), vec4f(Q8_SCALE), fma(scaled_q8(v11[2]), vec4f(Q8_SCALE), fma(scaled_q8(v11[1]), vec4f(Q8_SCALE), scaled_q8(v11[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v12 = w[min(row0 + 12u * WG + lid, last) * wpv + b * 1u + c];
  let s12 = dot(fma(scaled_q8(v12[3]), vec4f(Q8_SCALE), fma(scaled_q8(v12[2]), vec4f(Q8_SCALE), fma(scaled_q8(v12[1]), vec4f(Q8_SCALE), scaled_q8(v12[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v13 = w[min(row0 + 13u * WG + lid, last) * wpv + b * 1u + c];
  let s13 = dot(fma(scaled_q8(v13[3]), vec4f(Q8_SCALE), fma(scaled_q8(v13[2]), vec4f(Q8_SCALE), fma(scaled_q8(v13[1]), vec4f(Q8_SCALE), scaled_q8(v13[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v14 = w[min(row0 + 14u * WG + lid, last) * wpv + b * 1u + c];
  let s14 = dot(fma(scaled_q8(v14[3]), vec4f(Q8_SCALE), fma(scaled_q8(v14[2]), vec4f(Q8_SCALE), fma(scaled_q8(v14[1]), vec4f(Q8_SCALE), scaled_q8(v14[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let v15 = w[min(row0 + 15u * WG + lid, last) * wpv + b * 1u + c];
  let s15 = dot(fma(scaled_q8(v15[3]), vec4f(Q8_SCALE), fma(scaled_q8(v15[2]), vec4f(Q8_SCALE), fma(scaled_q8(v15[1]), vec4f(Q8_SCALE), scaled_q8(v15[0]) * vec4f(Q8_SCALE)))), vec4f(1.0));
  let off = 0.0;
  let si0 = min(row0 + 0u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si0 >> 1u], si0) * (s0 - off);
  let si1 = min(row0 + 1u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si1 >> 1u], si1) * (s1 - off);
  let si2 = min(row0 + 2u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si2 >> 1u], si2) * (s2 - off);
  let si3 = min(row0 + 3u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si3 >> 1u], si3) * (s3 - off);
  let si4 = min(row0 + 4u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si4 >> 1u], si4) * (s4 - off);
  let si5 = min(row0 + 5u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si5 >> 1u], si5) * (s5 - off);
  let si6 = min(row0 + 6u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si6 >> 1u], si6) * (s6 - off);
  let si7 = min(row0 + 7u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si7 >> 1u], si7) * (s7 - off);
  let si8 = min(row0 + 8u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si8 >> 1u], si8) * (s8 - off);
  let si9 = min(row0 + 9u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si9 >> 1u], si9) * (s9 - off);
  let si10 = min(row0 + 10u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si10 >> 1u], si10) * (s10 - off);
  let si11 = min(row0 + 11u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si11 >> 1u], si11) * (s11 - off);
  let si12 = min(row0 + 12u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si12 >> 1u], si12) * (s12 - off);
  let si13 = min(row0 + 13u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si13 >> 1u], si13) * (s13 - off);
  let si14 = min(row0 + 14u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si14 >> 1u], si14) * (s14 - off);
  let si15 = min(row0 + 15u * WG + lid, last) * p.scalesPerRow + b;
  s += f16_at(scales[si15 >> 1u], si15) * (s15 - off);
  }
  out[g * WG + lid] = s;
}
