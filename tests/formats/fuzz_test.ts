// Seeded, bounded mutation fuzzing of every loader (see tests/fuzz/runner.ts
// for how outcomes are classified): a few hundred cases each, same seeds every
// run, well under a minute in all. `deno task fuzz` runs thousands.

import { testGpu } from "../util/gpu.ts";
import { formatReport, type FuzzTarget, runFuzz } from "../fuzz/runner.ts";
import {
  configTarget,
  ggufTarget,
  pthTarget,
  saeLensTarget,
  safetensorsTarget,
  tokenizerTarget,
} from "../fuzz/targets.ts";
import { Engine } from "../../engine/engine.ts";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES } from "../util/fixtures_dir.ts";

const gpu = await testGpu();
// The first loads create pooled buffers (the Recorder's uniform slab) that stay.
(await Engine.load(`${FIXTURES}models/stories260K`, { gpu, contextLength: 16 })).dispose();
(await Sae.load(`${FIXTURES}saes/stories260K-layer2/goodfire.pth`, gpu)).dispose();

const SEED = 20261201;

async function fuzz(make: () => Promise<FuzzTarget>, cases: number) {
  const target = await make();
  try {
    const report = await runFuzz(target, gpu, SEED, cases);
    console.log(formatReport(report));
    if (report.bad.length > 0) throw new Error(formatReport(report));
  } finally {
    await target.cleanup();
  }
}

Deno.test("fuzz: safetensors", () => fuzz(() => safetensorsTarget(gpu), 300));
Deno.test("fuzz: config.json", () => fuzz(() => configTarget(gpu), 300));
Deno.test("fuzz: tokenizer.json", () => fuzz(() => tokenizerTarget(), 400));
Deno.test("fuzz: .pth (zip + pickle)", () => fuzz(() => pthTarget(gpu), 400));
Deno.test("fuzz: SAELens folder", () => fuzz(() => saeLensTarget(gpu), 300));
Deno.test("fuzz: GGUF", () => fuzz(() => ggufTarget(gpu), 60));
