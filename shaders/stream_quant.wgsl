// Bandwidth ceiling of a block-quantized format: reads every code and scale of
// a [rows, blocks] matrix once in matvec_quant.wgsl's access pattern (ROWS
// rows per workgroup, threads taking whole blocks strided along the rows),
// dequantizes and sums them exactly as matvec_quant does, minus x and its
// multiply: the most a matvec of this format could reach on this adapter.
// Templates as in matvec_quant.wgsl ({{FORMAT}}, {{QPW}}, {{BLOCK}}, {{ROWS}}).

struct Params {
  blocksPerRow: u32,
  rows: u32,
  wordsPerRow: u32,
  scalesPerRow: u32,
}

const BLOCK: u32 = {{BLOCK}}u;
const ROWS: u32 = {{ROWS}}u;
const QPW: u32 = {{QPW}}u;
const WPB: u32 = BLOCK / (4u * QPW);

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(2) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [threads]

override WG: u32 = 8;

fn dequant(word: u32, q: u32) -> vec4f {
  return dequant_{{FORMAT}}(word, q);
}

@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let g = wid.x + wid.y * nwg.x;
  let row0 = g * ROWS;
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
  var acc = 0.0;
  for (var b = lid; b < p.blocksPerRow; b += WG) {
    for (var r = 0u; r < ROWS; r++) {
      let base = rowWord[r] + b * WPB;
      var s = vec4f(0.0);
      for (var i = 0u; i < WPB; i++) {
        let word = w[base + i];
        for (var q = 0u; q < QPW; q++) {
          s += dequant(word, q);
        }
      }
      let si = rowScale[r] + b;
      acc += f16_at(scales[si >> 1u], si) * dot(s, vec4f(1.0));
    }
  }
  out[g * WG + lid] = acc;
}
