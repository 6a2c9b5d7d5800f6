// deno task fuzz [--cases N] [--seed S] [--only NAME]: the long run of the
// loader fuzzers (thousands of cases per format; not in CI). Same targets and
// classification as tests/formats/fuzz_test.ts; prints one report per format
// with every bad case's seed, so `--seed S --cases 1 --only NAME` replays it.
// Exits 1 if any case was bad.

import { parseArgs } from "node:util";
import { Engine } from "../../engine/engine.ts";
import { Gpu } from "../../engine/gpu/gpu.ts";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES } from "../util/fixtures_dir.ts";
import { formatReport, type FuzzTarget, runFuzz } from "./runner.ts";
import {
  configTarget,
  ggufTarget,
  pthTarget,
  saeLensTarget,
  safetensorsTarget,
  tokenizerTarget,
} from "./targets.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    cases: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    only: { type: "string" },
  },
});
const cases = Number(values.cases), seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  console.error("usage: deno task fuzz [--cases N] [--seed S] [--only NAME]");
  Deno.exit(2);
}

const gpu = await Gpu.create();
(await Engine.load(`${FIXTURES}models/stories260K`, { gpu, contextLength: 16 })).dispose();
(await Sae.load(`${FIXTURES}saes/stories260K-layer2/goodfire.pth`, gpu)).dispose();

const TARGETS: Record<string, () => Promise<FuzzTarget>> = {
  safetensors: () => safetensorsTarget(gpu),
  config: () => configTarget(gpu),
  tokenizer: () => tokenizerTarget(),
  pth: () => pthTarget(gpu),
  saelens: () => saeLensTarget(gpu),
  gguf: () => ggufTarget(gpu),
};
if (values.only && !(values.only in TARGETS)) {
  console.error(`--only: one of ${Object.keys(TARGETS).join(", ")}`);
  Deno.exit(2);
}

let bad = 0;
for (const [name, make] of Object.entries(TARGETS)) {
  if (values.only && name !== values.only) continue;
  const target = await make();
  try {
    const report = await runFuzz(target, gpu, seed, cases);
    console.log(formatReport(report));
    const reasons = [...report.reasons].sort((a, b) => b[1] - a[1]).slice(0, 8);
    for (const [reason, n] of reasons) console.log(`  ${String(n).padStart(5)} × ${reason} …`);
    bad += report.bad.length;
  } finally {
    await target.cleanup();
  }
}
gpu.destroy();
Deno.exit(bad > 0 ? 1 : 0);
