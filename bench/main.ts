// deno task bench [NAME...] [--json] [--browser] [--soak-n=N] [--shapes=RxC,...] [--backward=T,L,R,F+F]: runs all benchmarks or the
// named ones on one device and prints plain-text tables, or with --json one
// JSON object per result line. The thin Deno runner: benchmark bodies
// (BENCHMARKS) use no Deno APIs, so a browser page can run the same ones:
// --browser runs them first in Chromium (bench/browser.ts, bench/page.ts), then
// here, and prints both (with --json, each line also says its "runner").
// --shapes=4096x4096,14336x4096 limits matvec/matmul to those [rows x cols]
// in both runners (the 70B shapes take minutes per format in prefill).

import { NoAdapterError } from "../engine/errors.ts";
import { Gpu } from "../engine/gpu/gpu.ts";
import { benchAccuracy } from "./accuracy.ts";
import { benchAttention } from "./attention.ts";
import { benchBackward } from "./backward.ts";
import { benchBatch } from "./batch.ts";
import { benchDecode } from "./decode.ts";
import { benchDispatches } from "./dispatches.ts";
import { benchDevices } from "./devices.ts";
import { benchHooks, benchHooks8b } from "./hooks.ts";
import { benchGenerate, type GenerateBenchResult, printGenerateTable } from "./generate.ts";
import { benchCeilings, type BenchContext } from "./harness.ts";
import { benchComputeCeilings } from "./compute_ceiling.ts";
import { benchMatmulPaths } from "./matmul_paths.ts";
import { benchMatmul, benchMatvec } from "./linear.ts";
import { benchProbe } from "./probe.ts";
import { benchSaeDecode, benchSaeKernels } from "./sae.ts";
import { benchSmoke } from "./smoke.ts";
import { benchSoak, benchSoakRuntime } from "./soak.ts";
import { type BenchResult, printTables } from "./result.ts";

/** Every benchmark body, by name, in the order `deno task bench` runs them. */
export const BENCHMARKS: Record<string, (ctx: BenchContext) => Promise<BenchResult[]>> = {
  ceiling: async (ctx) => [...await benchCeilings(ctx), ...await benchComputeCeilings(ctx)],
  matvec: benchMatvec,
  matmul: benchMatmul,
  decode: (ctx) => benchDecode(ctx),
  dispatches: (ctx) => benchDispatches(ctx),
  accuracy: (ctx) => benchAccuracy(ctx.gpu, ctx.fixtures),
  hooks: async (ctx) => [
    ...await benchHooks({ model: `${ctx.fixtures}models/llama3-tiny`, gpu: ctx.gpu }),
    ...await benchHooks8b(ctx.gpu),
  ],
  devices: (ctx) => benchDevices(ctx),
  sae: (ctx) => benchSaeKernels(ctx),
  "sae-decode": (ctx) => benchSaeDecode(ctx),
  batch: (ctx) => benchBatch(ctx),
};

/** Benchmarks that run only when named: quick checks of the runners, and the long ones. */
export const NAMED_ONLY: Record<string, (ctx: BenchContext) => Promise<BenchResult[]>> = {
  smoke: (ctx) => benchSmoke(ctx),
  // Trains four probes on the 200-example set (~100 s on llvmpipe): by name only.
  probe: (ctx) => benchProbe(ctx),
  soak: (ctx) => benchSoak(ctx),
  // Every prefill path of each quantized format side by side (minutes): by name only.
  "matmul-paths": benchMatmulPaths,
  // Backward / forward at 8B widths, T = 128, f32 + q8 + q4 (minutes on llvmpipe): by name only.
  backward: (ctx) => benchBackward(ctx, ctx.backward),
  "soak-runtime": (ctx) => benchSoakRuntime(ctx),
  // One-query vs tiled prompt attention at 8B heads, T up to 1024 (minutes on llvmpipe).
  attention: (ctx) => benchAttention(ctx),
  // Deno only (files, RSS) and ~25 GB of synthetic checkpoints: imported by a
  // computed path so that the browser bundle of this file leaves it out.
  scale: async (ctx) => {
    const path = "./scale.ts";
    return await (await import(path)).benchScale(ctx);
  },
};

/** The named benchmarks (all but NAMED_ONLY if none) in order, "generate" (owns its device) last. */
export function selectBenchmarks(names: string[]): { selected: string[]; unknown: string[] } {
  const all = [...Object.keys(BENCHMARKS), "generate"];
  const known = [...all, ...Object.keys(NAMED_ONLY)];
  const unknown = names.filter((n) => !known.includes(n));
  const picked = names.length ? names : all;
  const selected = [...new Set(picked)].filter((n) => known.includes(n) && n !== "generate");
  if (picked.includes("generate")) selected.push("generate");
  return { selected, unknown };
}

/**
 * Runs `selected` in Deno; `emit` gets each benchmark's results as it ends
 * (generate's are GenerateBenchResults).
 */
export async function runInDeno(
  selected: string[],
  emit: (name: string, results: (BenchResult | GenerateBenchResult)[]) => void,
): Promise<void> {
  const gpu = await Gpu.create();
  const ctx: BenchContext = {
    gpu,
    fixtures: new URL("../tests/fixtures/", import.meta.url).pathname,
    log: (line) => console.error(line),
    soakN: soakN(Deno.args),
    shapes: shapes(Deno.args),
    backward: backwardFlag(Deno.args),
    rss: () => Deno.memoryUsage().rss,
    heap: () => Deno.memoryUsage().heapUsed,
  };
  try {
    for (const name of selected) {
      if (name === "generate") continue; // owns its device; run after the others
      const t0 = performance.now();
      const results = await (BENCHMARKS[name] ?? NAMED_ONLY[name])(ctx);
      ctx.log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      emit(name, results);
    }
  } finally {
    gpu.destroy();
  }
  if (selected.includes("generate")) emit("generate", await benchGenerate());
}

/** --soak-n=N: iterations of the soak benchmarks. */
function soakN(args: readonly string[]): number | undefined {
  const flag = args.find((a) => a.startsWith("--soak-n="));
  if (!flag) return undefined;
  const n = Number(flag.slice("--soak-n=".length));
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`--soak-n expects a positive integer, got "${flag}"`);
  }
  return n;
}

/** --backward=T,LAYERS,ROUNDS,FORMAT+FORMAT: what bench backward runs. */
function backwardFlag(args: readonly string[]): BenchContext["backward"] {
  const flag = args.find((a) => a.startsWith("--backward="));
  if (!flag) return undefined;
  const [t, l, r, f] = flag.slice("--backward=".length).split(",");
  const formats = (f ?? "f32+q8+q4").split("+");
  const n = [t, l, r].map(Number);
  if (
    !n.every((x) => Number.isInteger(x) && x > 0) ||
    !formats.every((x) => ["f32", "q8", "q4", "q4k", "q6k"].includes(x))
  ) {
    throw new Error(`--backward expects T,LAYERS,ROUNDS[,FORMAT+FORMAT], got "${flag}"`);
  }
  return {
    tokens: n[0],
    layers: n[1],
    rounds: n[2],
    formats: formats as NonNullable<BenchContext["backward"]>["formats"],
  };
}

/** --shapes=RxC[,RxC...]: the matvec/matmul shapes, [rows (out), cols (in)]. */
function shapes(args: readonly string[]): [number, number][] | undefined {
  const flag = args.find((a) => a.startsWith("--shapes="));
  if (!flag) return undefined;
  return flag.slice("--shapes=".length).split(",").map((s) => {
    const m = /^(\d+)x(\d+)$/.exec(s);
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
      throw new Error(`--shapes expects ROWSxCOLS[,ROWSxCOLS...], got "${s}" in "${flag}"`);
    }
    return [Number(m[1]), Number(m[2])];
  });
}

if (import.meta.main) {
  const json = Deno.args.includes("--json");
  const { selected, unknown } = selectBenchmarks(Deno.args.filter((a) => !a.startsWith("--")));
  for (const n of unknown) {
    console.error(
      `unknown benchmark "${n}"; known: ${
        [...Object.keys(BENCHMARKS), "generate", ...Object.keys(NAMED_ONLY)].join(", ")
      }`,
    );
  }
  if (unknown.length) Deno.exit(2);
  if (Deno.args.includes("--browser")) {
    const { benchBrowser } = await import("./browser.ts");
    Deno.exit(await benchBrowser({ selected, json, shapes: shapes(Deno.args), runInDeno }));
  }
  try {
    await runInDeno(selected, (name, results) => {
      if (json) { for (const r of results) console.log(JSON.stringify(r)); }
      else if (name === "generate") printGenerateTable(results as GenerateBenchResult[]);
      else printTables(results as BenchResult[], console.log);
    });
  } catch (e) {
    if (!(e instanceof NoAdapterError)) throw e;
    console.error(`bench: ${e.message}`);
    Deno.exit(1);
  }
}
