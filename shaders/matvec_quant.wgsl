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

const ROWS: u32 = {{ROWS}}u;

@group(0) @binding(0) var<uniform> p: Params;
{{X_DECL}}
@group(0) @binding(2) var<storage, read> w: array<{{WV}}>;      // [rows, wordsPerRow / width(WV)]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [N]

override WG: u32 = 32; // threads per workgroup

{{PARTIAL}}@compute @workgroup_size(WG)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,{{BUILTINS}}
) {
  // The grid is folded into y (grid.ts) when the workgroup count > 65,535.
  let row0 = (wid.x + wid.y * nwg.x) * {{ROWS_PER_GROUP}};
  if (row0 >= p.rows) {
    return;
  }
  let last = p.rows - 1u;
  let full = p.K / {{BLOCK}}u;
{{ACC}}
  for (var b = {{B0}}; b < full; b += {{BSTEP}}) {
{{MAIN}}
  }
  // The partial last block (K not a multiple of BLOCK): x read with a guard.
  if (full * {{BLOCK}}u < p.K{{TAIL_LANE}}) {
    let b = full;
{{TAIL}}
  }
{{STORE}}
}
