// kernel matvec_q4_b32_vec4_wg8_r16_rows_ux64
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

// Decode-path matrix-vector product over one row chunk of a block-quantized
// w (q8 or q4, engine/quant/format.ts), dequantized in registers:
//   out[colOffset + n] = sum_k d(n, k / BLOCK) * code(n, k) * x[k]   for n < rows.
// A thread keeps ROWS rows and walks whole blocks: per block it loads that
// block's x once and uses it for all its ROWS rows, reading each row's codes as
// whole vectors of words (one vec4<u32> holds a q8 block of 16 or a q4 block
// of 32) and one scale per row. Two splits of the work (matvec_quant.ts):
//   "k":    the WG threads of a workgroup share its ROWS rows and take blocks
//           strided over K (neighbouring threads read neighbouring blocks:
//           coalesced on GPUs); partial sums meet in workgroup memory, or
//           with subgroupAdd when the workgroup is exactly one subgroup
//           (reduce "subgroup": the "subgroups" feature with a fixed size).
//   "rows": each thread owns ROWS rows (r * WG + lid) and walks all of K; no
//           reduction and no barrier (llvmpipe: a barrier makes the shader a
//           coroutine, and every load is a per-lane gather anyway).
// The per-row code is unrolled by matvec_quant.ts (MAIN, TAIL), so the ROWS
// accumulators are plain variables (llvmpipe turns arrays indexed by a loop
// counter into per-lane gathers and scatters). Rows past the chunk end re-read
// the last row, as in matvec.wgsl.
//
// x is bound as a uniform array<vec4f, K / 4> when it fits one uniform binding
// (matvec_quant.ts, uniformX), else as storage: on llvmpipe every lane gathers
// its own copy of a storage load, while a uniform load is one load per group.
//
// Hooks, filled in by matvec_quant.ts in four groups: numbers and types
// (ROWS, BLOCK, WV, X_DECL); the split (ROWS_PER_GROUP, B0, BSTEP, TAIL_LANE);
// the reduction (PARTIAL, BUILTINS, STORE); the unrolled block (ACC, MAIN, TAIL).
//
// Decoding (quant.wgsl): codes are masked in place, not shifted down, and x is
// pre-scaled by the matching power of two (exact), so a code costs an and, a
// conversion and a multiply-add; q4's -8 is folded into the block:
//   sum_j d (q_j - 8) x_j = d (sum_j q_j x_j - 8 sum_j x_j).

const ROWS: u32 = 16u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  K: u32,
  rows: u32,
  colOffset: u32,
  wordsPerRow: u32,
  scalesPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<uniform> x: array<vec4f, 16>; // [K / 4]
@group(0) @binding(2) var<storage, read> w: array<vec4u>;      // [rows, wordsPerRow / width(WV)]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [N]

override WG: u32 = 32; // threads per workgroup

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // The grid is folded into y (grid.ts) when the workgroup count > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * ROWS * WG;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let full = p.K / 32u;
  let wpv = p.wordsPerRow / 4u;
  var acc0 = 0.0;
  var acc1 = 0.0;
  var acc2 = 0.0;
  var acc3 = 0.0;
  var acc4 = 0.0;
  var acc5 = 0.0;
  var acc6 = 0.0;
  var acc7 = 0.0;
  var acc8 = 0.0;
  var acc9 = 0.0;
  var acc10 = 0.0;
  var acc11 = 0.0;
  var acc12 = 0.0;
  var acc13 = 0.0;
  var acc14 = 0.0;
  var acc15 = 0.0;
  for (var b = 0u; b < full; b += 1u) {
    var xs0 = vec4f(0.0);
    let c = 0u;
    let k4 = (b * 1u + c) * 8u;
    let xr0_0 = x[k4 + 0u];
    let xr0_1 = x[k4 + 1u];
    let xr0_2 = x[k4 + 2u];
    let xr0_3 = x[k4 + 3u];
    let xr0_4 = x[k4 + 4u];
    let xr0_5 = x[k4 + 5u];
    let xr0_6 = x[k4 + 6u];
    let xr0_7 = x[k4 + 7u];
    xs0 += xr0_0 + xr0_1 + xr0_2 + xr0_3 + xr0_4 + xr0_5 + xr0_6 + xr0_7;
    let x0_0 = xr0_0 * Q4_LO;
    let x0_1 = xr0_1 * Q4_HI;
    let x0_2 = xr0_2 * Q4_LO;
    let x0_3 = xr0_3 * Q4_HI;
    let x0_4 = xr0_4 * Q4_LO;
    let x0_5 = xr0_5 * Q4_HI;
    let x0_6 = xr0_6 * Q4_LO;
    let x0_7 = xr0_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let v8 = w[min(row0 + 8u * WG + lid, last) * wpv + b * 1u + c];
    let s8_0 = dot(fma(scaled_q4_hi(v8[3]), x0_7, fma(scaled_q4_lo(v8[3]), x0_6, fma(scaled_q4_hi(v8[2]), x0_5, fma(scaled_q4_lo(v8[2]), x0_4, fma(scaled_q4_hi(v8[1]), x0_3, fma(scaled_q4_lo(v8[1]), x0_2, fma(scaled_q4_hi(v8[0]), x0_1, scaled_q4_lo(v8[0]) * x0_0))))))), vec4f(1.0));
    let v9 = w[min(row0 + 9u * WG + lid, last) * wpv + b * 1u + c];
    let s9_0 = dot(fma(scaled_q4_hi(v9[3]), x0_7, fma(scaled_q4_lo(v9[3]), x0_6, fma(scaled_q4_hi(v9[2]), x0_5, fma(scaled_q4_lo(v9[2]), x0_4, fma(scaled_q4_hi(v9[1]), x0_3, fma(scaled_q4_lo(v9[1]), x0_2, fma(scaled_q4_hi(v9[0]), x0_1, scaled_q4_lo(v9[0]) * x0_0))))))), vec4f(1.0));
    let v10 = w[min(row0 + 10u * WG + lid, last) * wpv + b * 1u + c];
    let s10_0 = dot(fma(scaled_q4_hi(v10[3]), x0_7, fma(scaled_q4_lo(v10[3]), x0_6, fma(scaled_q4_hi(v10[2]), x0_5, fma(scaled_q4_lo(v10[2]), x0_4, fma(scaled_q4_hi(v10[1]), x0_3, fma(scaled_q4_lo(v10[1]), x0_2, fma(scaled_q4_hi(v10[0]), x0_1, scaled_q4_lo(v10[0]) * x0_0))))))), vec4f(1.0));
    let v11 = w[min(row0 + 11u * WG + lid, last) * wpv + b * 1u + c];
    let s11_0 = dot(fma(scaled_q4_hi(v11[3]), x0_7, fma(scaled_q4_lo(v11[3]), x0_6, fma(scaled_q4_hi(v11[2]), x0_5, fma(scaled_q4_lo(v11[2]), x0_4, fma(scaled_q4_hi(v11[1]), x0_3, fma(scaled_q4_lo(v11[1]), x0_2, fma(scaled_q4_hi(v11[0]), x0_1, scaled_q4_lo(v11[0]) * x0_0))))))), vec4f(1.0));
    let v12 = w[min(row0 + 12u * WG + lid, last) * wpv + b * 1u + c];
    let s12_0 = dot(fma(scaled_q4_hi(v12[3]), x0_7, fma(scaled_q4_lo(v12[3]), x0_6, fma(scaled_q4_hi(v12[2]), x0_5, fma(scaled_q4_lo(v12[2]), x0_4, fma(scaled_q4_hi(v12[1]), x0_3, fma(scaled_q4_lo(v12[1]), x0_2, fma(scaled_q4_hi(v12[0]), x0_1, scaled_q4_lo(v12[0]) * x0_0))))))), vec4f(1.0));
    let v13 = w[min(row0 + 13u * WG + lid, last) * wpv + b * 1u + c];
    let s13_0 = dot(fma(scaled_q4_hi(v13[3]), x0_7, fma(scaled_q4_lo(v13[3]), x0_6, fma(scaled_q4_hi(v13[2]), x0_5, fma(scaled_q4_lo(v13[2]), x0_4, fma(scaled_q4_hi(v13[1]), x0_3, fma(scaled_q4_lo(v13[1]), x0_2, fma(scaled_q4_hi(v13[0]), x0_1, scaled_q4_lo(v13[0]) * x0_0))))))), vec4f(1.0));
    let v14 = w[min(row0 + 14u * WG + lid, last) * wpv + b * 1u + c];
    let s14_0 = dot(fma(scaled_q4_hi(v14[3]), x0_7, fma(scaled_q4_lo(v14[3]), x0_6, fma(scaled_q4_hi(v14[2]), x0_5, fma(scaled_q4_lo(v14[2]), x0_4, fma(scaled_q4_hi(v14[1]), x0_3, fma(scaled_q4_lo(v14[1]), x0_2, fma(scaled_q4_hi(v14[0]), x0_1, scaled_q4_lo(v14[0]) * x0_0))))))), vec4f(1.0));
    let v15 = w[min(row0 + 15u * WG + lid, last) * wpv + b * 1u + c];
    let s15_0 = dot(fma(scaled_q4_hi(v15[3]), x0_7, fma(scaled_q4_lo(v15[3]), x0_6, fma(scaled_q4_hi(v15[2]), x0_5, fma(scaled_q4_lo(v15[2]), x0_4, fma(scaled_q4_hi(v15[1]), x0_3, fma(scaled_q4_lo(v15[1]), x0_2, fma(scaled_q4_hi(v15[0]), x0_1, scaled_q4_lo(v15[0]) * x0_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let si0 = min(row0 + 0u * WG + lid, last) * p.scalesPerRow + b;
    let d0 = f16_at(scales[si0 >> 1u], si0);
    acc0 += d0 * (s0_0 - off0);
    let si1 = min(row0 + 1u * WG + lid, last) * p.scalesPerRow + b;
    let d1 = f16_at(scales[si1 >> 1u], si1);
    acc1 += d1 * (s1_0 - off0);
    let si2 = min(row0 + 2u * WG + lid, last) * p.scalesPerRow + b;
    let d2 = f16_at(scales[si2 >> 1u], si2);
    acc2 += d2 * (s2_0 - off0);
    let si3 = min(row0 + 3u * WG + lid, last) * p.scalesPerRow + b;
    let d3 = f16_at(scales[si3 >> 1u], si3);
    acc3 += d3 * (s3_0 - off0);
    let si4 = min(row0 + 4u * WG + lid, last) * p.scalesPerRow + b;
    let d4 = f16_at(scales[si4 >> 1u], si4);
    acc4 += d4 * (s4_0 - off0);
    let si5 = min(row0 + 5u * WG + lid, last) * p.scalesPerRow + b;
    let d5 = f16_at(scales[si5 >> 1u], si5);
    acc5 += d5 * (s5_0 - off0);
    let si6 = min(row0 + 6u * WG + lid, last) * p.scalesPerRow + b;
    let d6 = f16_at(scales[si6 >> 1u], si6);
    acc6 += d6 * (s6_0 - off0);
    let si7 = min(row0 + 7u * WG + lid, last) * p.scalesPerRow + b;
    let d7 = f16_at(scales[si7 >> 1u], si7);
    acc7 += d7 * (s7_0 - off0);
    let si8 = min(row0 + 8u * WG + lid, last) * p.scalesPerRow + b;
    let d8 = f16_at(scales[si8 >> 1u], si8);
    acc8 += d8 * (s8_0 - off0);
    let si9 = min(row0 + 9u * WG + lid, last) * p.scalesPerRow + b;
    let d9 = f16_at(scales[si9 >> 1u], si9);
    acc9 += d9 * (s9_0 - off0);
    let si10 = min(row0 + 10u * WG + lid, last) * p.scalesPerRow + b;
    let d10 = f16_at(scales[si10 >> 1u], si10);
    acc10 += d10 * (s10_0 - off0);
    let si11 = min(row0 + 11u * WG + lid, last) * p.scalesPerRow + b;
    let d11 = f16_at(scales[si11 >> 1u], si11);
    acc11 += d11 * (s11_0 - off0);
    let si12 = min(row0 + 12u * WG + lid, last) * p.scalesPerRow + b;
    let d12 = f16_at(scales[si12 >> 1u], si12);
    acc12 += d12 * (s12_0 - off0);
    let si13 = min(row0 + 13u * WG + lid, last) * p.scalesPerRow + b;
    let d13 = f16_at(scales[si13 >> 1u], si13);
    acc13 += d13 * (s13_0 - off0);
    let si14 = min(row0 + 14u * WG + lid, last) * p.scalesPerRow + b;
    let d14 = f16_at(scales[si14 >> 1u], si14);
    acc14 += d14 * (s14_0 - off0);
    let si15 = min(row0 + 15u * WG + lid, last) * p.scalesPerRow + b;
    let d15 = f16_at(scales[si15 >> 1u], si15);
    acc15 += d15 * (s15_0 - off0);
  }
  // The partial last block (K not a multiple of BLOCK): x read with a guard.
  if (full * 32u < p.K) {
    let b = full;
    var xs0 = vec4f(0.0);
    let c = 0u;
    let k4 = (b * 1u + c) * 8u;
    let xr0_0 = select(vec4f(0.0), x[min(k4 + 0u, p.K / 4u - 1u)], (k4 + 0u) * 4u < p.K);
    let xr0_1 = select(vec4f(0.0), x[min(k4 + 1u, p.K / 4u - 1u)], (k4 + 1u) * 4u < p.K);
    let xr0_2 = select(vec4f(0.0), x[min(k4 + 2u, p.K / 4u - 1u)], (k4 + 2u) * 4u < p.K);
    let xr0_3 = select(vec4f(0.0), x[min(k4 + 3u, p.K / 4u - 1u)], (k4 + 3u) * 4u < p.K);
    let xr0_4 = select(vec4f(0.0), x[min(k4 + 4u, p.K / 4u - 1u)], (k4 + 4u) * 4u < p.K);
    let xr0_5 = select(vec4f(0.0), x[min(k4 + 5u, p.K / 4u - 1u)], (k4 + 5u) * 4u < p.K);
    let xr0_6 = select(vec4f(0.0), x[min(k4 + 6u, p.K / 4u - 1u)], (k4 + 6u) * 4u < p.K);
    let xr0_7 = select(vec4f(0.0), x[min(k4 + 7u, p.K / 4u - 1u)], (k4 + 7u) * 4u < p.K);
    xs0 += xr0_0 + xr0_1 + xr0_2 + xr0_3 + xr0_4 + xr0_5 + xr0_6 + xr0_7;
    let x0_0 = xr0_0 * Q4_LO;
    let x0_1 = xr0_1 * Q4_HI;
    let x0_2 = xr0_2 * Q4_LO;
    let x0_3 = xr0_3 * Q4_HI;
    let x0_4 = xr0_4 * Q4_LO;
    let x0_5 = xr0_5 * Q4_HI;
    let x0_6 = xr0_6 * Q4_LO;
    let x0_7 = xr0_7 * Q4_HI;
    let v0 = w[min(row0 + 0u * WG + lid, last) * wpv + b * 1u + c];
    let s0_0 = dot(fma(scaled_q4_hi(v0[3]), x0_7, fma(scaled_q4_lo(v0[3]), x0_6, fma(scaled_q4_hi(v0[2]), x0_5, fma(scaled_q4_lo(v0[2]), x0_4, fma(scaled_q4_hi(v0[1]), x0_3, fma(scaled_q4_lo(v0[1]), x0_2, fma(scaled_q4_hi(v0[0]), x0_1, scaled_q4_lo(v0[0]) * x0_0))))))), vec4f(1.0));
    let v1 = w[min(row0 + 1u * WG + lid, last) * wpv + b * 1u + c];
    let s1_0 = dot(fma(scaled_q4_hi(v1[3]), x0_7, fma(scaled_q4_lo(v1[3]), x0_6, fma(scaled_q4_hi(v1[2]), x0_5, fma(scaled_q4_lo(v1[2]), x0_4, fma(scaled_q4_hi(v1[1]), x0_3, fma(scaled_q4_lo(v1[1]), x0_2, fma(scaled_q4_hi(v1[0]), x0_1, scaled_q4_lo(v1[0]) * x0_0))))))), vec4f(1.0));
    let v2 = w[min(row0 + 2u * WG + lid, last) * wpv + b * 1u + c];
    let s2_0 = dot(fma(scaled_q4_hi(v2[3]), x0_7, fma(scaled_q4_lo(v2[3]), x0_6, fma(scaled_q4_hi(v2[2]), x0_5, fma(scaled_q4_lo(v2[2]), x0_4, fma(scaled_q4_hi(v2[1]), x0_3, fma(scaled_q4_lo(v2[1]), x0_2, fma(scaled_q4_hi(v2[0]), x0_1, scaled_q4_lo(v2[0]) * x0_0))))))), vec4f(1.0));
    let v3 = w[min(row0 + 3u * WG + lid, last) * wpv + b * 1u + c];
    let s3_0 = dot(fma(scaled_q4_hi(v3[3]), x0_7, fma(scaled_q4_lo(v3[3]), x0_6, fma(scaled_q4_hi(v3[2]), x0_5, fma(scaled_q4_lo(v3[2]), x0_4, fma(scaled_q4_hi(v3[1]), x0_3, fma(scaled_q4_lo(v3[1]), x0_2, fma(scaled_q4_hi(v3[0]), x0_1, scaled_q4_lo(v3[0]) * x0_0))))))), vec4f(1.0));
    let v4 = w[min(row0 + 4u * WG + lid, last) * wpv + b * 1u + c];
    let s4_0 = dot(fma(scaled_q4_hi(v4[3]), x0_7, fma(scaled_q4_lo(v4[3]), x0_6, fma(scaled_q4_hi(v4[2]), x0_5, fma(scaled_q4_lo(v4[2]), x0_4, fma(scaled_q4_hi(v4[1]), x0_3, fma(scaled_q4_lo(v4[1]), x0_2, fma(scaled_q4_hi(v4[0]), x0_1, scaled_q4_lo(v4[0]) * x0_0))))))), vec4f(1.0));
    let v5 = w[min(row0 + 5u * WG + lid, last) * wpv + b * 1u + c];
    let s5_0 = dot(fma(scaled_q4_hi(v5[3]), x0_7, fma(scaled_q4_lo(v5[3]), x0_6, fma(scaled_q4_hi(v5[2]), x0_5, fma(scaled_q4_lo(v5[2]), x0_4, fma(scaled_q4_hi(v5[1]), x0_3, fma(scaled_q4_lo(v5[1]), x0_2, fma(scaled_q4_hi(v5[0]), x0_1, scaled_q4_lo(v5[0]) * x0_0))))))), vec4f(1.0));
    let v6 = w[min(row0 + 6u * WG + lid, last) * wpv + b * 1u + c];
    let s6_0 = dot(fma(scaled_q4_hi(v6[3]), x0_7, fma(scaled_q4_lo(v6[3]), x0_6, fma(scaled_q4_hi(v6[2]), x0_5, fma(scaled_q4_lo(v6[2]), x0_4, fma(scaled_q4_hi(v6[1]), x0_3, fma(scaled_q4_lo(v6[1]), x0_2, fma(scaled_q4_hi(v6[0]), x0_1, scaled_q4_lo(v6[0]) * x0_0))))))), vec4f(1.0));
    let v7 = w[min(row0 + 7u * WG + lid, last) * wpv + b * 1u + c];
    let s7_0 = dot(fma(scaled_q4_hi(v7[3]), x0_7, fma(scaled_q4_lo(v7[3]), x0_6, fma(scaled_q4_hi(v7[2]), x0_5, fma(scaled_q4_lo(v7[2]), x0_4, fma(scaled_q4_hi(v7[1]), x0_3, fma(scaled_q4_lo(v7[1]), x0_2, fma(scaled_q4_hi(v7[0]), x0_1, scaled_q4_lo(v7[0]) * x0_0))))))), vec4f(1.0));
    let v8 = w[min(row0 + 8u * WG + lid, last) * wpv + b * 1u + c];
    let s8_0 = dot(fma(scaled_q4_hi(v8[3]), x0_7, fma(scaled_q4_lo(v8[3]), x0_6, fma(scaled_q4_hi(v8[2]), x0_5, fma(scaled_q4_lo(v8[2]), x0_4, fma(scaled_q4_hi(v8[1]), x0_3, fma(scaled_q4_lo(v8[1]), x0_2, fma(scaled_q4_hi(v8[0]), x0_1, scaled_q4_lo(v8[0]) * x0_0))))))), vec4f(1.0));
    let v9 = w[min(row0 + 9u * WG + lid, last) * wpv + b * 1u + c];
    let s9_0 = dot(fma(scaled_q4_hi(v9[3]), x0_7, fma(scaled_q4_lo(v9[3]), x0_6, fma(scaled_q4_hi(v9[2]), x0_5, fma(scaled_q4_lo(v9[2]), x0_4, fma(scaled_q4_hi(v9[1]), x0_3, fma(scaled_q4_lo(v9[1]), x0_2, fma(scaled_q4_hi(v9[0]), x0_1, scaled_q4_lo(v9[0]) * x0_0))))))), vec4f(1.0));
    let v10 = w[min(row0 + 10u * WG + lid, last) * wpv + b * 1u + c];
    let s10_0 = dot(fma(scaled_q4_hi(v10[3]), x0_7, fma(scaled_q4_lo(v10[3]), x0_6, fma(scaled_q4_hi(v10[2]), x0_5, fma(scaled_q4_lo(v10[2]), x0_4, fma(scaled_q4_hi(v10[1]), x0_3, fma(scaled_q4_lo(v10[1]), x0_2, fma(scaled_q4_hi(v10[0]), x0_1, scaled_q4_lo(v10[0]) * x0_0))))))), vec4f(1.0));
    let v11 = w[min(row0 + 11u * WG + lid, last) * wpv + b * 1u + c];
    let s11_0 = dot(fma(scaled_q4_hi(v11[3]), x0_7, fma(scaled_q4_lo(v11[3]), x0_6, fma(scaled_q4_hi(v11[2]), x0_5, fma(scaled_q4_lo(v11[2]), x0_4, fma(scaled_q4_hi(v11[1]), x0_3, fma(scaled_q4_lo(v11[1]), x0_2, fma(scaled_q4_hi(v11[0]), x0_1, scaled_q4_lo(v11[0]) * x0_0))))))), vec4f(1.0));
    let v12 = w[min(row0 + 12u * WG + lid, last) * wpv + b * 1u + c];
    let s12_0 = dot(fma(scaled_q4_hi(v12[3]), x0_7, fma(scaled_q4_lo(v12[3]), x0_6, fma(scaled_q4_hi(v12[2]), x0_5, fma(scaled_q4_lo(v12[2]), x0_4, fma(scaled_q4_hi(v12[1]), x0_3, fma(scaled_q4_lo(v12[1]), x0_2, fma(scaled_q4_hi(v12[0]), x0_1, scaled_q4_lo(v12[0]) * x0_0))))))), vec4f(1.0));
    let v13 = w[min(row0 + 13u * WG + lid, last) * wpv + b * 1u + c];
    let s13_0 = dot(fma(scaled_q4_hi(v13[3]), x0_7, fma(scaled_q4_lo(v13[3]), x0_6, fma(scaled_q4_hi(v13[2]), x0_5, fma(scaled_q4_lo(v13[2]), x0_4, fma(scaled_q4_hi(v13[1]), x0_3, fma(scaled_q4_lo(v13[1]), x0_2, fma(scaled_q4_hi(v13[0]), x0_1, scaled_q4_lo(v13[0]) * x0_0))))))), vec4f(1.0));
    let v14 = w[min(row0 + 14u * WG + lid, last) * wpv + b * 1u + c];
    let s14_0 = dot(fma(scaled_q4_hi(v14[3]), x0_7, fma(scaled_q4_lo(v14[3]), x0_6, fma(scaled_q4_hi(v14[2]), x0_5, fma(scaled_q4_lo(v14[2]), x0_4, fma(scaled_q4_hi(v14[1]), x0_3, fma(scaled_q4_lo(v14[1]), x0_2, fma(scaled_q4_hi(v14[0]), x0_1, scaled_q4_lo(v14[0]) * x0_0))))))), vec4f(1.0));
    let v15 = w[min(row0 + 15u * WG + lid, last) * wpv + b * 1u + c];
    let s15_0 = dot(fma(scaled_q4_hi(v15[3]), x0_7, fma(scaled_q4_lo(v15[3]), x0_6, fma(scaled_q4_hi(v15[2]), x0_5, fma(scaled_q4_lo(v15[2]), x0_4, fma(scaled_q4_hi(v15[1]), x0_3, fma(scaled_q4_lo(v15[1]), x0_2, fma(scaled_q4_hi(v15[0]), x0_1, scaled_q4_lo(v15[0]) * x0_0))))))), vec4f(1.0));
    let off0 = 8.0 * dot(xs0, vec4f(1.0));
    let si0 = min(row0 + 0u * WG + lid, last) * p.scalesPerRow + b;
    let d0 = f16_at(scales[si0 >> 1u], si0);
    acc0 += d0 * (s0_0 - off0);
    let si1 = min(row0 + 1u * WG + lid, last) * p.scalesPerRow + b;
    let d1 = f16_at(scales[si1 >> 1u], si1);
    acc1 += d1 * (s1_0 - off0);
    let si2 = min(row0 + 2u * WG + lid, last) * p.scalesPerRow + b;
    let d2 = f16_at(scales[si2 >> 1u], si2);
    acc2 += d2 * (s2_0 - off0);
    let si3 = min(row0 + 3u * WG + lid, last) * p.scalesPerRow + b;
    let d3 = f16_at(scales[si3 >> 1u], si3);
    acc3 += d3 * (s3_0 - off0);
    let si4 = min(row0 + 4u * WG + lid, last) * p.scalesPerRow + b;
    let d4 = f16_at(scales[si4 >> 1u], si4);
    acc4 += d4 * (s4_0 - off0);
    let si5 = min(row0 + 5u * WG + lid, last) * p.scalesPerRow + b;
    let d5 = f16_at(scales[si5 >> 1u], si5);
    acc5 += d5 * (s5_0 - off0);
    let si6 = min(row0 + 6u * WG + lid, last) * p.scalesPerRow + b;
    let d6 = f16_at(scales[si6 >> 1u], si6);
    acc6 += d6 * (s6_0 - off0);
    let si7 = min(row0 + 7u * WG + lid, last) * p.scalesPerRow + b;
    let d7 = f16_at(scales[si7 >> 1u], si7);
    acc7 += d7 * (s7_0 - off0);
    let si8 = min(row0 + 8u * WG + lid, last) * p.scalesPerRow + b;
    let d8 = f16_at(scales[si8 >> 1u], si8);
    acc8 += d8 * (s8_0 - off0);
    let si9 = min(row0 + 9u * WG + lid, last) * p.scalesPerRow + b;
    let d9 = f16_at(scales[si9 >> 1u], si9);
    acc9 += d9 * (s9_0 - off0);
    let si10 = min(row0 + 10u * WG + lid, last) * p.scalesPerRow + b;
    let d10 = f16_at(scales[si10 >> 1u], si10);
    acc10 += d10 * (s10_0 - off0);
    let si11 = min(row0 + 11u * WG + lid, last) * p.scalesPerRow + b;
    let d11 = f16_at(scales[si11 >> 1u], si11);
    acc11 += d11 * (s11_0 - off0);
    let si12 = min(row0 + 12u * WG + lid, last) * p.scalesPerRow + b;
    let d12 = f16_at(scales[si12 >> 1u], si12);
    acc12 += d12 * (s12_0 - off0);
    let si13 = min(row0 + 13u * WG + lid, last) * p.scalesPerRow + b;
    let d13 = f16_at(scales[si13 >> 1u], si13);
    acc13 += d13 * (s13_0 - off0);
    let si14 = min(row0 + 14u * WG + lid, last) * p.scalesPerRow + b;
    let d14 = f16_at(scales[si14 >> 1u], si14);
    acc14 += d14 * (s14_0 - off0);
    let si15 = min(row0 + 15u * WG + lid, last) * p.scalesPerRow + b;
    let d15 = f16_at(scales[si15 >> 1u], si15);
    acc15 += d15 * (s15_0 - off0);
  }
  if (row0 + 0u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 0u * WG + lid] = acc0;
  }
  if (row0 + 1u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 1u * WG + lid] = acc1;
  }
  if (row0 + 2u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 2u * WG + lid] = acc2;
  }
  if (row0 + 3u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 3u * WG + lid] = acc3;
  }
  if (row0 + 4u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 4u * WG + lid] = acc4;
  }
  if (row0 + 5u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 5u * WG + lid] = acc5;
  }
  if (row0 + 6u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 6u * WG + lid] = acc6;
  }
  if (row0 + 7u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 7u * WG + lid] = acc7;
  }
  if (row0 + 8u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 8u * WG + lid] = acc8;
  }
  if (row0 + 9u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 9u * WG + lid] = acc9;
  }
  if (row0 + 10u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 10u * WG + lid] = acc10;
  }
  if (row0 + 11u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 11u * WG + lid] = acc11;
  }
  if (row0 + 12u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 12u * WG + lid] = acc12;
  }
  if (row0 + 13u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 13u * WG + lid] = acc13;
  }
  if (row0 + 14u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 14u * WG + lid] = acc14;
  }
  if (row0 + 15u * WG + lid < p.rows) {
    out[p.colOffset + row0 + 15u * WG + lid] = acc15;
  }
}
