// kernel sae_steer_gather_encode_relu_wg64_q4b32
// entry point gather_encode
// constants {"WG":64,"ACT":1}

// The cheap steering path, x' = x + W_dec^T (f' - f) over the edited features
// only, which is algebraically the seed's decode(f') + (x - decode(f)) without
// the two dense decodes and the full encode. The edited features are known on
// the CPU, so they travel in the uniforms as (slot, row in this chunk, feature)
// triples, at most MAX_LIST per dispatch:
//   gather_encode: f0[t, slot] = f1[t, slot] = act(x[t] . W_enc[feature] + b_enc[feature])
//   gather_dense:  f0[t, slot] = f1[t, slot] = dense[t, feature]   (TopK SAEs,
//                  whose activation needs every feature of the token)
// Between gather and apply, sae_edit.wgsl rewrites f1, and
// sae_steer_apply.wgsl adds x[t, :] += sum over the list of (f1 - f0)[t, slot] * W_dec[feature, :].

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  E: u32,
  count: u32,
  center: u32,
  dense_stride: u32,
  list: array<vec4u, 16>,
}

@group(0) @binding(0) var<uniform> p: Params;
// Recorder.dispatch binds buffers at 1..n in order, so each entry point uses
// a prefix: gather_dense 1-3 (binding 3 holds the dense features there),
// gather_encode 1-7, then 8 for the scales of a quantized W_enc.
@group(0) @binding(1) var<storage, read_write> f0: array<f32>;  // [T, E] features as encoded
@group(0) @binding(2) var<storage, read_write> f1: array<f32>;  // [T, E] features as edited
@group(0) @binding(3) var<storage, read_write> x: array<f32>;   // [T, K]; gather_dense: [T, d_sae]
@group(0) @binding(4) var<storage, read> w: array<u32>;   // W_enc chunk [rows, K] (sae_weight.wgsl)
@group(0) @binding(5) var<storage, read> b_enc: array<f32>;     // [d_sae]
@group(0) @binding(6) var<storage, read> threshold: array<f32>; // [d_sae]
@group(0) @binding(7) var<storage, read> b_dec: array<f32>;     // [K]

override ACT: u32 = 1u; // as sae_encode.wgsl: 0 none, 1 ReLU, 2 JumpReLU
override WG: u32 = 64;  // a power of two, for the tree reduction

var<workgroup> partial: array<f32, WG>;

fn activate(v: f32, j: u32) -> f32 {
  if (ACT == 1u) {
    return max(v, 0.0);
  }
  if (ACT == 2u) {
    return select(0.0, max(v, 0.0), v > threshold[j]);
  }
  return v;
}

fn token_of(wid: vec3u, nwg: vec3u) -> u32 {
  return wid.x + wid.y * nwg.x;
}

@compute @workgroup_size(WG)
fn gather_encode(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let t = token_of(wid, nwg);
  if (t >= p.T) { return; }
  let c = f32(p.center);
  for (var e = 0u; e < p.count; e++) {
    let item = p.list[e];
    var s = 0.0;
    for (var k = lid; k < p.K; k += WG) {
      s += (x[t * p.K + k] - c * b_dec[k]) * w_at(item.y, k, p.K);
    }
    partial[lid] = s;
    workgroupBarrier();
    for (var half = WG / 2u; half > 0u; half >>= 1u) {
      if (lid < half) {
        partial[lid] += partial[lid + half];
      }
      workgroupBarrier();
    }
    if (lid == 0u) {
      let f = activate(partial[0] + b_enc[item.z], item.z);
      f0[t * p.E + item.x] = f;
      f1[t * p.E + item.x] = f;
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(WG)
fn gather_dense(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= p.T * p.count) { return; }
  let t = i / p.count;
  let item = p.list[i % p.count];
  let f = x[t * p.dense_stride + item.z];
  f0[t * p.E + item.x] = f;
  f1[t * p.E + item.x] = f;
}

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

@group(0) @binding(8) var<storage, read> w_scales: array<u32>; // [rows, scalesPerRow / 2]

const W_BLOCK: u32 = 32u;
const W_PER_WORD: u32 = 8u;

// engine/quant/format.ts: rows padded to whole blocks, scales two per u32 with
// each row starting on a word.
fn w_at(r: u32, k: u32, cols: u32) -> f32 {
  let blocks = (cols + W_BLOCK - 1u) / W_BLOCK;
  let word = w[r * (blocks * W_BLOCK / W_PER_WORD) + k / W_PER_WORD];
  let b = k / W_BLOCK;
  let d = f16_at(w_scales[r * ((blocks + 1u) / 2u) + b / 2u], b);
  return d * element_q4(word, k % W_PER_WORD);
}
