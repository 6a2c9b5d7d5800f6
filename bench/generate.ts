// Prefill and decode tokens/s of the fixture models on this adapter.
// Prints a table; with --json one JSON object per result line. benchGenerate()
// uses no Deno APIs: the browser runner passes the page's /fixtures/models/ URL.

import { Engine } from "../engine/engine.ts";
import { Gpu } from "../engine/gpu/gpu.ts";

const FIXTURES = new URL("../tests/fixtures/models/", import.meta.url).pathname;

export interface GenerateBenchResult {
  name: string;
  model: string;
  adapter: string;
  promptTokens: number;
  prefillTokensPerSecond: number;
  newTokens: number;
  decodeTokensPerSecond: number;
}

/** `modelsDir`: a folder path or a URL ending in "/" (engine sources accept either). */
export async function benchGenerate(
  models = ["stories260K", "llama3-tiny"],
  modelsDir = FIXTURES,
): Promise<GenerateBenchResult[]> {
  const gpu = await Gpu.create();
  const results: GenerateBenchResult[] = [];
  try {
    for (const model of models) {
      const engine = await Engine.load(modelsDir + model, { gpu });
      try {
        const promptTokens = Math.min(128, engine.contextLength / 2);
        const newTokens = Math.min(64, engine.contextLength - promptTokens);
        const prompt = Array.from(
          { length: promptTokens },
          (_, i) => i === 0 ? 1 : 3 + ((i * 7919) % (engine.config.vocabSize - 3)),
        );
        // Warm-up: builds every pipeline once.
        for await (
          const _ of engine.generate(prompt.slice(0, 8), { maxNewTokens: 2, ignoreEos: true })
        ) { /* */ }
        const t0 = performance.now();
        const r = await engine.forward(prompt);
        await r.logits.toArray();
        r.dispose();
        const prefill = (performance.now() - t0) / 1000;
        let first = 0, count = 0;
        for await (
          const _ of engine.generate(prompt, { maxNewTokens: newTokens + 1, ignoreEos: true })
        ) {
          // The first step includes the prompt pass; time the rest.
          if (count++ === 0) first = performance.now();
        }
        const decode = (performance.now() - first) / 1000;
        results.push({
          name: "generate",
          model,
          adapter: gpu.summary.description,
          promptTokens,
          prefillTokensPerSecond: promptTokens / prefill,
          newTokens,
          decodeTokensPerSecond: newTokens / decode,
        });
      } finally {
        engine.dispose();
      }
    }
  } finally {
    gpu.destroy();
  }
  return results;
}

export function printGenerateTable(
  results: GenerateBenchResult[],
  log: (line: string) => void = console.log,
): void {
  log(`adapter: ${results[0]?.adapter}`);
  log("model             prompt  prefill tok/s  new  decode tok/s");
  for (const r of results) {
    log(
      `${r.model.padEnd(16)} ${String(r.promptTokens).padStart(7)} ${
        r.prefillTokensPerSecond.toFixed(1).padStart(14)
      } ` +
        `${String(r.newTokens).padStart(4)} ${r.decodeTokensPerSecond.toFixed(1).padStart(13)}`,
    );
  }
}

if (import.meta.main) {
  const results = await benchGenerate();
  if (Deno.args.includes("--json")) { for (const r of results) console.log(JSON.stringify(r)); }
  else printGenerateTable(results);
}
