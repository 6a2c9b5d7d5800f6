// deno task bench [NAME...] [--json]: runs all benchmarks or the named ones on
// one device and prints plain-text tables, or with --json one JSON object per
// result line. The thin Deno runner: benchmark bodies (BENCHMARKS) use no Deno
// APIs, so a browser page can run the same ones.

import { Gpu } from "../engine/gpu/gpu.ts";
import { benchAccuracy } from "./accuracy.ts";
import { benchDecode } from "./decode.ts";
import { benchDevices } from "./devices.ts";
import { benchHooks, benchHooks8b } from "./hooks.ts";
import { benchGenerate, printGenerateTable } from "./generate.ts";
import { benchCeilings, type BenchContext } from "./harness.ts";
import { benchMatmul, benchMatvec } from "./linear.ts";
import { benchSae } from "./sae.ts";
import { type BenchResult, printTables } from "./result.ts";

/** Every benchmark body, by name, in the order `deno task bench` runs them. */
export const BENCHMARKS: Record<string, (ctx: BenchContext) => Promise<BenchResult[]>> = {
  ceiling: benchCeilings,
  matvec: benchMatvec,
  matmul: benchMatmul,
  decode: (ctx) => benchDecode(ctx),
  accuracy: (ctx) => benchAccuracy(ctx.gpu, ctx.shared),
  hooks: async (ctx) => [
    ...await benchHooks({ model: `${ctx.shared}models/llama3-tiny`, gpu: ctx.gpu }),
    ...await benchHooks8b(ctx.gpu),
  ],
  devices: (ctx) => benchDevices(ctx),
  sae: benchSae,
};

if (import.meta.main) {
  const json = Deno.args.includes("--json");
  const names = Deno.args.filter((a) => !a.startsWith("--"));
  const known = [...Object.keys(BENCHMARKS), "generate"];
  for (const n of names) {
    if (!known.includes(n)) {
      console.error(`unknown benchmark "${n}"; known: ${known.join(", ")}`);
      Deno.exit(2);
    }
  }
  const selected = names.length ? names : known;
  const gpu = await Gpu.create();
  const ctx: BenchContext = {
    gpu,
    shared: new URL("../../shared/", import.meta.url).pathname,
    log: (line) => console.error(line),
  };
  try {
    for (const name of selected) {
      if (name === "generate") continue; // owns its device; run after the others
      const t0 = performance.now();
      const results = await BENCHMARKS[name](ctx);
      ctx.log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (json) { for (const r of results) console.log(JSON.stringify(r)); }
      else printTables(results, console.log);
    }
  } finally {
    gpu.destroy();
  }
  if (selected.includes("generate")) {
    const results = await benchGenerate();
    if (json) { for (const r of results) console.log(JSON.stringify(r)); }
    else printGenerateTable(results);
  }
}
