// `smoke`: the streaming ceilings of bench/harness.ts on a small matrix (512 x
// 4096, a few calls), in a second or two even on a software adapter. Run only
// when named; the browser runner's test uses it to check the whole --browser
// path quickly. No Deno APIs.

import { Tensor } from "../engine/ops/tensor.ts";
import { matvecConfig } from "../shaders/matvec.ts";
import { matvecQuantConfig } from "../shaders/matvec_quant.ts";
import { streamF32, streamQuant, streamThreads } from "../shaders/stream.ts";
import { type BenchContext, FORMATS, matrixBytes, randomMatrix, timePerCall } from "./harness.ts";
import type { BenchResult } from "./result.ts";

export async function benchSmoke(ctx: BenchContext, rows = 512): Promise<BenchResult[]> {
  const gpu = ctx.gpu, cols = 4096;
  const gbs: Record<string, number> = {};
  for (const format of FORMATS) {
    const c = format === "f32" ? matvecConfig(gpu) : matvecQuantConfig(gpu, format, cols);
    const m = randomMatrix(gpu, `smoke.${format}`, rows, cols, format, 7);
    const out = Tensor.empty(gpu, "smoke.streamOut", [streamThreads(rows, c)], "f32");
    try {
      const s = await timePerCall(
        gpu,
        (rec) => {
          if (m.format === "f32") streamF32(rec, m, out, c);
          else streamQuant(rec, m, out, c);
        },
        2,
        3,
      );
      gbs[format] = matrixBytes(m) / s / 1e9;
    } finally {
      m.dispose();
      out.dispose();
    }
  }
  return FORMATS.map((format) => ({
    name: "smoke",
    shape: `${rows}x${cols}`,
    format,
    adapter: ctx.gpu.summary.description,
    figures: { gbPerSecond: gbs[format] },
    ratios: { vsF32Stream: gbs[format] / gbs.f32 },
  }));
}
