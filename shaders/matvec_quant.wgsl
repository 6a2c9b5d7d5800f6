// Decode-path matrix-vector product over one row chunk of a block-quantized
// w (q8 or q4, engine/quant/format.ts), dequantized in registers:
//   out[colOffset + n] = sum_k d(n, k / BLOCK) * code(n, k) * x[k]   for n < rows.
// A thread takes whole blocks, strided over K: it loads the block's BLOCK
// values of x once into registers and reuses them for ROWS rows, so per row it
// reads only the packed words and one scale (one scale multiply per block, not
// per weight). Rows past the chunk end re-read the last row, as in matvec.wgsl.
//
// Templates (matvec_quant.ts): {{FORMAT}} q8 or q4 (selects dequant_*),
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
@group(0) @binding(1) var<storage, read> x: array<f32>;         // [K]
@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [N]

override WG: u32 = 32; // threads per workgroup

var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]

fn dequant(word: u32, q: u32) -> vec4f {
  return dequant_{{FORMAT}}(word, q);
}

// x[k], or 0 past the end: only the partial last block takes this path.
fn x_or_zero(k: u32) -> f32 {
  return select(0.0, x[min(k, p.K - 1u)], k < p.K);
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
    var xb: array<vec4f, QPB>;
    if (b < full) {
      for (var i = 0u; i < QPB; i++) {
        let k = k0 + 4u * i;
        xb[i] = vec4f(x[k], x[k + 1u], x[k + 2u], x[k + 3u]);
      }
    } else {
      for (var i = 0u; i < QPB; i++) {
        let k = k0 + 4u * i;
        xb[i] = vec4f(x_or_zero(k), x_or_zero(k + 1u), x_or_zero(k + 2u), x_or_zero(k + 3u));
      }
    }
    for (var r = 0u; r < ROWS; r++) {
      let base = rowWord[r] + b * WPB;
      var s = vec4f(0.0);
      for (var i = 0u; i < WPB; i++) {
        let word = w[base + i];
        for (var q = 0u; q < QPW; q++) {
          s += dequant(word, q) * xb[i * QPW + q];
        }
      }
      let si = rowScale[r] + b;
      acc[r] += f16_at(scales[si >> 1u], si) * dot(s, vec4f(1.0));
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
