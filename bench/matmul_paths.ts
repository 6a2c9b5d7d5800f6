// The prefill matmul's paths side by side (bench entry "matmul-paths"), for
// choosing between them per adapter: for each quantized format at T = 128 and 64,
// the in-register kernel (its own tile), the expanded path (slabs dequantized
// to f32, then the f32 rows kernel) and, for q8/q4, the rows kernel with w
// dequantized in registers (matmul_dequant_rows.ts), all on the adapter's
// largest f32 tile, timed interleaved with the f32 rows kernel and the
// multiply-add peak. GFLOP/s, and ratios to the interleaved ceiling and to f32.

import { Tensor } from "../engine/ops/tensor.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import type { BlockMatrix } from "../engine/quant/block_matrix.ts";
import { largestRowsTile, matmulRows, rowsTile } from "../shaders/matmul_rows.ts";
import {
  matmulQuantRows,
  matmulQuantRowsExpanded,
  quantRowsTile,
} from "../shaders/matmul_quant_rows.ts";
import {
  MATMUL_GGML_ROWS,
  matmulGgmlRows,
  matmulGgmlRowsExpanded,
} from "../shaders/matmul_ggml_rows.ts";
import { matmulDequantRows } from "../shaders/matmul_dequant_rows.ts";
import { type BenchContext, randomMatrix, timeInterleaved, timePerCall } from "./harness.ts";
import { fmaPeakProbe } from "./compute_ceiling.ts";
import type { BenchResult } from "./result.ts";

/** The prefill's T and the SAE encode's. */
const TOKENS = [128, 64];
const FORMATS = ["q8", "q4", "q4k", "q6k"] as const;

export async function benchMatmulPaths(ctx: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const probe = await fmaPeakProbe(ctx);
  for (const [rows, cols] of ctx.shapes ?? [[4096, 4096]]) {
    for (const T of TOKENS) results.push(...await pathsAt(ctx, probe, rows, cols, T));
  }
  probe.dispose();
  return results;
}

async function pathsAt(
  ctx: BenchContext,
  probe: Awaited<ReturnType<typeof fmaPeakProbe>>,
  rows: number,
  cols: number,
  T: number,
): Promise<BenchResult[]> {
  const gpu = ctx.gpu, results: BenchResult[] = [];
  const largest = largestRowsTile(gpu);
  {
    const x = Tensor.empty(gpu, "paths.x", [T, cols], "f32");
    const out = Tensor.empty(gpu, "paths.out", [T, rows], "f32");
    const wf = randomMatrix(gpu, "paths.f32", rows, cols, "f32", 1);
    const tile = rowsTile(T, rows, largest);
    try {
      for (const format of FORMATS) {
        const w = randomMatrix(gpu, `paths.${format}`, rows, cols, format, 2);
        try {
          const paths: Record<string, (rec: Recorder) => void> = format === "q8" || format === "q4"
            ? {
              inRegister: (rec) =>
                matmulQuantRows(
                  rec,
                  x,
                  w as QuantMatrix,
                  out,
                  quantRowsTile(T, cols, rows, largest),
                ),
              expanded: (rec) => matmulQuantRowsExpanded(rec, x, w as QuantMatrix, out),
              dequantRows: (rec) => matmulDequantRows(rec, x, w as QuantMatrix, out, tile),
            }
            : {
              inRegister: (rec) => matmulGgmlRows(rec, x, w as BlockMatrix, out, MATMUL_GGML_ROWS),
              expanded: (rec) => matmulGgmlRowsExpanded(rec, x, w as BlockMatrix, out),
            };
          const compile: Record<string, number> = {};
          for (const [name, record] of Object.entries(paths)) {
            const t0 = performance.now();
            await timePerCall(gpu, record, 1, 1, false);
            compile[name] = performance.now() - t0;
          }
          const s = await timeInterleaved(
            gpu,
            {
              ...paths,
              f32: (rec) => matmulRows(rec, x, wf as Matrix, out),
              peak: probe.record,
            },
            1,
            2,
          );
          const ceiling = probe.flops / s.peak / 1e9, flop = 2 * T * rows * cols;
          for (const name of Object.keys(paths)) {
            const gflops = flop / s[name] / 1e9;
            results.push({
              name: "matmul-path",
              shape: `${rows}x${cols}, T=${T}, ${name}, tile ${tile.rows}`,
              format,
              adapter: gpu.summary.description,
              figures: {
                ms: s[name] * 1e3,
                gflopPerSecond: gflops,
                firstCallMs: compile[name],
                ceilingGflopPerSecond: ceiling,
              },
              ratios: { vsInterleavedCeiling: gflops / ceiling, vsF32: s.f32 / s[name] },
            });
            ctx.log(
              `  ${rows}x${cols} T=${T} ${format} ${name}: ${gflops.toFixed(1)} GFLOP/s, ` +
                `${(gflops / ceiling).toFixed(2)} of ${ceiling.toFixed(1)}, ` +
                `${(s.f32 / s[name]).toFixed(2)} of f32, first call ${compile[name].toFixed(0)} ms`,
            );
          }
        } finally {
          w.dispose();
        }
      }
    } finally {
      for (const t of [x, out, wf]) t.dispose();
    }
  }
  return results;
}
