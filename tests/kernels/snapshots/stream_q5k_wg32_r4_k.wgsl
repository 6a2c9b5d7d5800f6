// kernel stream_q5k_wg32_r4_k
// entry point main
// constants {"WG":32}

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

// Decode-path matrix-vector product over one row chunk of a GGML block matrix
// (engine/quant/block_matrix.ts), dequantized in registers:
//   out[colOffset + n] = sum_k w(n, k) * x[k]   for n < rows, k < K.
// The work is cut in 32-value groups (a Q4_1/Q5_x block, a K-type sub-block):
// per group a thread loads that group of x once and, for each of its ROWS
// rows, decodes the group with the type's ggml_group (its scale and min
// decoded once per group; the block's head read once per block) and
// multiplies. Two splits as matvec_quant.wgsl (matvec_ggml.ts): "k", threads
// sharing ROWS rows and taking groups strided by WG, summed in workgroup
// memory; "rows", each thread owning ROWS rows and walking all blocks. Rows
// past the chunk end re-read the last row. Only the ceil(K / 32) groups
// holding x are read (ggml_codegen.ts groupLoop): a Loupe-quantized row's
// zero padding past K is never touched. As a stream kernel (the bench's
// ceiling) x is the constant 1 and not bound.
//
// Hooks (matvec_ggml.ts): ROWS_PER_GROUP (split); X_DECL, X_LOAD (x's binding
// and loaders, ggml_codegen.ts); PARTIAL, STORE (reduction); ACC, LOOP (the
// unrolled per-row work).

const ROWS: u32 = 4u;

struct Params { // generated from the kernel's defineParams (engine/gpu/kernel.ts)
  K: u32,
  rows: u32,
  colOffset: u32,
  unitsPerRow: u32,
}

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<W>;           // [rows, unitsPerRow]
@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [N]


override WG: u32 = 32; // threads per workgroup

var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]

fn load_x(base: u32, g: u32) -> array<vec4f, 8> {
  return array<vec4f, 8>(vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0));
}

fn load_x_tail(base: u32, g: u32) -> array<vec4f, 8> {
  return array<vec4f, 8>(vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0), vec4f(1.0));
}

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // The grid is folded into y (grid.ts) when the workgroup count > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * ROWS;
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  var acc0 = 0.0;
  var acc1 = 0.0;
  var acc2 = 0.0;
  var acc3 = 0.0;
  let base0 = min(row0 + 0u, last) * p.unitsPerRow;
  let base1 = min(row0 + 1u, last) * p.unitsPerRow;
  let base2 = min(row0 + 2u, last) * p.unitsPerRow;
  let base3 = min(row0 + 3u, last) * p.unitsPerRow;
  let ng = p.K / 32u; // groups wholly inside K
  for (var g = lid; g < ng; g += WG) {
    let b = g / GROUPS_PER_BLOCK;
    let s = g % GROUPS_PER_BLOCK;
    let bw0 = base0 + b * BLOCK_UNITS;
    let h0 = ggml_head(bw0);
    let bw1 = base1 + b * BLOCK_UNITS;
    let h1 = ggml_head(bw1);
    let bw2 = base2 + b * BLOCK_UNITS;
    let h2 = ggml_head(bw2);
    let bw3 = base3 + b * BLOCK_UNITS;
    let h3 = ggml_head(bw3);
    let x0 = load_x(0u, g);
    let xs0 = half_sums(x0);
    let xp0 = ggml_prepare_x(x0, s);
    acc0 += ggml_dot(bw0, h0, s, xp0, xs0);
    acc1 += ggml_dot(bw1, h1, s, xp0, xs0);
    acc2 += ggml_dot(bw2, h2, s, xp0, xs0);
    acc3 += ggml_dot(bw3, h3, s, xp0, xs0);
  }
  // The partial last group (K not a multiple of 32): x read with a guard.
  if (ng * 32u < p.K && lid == ng % WG) {
    let g = ng;
    let b = g / GROUPS_PER_BLOCK;
    let s = g % GROUPS_PER_BLOCK;
    let bw0 = base0 + b * BLOCK_UNITS;
    let h0 = ggml_head(bw0);
    let bw1 = base1 + b * BLOCK_UNITS;
    let h1 = ggml_head(bw1);
    let bw2 = base2 + b * BLOCK_UNITS;
    let h2 = ggml_head(bw2);
    let bw3 = base3 + b * BLOCK_UNITS;
    let h3 = ggml_head(bw3);
    let x0 = load_x_tail(0u, g);
    let xs0 = half_sums(x0);
    let xp0 = ggml_prepare_x(x0, s);
    acc0 += ggml_dot(bw0, h0, s, xp0, xs0);
    acc1 += ggml_dot(bw1, h1, s, xp0, xs0);
    acc2 += ggml_dot(bw2, h2, s, xp0, xs0);
    acc3 += ggml_dot(bw3, h3, s, xp0, xs0);
  }
  partial[0u * WG + lid] = acc0;
  partial[1u * WG + lid] = acc1;
  partial[2u * WG + lid] = acc2;
  partial[3u * WG + lid] = acc3;
  workgroupBarrier();
  for (var r = lid; r < ROWS; r += WG) {
    if (row0 + r < p.rows) {
      var s = 0.0;
      for (var i = 0u; i < WG; i++) {
        s += partial[r * WG + i];
      }
      out[p.colOffset + row0 + r] = s;
    }
  }
}
