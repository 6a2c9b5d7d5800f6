// The in-page half of `deno task bench --browser` (bench/browser.ts bundles it
// with esbuild and drives it through puppeteer): the same benchmark bodies as
// the Deno runner (BENCHMARKS of bench/main.ts), on a Gpu created in the page,
// with the fixtures at the page's /fixtures/ URL. `run(name)` runs one benchmark
// and returns its results, so they come back to Deno one benchmark at a time.

import { Gpu } from "../engine/gpu/gpu.ts";
import { benchGenerate, type GenerateBenchResult } from "./generate.ts";
import type { BenchContext } from "./harness.ts";
import { BENCHMARKS, NAMED_ONLY } from "./main.ts";
import type { BenchResult } from "./result.ts";

export interface PageAdapter {
  ok: boolean;
  error?: string;
  /** Gpu.summary.description of the page's device. */
  description?: string;
  isFallbackAdapter?: boolean;
}

export interface PageRun {
  results: (BenchResult | GenerateBenchResult)[];
  seconds: number;
  error?: string;
}

let ctx: BenchContext | null = null;
/** The adapter name results carry; see adapterName(). */
let adapter = "";

/**
 * Gpu.summary.description, or when the browser hides it (Chromium gives an
 * empty description and device: "unknown adapter") its vendor and
 * architecture, e.g. "google swiftshader".
 */
function adapterName(gpu: Gpu): string {
  const s = gpu.summary;
  if (s.description !== "unknown adapter") return s.description;
  const named = [s.vendor, s.architecture].filter((x) => x).join(" ");
  return named || s.description;
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    return e.stack?.includes(e.message) ? e.stack : `${e.message}\n${e.stack}`;
  }
  return String(e);
}

/** What the Deno runner passes on from its command line (bench/main.ts flags). */
export interface PageOptions {
  /** --shapes: the matvec/matmul [rows, cols] (default: each benchmark's own). */
  shapes?: [number, number][];
}

/** Creates the page's Gpu (kept for every benchmark but `generate`, like the Deno runner's). */
async function start(fixtures: string, options: PageOptions = {}): Promise<PageAdapter> {
  try {
    const gpu = await Gpu.create();
    ctx = { gpu, fixtures, log: (line) => console.log(line), shapes: options.shapes };
    adapter = adapterName(gpu);
    return {
      ok: true,
      description: adapter,
      isFallbackAdapter: gpu.isFallbackAdapter,
    };
  } catch (e) {
    return { ok: false, error: describeError(e) };
  }
}

async function run(name: string): Promise<PageRun> {
  const t0 = performance.now();
  try {
    let results: (BenchResult | GenerateBenchResult)[];
    if (name === "generate") {
      // Owns its device, as in Deno: the shared one is destroyed first (finish()).
      results = await benchGenerate(undefined, `${ctx!.fixtures}models/`);
    } else {
      const body = BENCHMARKS[name] ?? NAMED_ONLY[name];
      if (!body) throw new Error(`no benchmark "${name}" in the page`);
      results = await body(ctx!);
    }
    // The bodies name the adapter by Gpu.summary.description (generate's Gpu is another one).
    const unnamed = "unknown adapter";
    results = results.map((r) => r.adapter === unnamed ? { ...r, adapter } : r);
    return { results, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    return { results: [], seconds: (performance.now() - t0) / 1000, error: describeError(e) };
  }
}

/** Destroys the shared Gpu (before `generate`, which creates its own). */
function finish(): void {
  ctx?.gpu.destroy();
}

(globalThis as { loupeBench?: unknown }).loupeBench = { start, run, finish };
