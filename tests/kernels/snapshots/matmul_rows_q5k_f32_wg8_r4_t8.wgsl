// kernel matmul_rows_q5k_f32_wg8_r4_t8
// entry point main
// constants {"WG":8}

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

// Prefill-path matrix product over one row chunk of a GGML block matrix:
//   out[t, colOffset + n] = sum_k x[t, k] * w(n, k)
// matvec_ggml's "rows" split with a token dimension: each thread owns ROWS
// rows (r * WG + lid) and TT tokens (t0 + j), walks the 32-value groups of K,
// loads each token's x group once for all its rows and decodes each row's
// group once (ggml_group) for all its tokens, keeping ROWS x TT accumulators.
// No workgroup memory and no barrier. Used on every adapter (matmul_ggml_rows.ts
// says why). Rows past the chunk end and tokens past T re-read the last one and
// are not stored.

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  T: u32,
  K: u32,
  rows: u32,
  outStride: u32,
  colOffset: u32,
  unitsPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;       // [T, K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<W>;           // [rows, unitsPerRow]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, outStride]

override WG: u32 = 8; // threads per workgroup

fn load_x(base: u32, g: u32) -> array<vec4f, 8> {
  var v: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    let k = 32u * g + 4u * i;
    v[i] = vec4f(x[base + k + 0u], x[base + k + 1u], x[base + k + 2u], x[base + k + 3u]);
  }
  return v;
}

fn load_x_tail(base: u32, g: u32) -> array<vec4f, 8> {
  var v: array<vec4f, 8>;
  for (var i = 0u; i < 8u; i++) {
    let k = 32u * g + 4u * i;
    v[i] = vec4f(select(0.0, x[base + min(k + 0u, p.K - 1u)], k + 0u < p.K), select(0.0, x[base + min(k + 1u, p.K - 1u)], k + 1u < p.K), select(0.0, x[base + min(k + 2u, p.K - 1u)], k + 2u < p.K), select(0.0, x[base + min(k + 3u, p.K - 1u)], k + 3u < p.K));
  }
  return v;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = wid.x * 4u * WG;
  let t0 = wid.y * 8u;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let xo0 = min(t0 + 0u, p.T - 1u) * p.K;
  let xo1 = min(t0 + 1u, p.T - 1u) * p.K;
  let xo2 = min(t0 + 2u, p.T - 1u) * p.K;
  let xo3 = min(t0 + 3u, p.T - 1u) * p.K;
  let xo4 = min(t0 + 4u, p.T - 1u) * p.K;
  let xo5 = min(t0 + 5u, p.T - 1u) * p.K;
  let xo6 = min(t0 + 6u, p.T - 1u) * p.K;
  let xo7 = min(t0 + 7u, p.T - 1u) * p.K;
  var acc0_0 = 0.0;
  var acc0_1 = 0.0;
  var acc0_2 = 0.0;
  var acc0_3 = 0.0;
  var acc0_4 = 0.0;
  var acc0_5 = 0.0;
  var acc0_6 = 0.0;
  var acc0_7 = 0.0;
  var acc1_0 = 0.0;
  var acc1_1 = 0.0;
  var acc1_2 = 0.0;
  var acc1_3 = 0.0;
  var acc1_4 = 0.0;
  var acc1_5 = 0.0;
  var acc1_6 = 0.0;
  var acc1_7 = 0.0;
  var acc2_0 = 0.0;
  var acc2_1 = 0.0;
  var acc2_2 = 0.0;
  var acc2_3 = 0.0;
  var acc2_4 = 0.0;
  var acc2_5 = 0.0;
  var acc2_6 = 0.0;
  var acc2_7 = 0.0;
  var acc3_0 = 0.0;
  var acc3_1 = 0.0;
  var acc3_2 = 0.0;
  var acc3_3 = 0.0;
  var acc3_4 = 0.0;
  var acc3_5 = 0.0;
  var acc3_6 = 0.0;
  var acc3_7 = 0.0;
  let base0 = min(row0 + 0u * WG + lid, last) * p.unitsPerRow;
  let base1 = min(row0 + 1u * WG + lid, last) * p.unitsPerRow;
  let base2 = min(row0 + 2u * WG + lid, last) * p.unitsPerRow;
  let base3 = min(row0 + 3u * WG + lid, last) * p.unitsPerRow;
  let nb = p.K / (32u * GROUPS_PER_BLOCK); // blocks wholly inside K
  for (var b = 0u; b < nb; b++) {
    let bw0 = base0 + b * BLOCK_UNITS;
    let h0 = ggml_head(bw0);
    let bw1 = base1 + b * BLOCK_UNITS;
    let h1 = ggml_head(bw1);
    let bw2 = base2 + b * BLOCK_UNITS;
    let h2 = ggml_head(bw2);
    let bw3 = base3 + b * BLOCK_UNITS;
    let h3 = ggml_head(bw3);
    for (var s = 0u; s < GROUPS_PER_BLOCK; s++) {
      let g = b * GROUPS_PER_BLOCK + s;
      let x0 = load_x(xo0, g);
      let x1 = load_x(xo1, g);
      let x2 = load_x(xo2, g);
      let x3 = load_x(xo3, g);
      let x4 = load_x(xo4, g);
      let x5 = load_x(xo5, g);
      let x6 = load_x(xo6, g);
      let x7 = load_x(xo7, g);
      let v0 = ggml_group(bw0, h0, s);
      acc0_0 += dot8(v0, x0);
      acc0_1 += dot8(v0, x1);
      acc0_2 += dot8(v0, x2);
      acc0_3 += dot8(v0, x3);
      acc0_4 += dot8(v0, x4);
      acc0_5 += dot8(v0, x5);
      acc0_6 += dot8(v0, x6);
      acc0_7 += dot8(v0, x7);
      let v1 = ggml_group(bw1, h1, s);
      acc1_0 += dot8(v1, x0);
      acc1_1 += dot8(v1, x1);
      acc1_2 += dot8(v1, x2);
      acc1_3 += dot8(v1, x3);
      acc1_4 += dot8(v1, x4);
      acc1_5 += dot8(v1, x5);
      acc1_6 += dot8(v1, x6);
      acc1_7 += dot8(v1, x7);
      let v2 = ggml_group(bw2, h2, s);
      acc2_0 += dot8(v2, x0);
      acc2_1 += dot8(v2, x1);
      acc2_2 += dot8(v2, x2);
      acc2_3 += dot8(v2, x3);
      acc2_4 += dot8(v2, x4);
      acc2_5 += dot8(v2, x5);
      acc2_6 += dot8(v2, x6);
      acc2_7 += dot8(v2, x7);
      let v3 = ggml_group(bw3, h3, s);
      acc3_0 += dot8(v3, x0);
      acc3_1 += dot8(v3, x1);
      acc3_2 += dot8(v3, x2);
      acc3_3 += dot8(v3, x3);
      acc3_4 += dot8(v3, x4);
      acc3_5 += dot8(v3, x5);
      acc3_6 += dot8(v3, x6);
      acc3_7 += dot8(v3, x7);
    }
  }
  // The block holding K's end: its groups up to K, x read with a guard.
  if (nb * 32u * GROUPS_PER_BLOCK < p.K) {
    let b = nb;
    let bw0 = base0 + b * BLOCK_UNITS;
    let h0 = ggml_head(bw0);
    let bw1 = base1 + b * BLOCK_UNITS;
    let h1 = ggml_head(bw1);
    let bw2 = base2 + b * BLOCK_UNITS;
    let h2 = ggml_head(bw2);
    let bw3 = base3 + b * BLOCK_UNITS;
    let h3 = ggml_head(bw3);
    for (var s = 0u; s < GROUPS_PER_BLOCK; s++) {
      let g = b * GROUPS_PER_BLOCK + s;
      if (g * 32u >= p.K) {
        break;
      }
      let x0 = load_x_tail(xo0, g);
      let x1 = load_x_tail(xo1, g);
      let x2 = load_x_tail(xo2, g);
      let x3 = load_x_tail(xo3, g);
      let x4 = load_x_tail(xo4, g);
      let x5 = load_x_tail(xo5, g);
      let x6 = load_x_tail(xo6, g);
      let x7 = load_x_tail(xo7, g);
      let v0 = ggml_group(bw0, h0, s);
      acc0_0 += dot8(v0, x0);
      acc0_1 += dot8(v0, x1);
      acc0_2 += dot8(v0, x2);
      acc0_3 += dot8(v0, x3);
      acc0_4 += dot8(v0, x4);
      acc0_5 += dot8(v0, x5);
      acc0_6 += dot8(v0, x6);
      acc0_7 += dot8(v0, x7);
      let v1 = ggml_group(bw1, h1, s);
      acc1_0 += dot8(v1, x0);
      acc1_1 += dot8(v1, x1);
      acc1_2 += dot8(v1, x2);
      acc1_3 += dot8(v1, x3);
      acc1_4 += dot8(v1, x4);
      acc1_5 += dot8(v1, x5);
      acc1_6 += dot8(v1, x6);
      acc1_7 += dot8(v1, x7);
      let v2 = ggml_group(bw2, h2, s);
      acc2_0 += dot8(v2, x0);
      acc2_1 += dot8(v2, x1);
      acc2_2 += dot8(v2, x2);
      acc2_3 += dot8(v2, x3);
      acc2_4 += dot8(v2, x4);
      acc2_5 += dot8(v2, x5);
      acc2_6 += dot8(v2, x6);
      acc2_7 += dot8(v2, x7);
      let v3 = ggml_group(bw3, h3, s);
      acc3_0 += dot8(v3, x0);
      acc3_1 += dot8(v3, x1);
      acc3_2 += dot8(v3, x2);
      acc3_3 += dot8(v3, x3);
      acc3_4 += dot8(v3, x4);
      acc3_5 += dot8(v3, x5);
      acc3_6 += dot8(v3, x6);
      acc3_7 += dot8(v3, x7);
    }
  }
  if (row0 + 0u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 0u * WG + lid] = acc0_7;
    }
  }
  if (row0 + 1u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 1u * WG + lid] = acc1_7;
    }
  }
  if (row0 + 2u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 2u * WG + lid] = acc2_7;
    }
  }
  if (row0 + 3u * WG + lid < p.rows) {
    if (t0 + 0u < p.T) {
      out[(t0 + 0u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_0;
    }
    if (t0 + 1u < p.T) {
      out[(t0 + 1u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_1;
    }
    if (t0 + 2u < p.T) {
      out[(t0 + 2u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_2;
    }
    if (t0 + 3u < p.T) {
      out[(t0 + 3u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_3;
    }
    if (t0 + 4u < p.T) {
      out[(t0 + 4u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_4;
    }
    if (t0 + 5u < p.T) {
      out[(t0 + 5u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_5;
    }
    if (t0 + 6u < p.T) {
      out[(t0 + 6u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_6;
    }
    if (t0 + 7u < p.T) {
      out[(t0 + 7u) * p.outStride + p.colOffset + row0 + 3u * WG + lid] = acc3_7;
    }
  }
}
