// What hooks cost while generating: decode tokens/s with no hooks, with one
// layer cached every step, and with an add-vector intervention at one layer.
// Variants alternate within each round so that drift in machine load hits all
// of them alike; each figure is the median over rounds.

import { Engine } from "../engine/engine.ts";
import type { Gpu } from "../engine/gpu/gpu.ts";
import type { GenerateOptions } from "../engine/generate.ts";
import type { BenchResult } from "./result.ts";

export interface HooksBenchOptions {
  /** Model folder or URL (default: llama3-tiny from the fixtures). */
  model: string;
  gpu: Gpu;
  rounds?: number;
  newTokens?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchHooks(o: HooksBenchOptions): Promise<BenchResult[]> {
  const engine = await Engine.load(o.model, { gpu: o.gpu });
  const rounds = o.rounds ?? 5, newTokens = o.newTokens ?? 48;
  const layer = `model.layers.${Math.floor(engine.config.numHiddenLayers / 2)}`;
  const vector = engine.tensor(new Float32Array(engine.config.hiddenSize).fill(0.01), [
    engine.config.hiddenSize,
  ]);
  const variants: [string, GenerateOptions][] = [
    ["none", {}],
    ["cache", { cache: [layer] }],
    ["add", { interventions: { [layer]: (x) => x.addVector(vector) } }],
  ];
  const prompt = [1, 5, 6, 7, 8, 9, 10, 11];
  const times = new Map<string, number[]>(variants.map(([n]) => [n, []]));
  try {
    for (let r = -1; r < rounds; r++) {
      for (const [name, opts] of variants) {
        const t0 = performance.now();
        let n = 0, first = 0;
        for await (
          const _ of engine.generate(prompt, {
            ...opts,
            maxNewTokens: newTokens + 1,
            ignoreEos: true,
          })
        ) {
          if (n++ === 0) first = performance.now();
        }
        // Round -1 warms up pipelines; the first step (the prompt) is not decode.
        if (r >= 0) times.get(name)!.push(newTokens / ((performance.now() - first) / 1000));
        void t0;
      }
    }
  } finally {
    vector.dispose();
    engine.dispose();
  }
  const base = median(times.get("none")!);
  return variants.map(([name]) => {
    const tps = median(times.get(name)!);
    return {
      name: "hooks",
      shape: `${o.model.split("/").pop()} ${name === "none" ? "no hooks" : `${name} at ${layer}`}`,
      format: "f32",
      adapter: o.gpu.summary.description,
      figures: { decodeTokensPerSecond: tps },
      ratios: { vsNoHooks: tps / base },
    };
  });
}
