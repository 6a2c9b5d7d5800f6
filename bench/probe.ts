// Probes on the names data set (tests/fixtures/probe/names.json: 200 sentences
// of stories260K's own samples, 100 naming a character): held-out accuracy
// of a sparse logistic probe on the layer-2 SAE's features and on the raw
// layer-2 activations, max- and mean-pooled, with trainProbe's defaults
// (300 steps, seed 0: 150 texts trained on, 50 held out), and the time each
// training takes (its texts' forward passes included).

import { Engine } from "../engine/engine.ts";
import { readText } from "../sae/labels.ts";
import { parseProbeExamples, PROBE_DEFAULTS, Sae, trainProbe } from "../sae/mod.ts";
import type { BenchContext } from "./harness.ts";
import type { BenchResult } from "./result.ts";

export async function benchProbe(ctx: BenchContext): Promise<BenchResult[]> {
  const module = "model.layers.2";
  const data = `${ctx.fixtures}probe/names.json`;
  const examples = parseProbeExamples(await readText(data), data);
  const engine = await Engine.load(`${ctx.fixtures}models/stories260K`, { gpu: ctx.gpu });
  const out: BenchResult[] = [];
  try {
    const sae = await Sae.load(`${ctx.fixtures}saes/stories260K-layer2/goodfire.pth`, engine);
    try {
      for (const on of ["features", "activations"] as const) {
        for (const pool of ["max", "mean"] as const) {
          const t0 = performance.now();
          const r = await trainProbe({ engine, module, sae }, examples, { on, pool });
          const ms = performance.now() - t0;
          ctx.log(
            `probe ${on} ${pool}: held-out ${r.heldOutAccuracy}, train ${r.trainAccuracy}, ` +
              `${r.features.length} nonzero, ${ms.toFixed(0)} ms`,
          );
          out.push({
            name: "probe",
            shape: `names ${examples.length}: ${on} (${r.probe.width}), ${pool}-pooled`,
            format: "f32",
            adapter: ctx.gpu.summary.description,
            figures: {
              heldOutAccuracy: r.heldOutAccuracy ?? NaN,
              trainAccuracy: r.trainAccuracy,
              nonzero: r.features.length,
              steps: PROBE_DEFAULTS.steps,
              ms,
            },
            ratios: {},
          });
        }
      }
    } finally {
      sae.dispose();
    }
  } finally {
    engine.dispose();
  }
  return out;
}
