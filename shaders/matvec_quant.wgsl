// Decode-path matrix-vector product over one row chunk of a block-quantized
// w (q8 or q4, engine/quant/format.ts), dequantized in registers:
//   out[colOffset + n] = sum_k d(n, k / BLOCK) * code(n, k) * x[k]   for n < rows.
// A thread takes whole blocks, strided over K: each 4-8 values of x it loads
// serve ROWS rows, so per row it reads only the packed words and one scale
// (one scale multiply per block, not per weight). Rows past the chunk end re-read the last row, as in matvec.wgsl.
//
// Templates (matvec_quant.ts): {{FORMAT}} q8 or q4 (selects dequant_*), {{X}}
// vec4f when K % 4 == 0 (one vec4 load per 4 values of x, and a vec4 is then
// wholly inside or outside K) else f32, {{X4}}, {{X4_CLAMPED}} and {{X4_INSIDE}} the matching loads,
// {{QPW}} vec4 groups per u32 word (1 for q8, 2 for q4), {{BLOCK}} values per
// block, {{ROWS}} rows per workgroup (both size function-scope arrays, which
// need constant lengths).

struct Params {
  K: u32,            // input features: x holds K values, the last block may be partial
  rows: u32,         // rows in this chunk
  colOffset: u32,    // chunk.rowStart: element of out that row 0 writes
  wordsPerRow: u32,  // u32 codes per row (K padded to whole blocks)
  scalesPerRow: u32, // f16 scales per row (even: each row starts on a word)
}

const BLOCK: u32 = {{BLOCK}}u;
const ROWS: u32 = {{ROWS}}u;
const QPW: u32 = {{QPW}}u;          // vec4 groups per word
const QPB: u32 = BLOCK / 4u;        // vec4 groups per block
const WPB: u32 = BLOCK / (4u * QPW); // words per block

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<{{X}}>;       // [K / width(X)]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [N]

override WG: u32 = 32; // threads per workgroup

var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]

fn dequant(word: u32, q: u32) -> vec4f {
  return dequant_{{FORMAT}}(word, q);
}

// x[k .. k + 3] (k a multiple of 4).
fn x4(k: u32) -> vec4f {
  return {{X4}};
}

// x[k .. k + 3], zeros past the end: only the partial last block takes this path.
fn x4_or_zero(k: u32) -> vec4f {
  return select(vec4f(0.0), {{X4_CLAMPED}}, {{X4_INSIDE}});
}

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  // The grid is folded into y (grid.ts) when rows / ROWS > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * ROWS;
  if (row0 >= p.rows) {
    return;
  }
  var rowWord: array<u32, ROWS>;
  var rowScale: array<u32, ROWS>;
  for (var r = 0u; r < ROWS; r++) {
    let row = min(row0 + r, p.rows - 1u);
    rowWord[r] = row * p.wordsPerRow;
    rowScale[r] = row * p.scalesPerRow;
  }
  let full = p.K / BLOCK;
  let blocks = (p.K + BLOCK - 1u) / BLOCK;
  var acc: array<f32, ROWS>;
  for (var b = lid; b < blocks; b += WG) {
    let k0 = b * BLOCK;
    let tail = b >= full;
    // Word-major, rows inside: only one word's worth of x (QPW vec4) and ROWS
    // scalar block sums are live, which fits llvmpipe's 16 vector registers
    // (a whole block of x in registers spilled and ran at ~0.6 of the ceiling).
    // Zeroed explicitly: naga hoists a loop-local `var` without initializer
    // to function scope, so it would carry the previous block's sums.
    var s: array<f32, ROWS>;
    for (var r = 0u; r < ROWS; r++) {
      s[r] = 0.0;
    }
    for (var i = 0u; i < WPB; i++) {
      var xw: array<vec4f, QPW>;
      for (var q = 0u; q < QPW; q++) {
        let k = k0 + (i * QPW + q) * 4u;
        xw[q] = select(x4(k), x4_or_zero(k), tail);
      }
      for (var r = 0u; r < ROWS; r++) {
        let word = w[rowWord[r] + b * WPB + i];
        for (var q = 0u; q < QPW; q++) {
          s[r] += dot(dequant(word, q), xw[q]);
        }
      }
    }
    for (var r = 0u; r < ROWS; r++) {
      let si = rowScale[r] + b;
      acc[r] += f16_at(scales[si >> 1u], si) * s[r];
    }
  }
  for (var r = 0u; r < ROWS; r++) {
    partial[r * WG + lid] = acc[r];
  }
  workgroupBarrier();
  // One thread per row sums WG partials after a single barrier (WG is small).
  if (lid < ROWS && row0 + lid < p.rows) {
    var s = 0.0;
    for (var i = 0u; i < WG; i++) {
      s += partial[lid * WG + i];
    }
    out[p.colOffset + row0 + lid] = s;
  }
}
