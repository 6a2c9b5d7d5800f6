// `deno task bench --browser [NAME...] [--json]`: the benchmark bodies of
// bench/main.ts bundled with esbuild into a page (bench/page.ts), served from
// 127.0.0.1 with the fixtures at /fixtures/ (demo/server.ts), run in Chromium
// (SwiftShader without a GPU) through puppeteer-core with the browser tests'
// launcher (tests/browser/harness.ts), then the same benchmarks in Deno. Text
// output: per benchmark, the Chromium table, the Deno table (the adapter and
// runner in each title) and the Chromium / Deno ratio of each figure. With
// --json: one object per result line as it arrives, with a "runner" field.

import * as esbuild from "esbuild";
import type { Browser } from "puppeteer-core";
import { bundle, denoReferences, DIST } from "../demo/build.ts";
import { serve, type StaticServer } from "../demo/server.ts";
import {
  findChromium,
  FIXTURES_DIR,
  forwardConsole,
  launchChromium,
} from "../tests/browser/harness.ts";
import { type GenerateBenchResult, printGenerateTable } from "./generate.ts";
import type { PageAdapter, PageOptions, PageRun } from "./page.ts";
import { type BenchResult, printTables } from "./result.ts";

type AnyResult = BenchResult | GenerateBenchResult;

/**
 * Benchmarks that cannot run in the page, with the reason: skipped there
 * (with the reason printed) and still run in Deno. Empty: every body is
 * browser-safe (the bundle check below fails on a Deno reference).
 */
export const PAGE_SKIP: Record<string, string> = {};

/** What bench/page.ts puts on globalThis.loupeBench. */
interface PageApi {
  start(fixtures: string, options: PageOptions): Promise<PageAdapter>;
  run(name: string): Promise<PageRun>;
  finish(): void;
}

/** Modules whose Deno references are only under `import.meta.main` (false in the page). */
const DENO_ALLOWED = ["engine/platform/", "bench/main.ts", "bench/generate.ts"];

/** bench/main.ts imports this file only under --browser: never in the page, so not bundled. */
const noRunner: esbuild.Plugin = {
  name: "loupe-bench-no-runner",
  setup(build) {
    build.onResolve(
      { filter: /^\.\/browser\.ts$/ },
      (args) =>
        args.importer.endsWith("bench/main.ts")
          ? { path: "bench-browser-runner", namespace: "loupe-stub" }
          : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "loupe-stub" }, () => ({
      contents: "export {};",
      loader: "js",
    }));
  },
};

/** Bundles bench/page.ts and an index.html into `outdir`; fails on a Deno reference in a body. */
export async function bundleBenchPage(outdir: string): Promise<void> {
  try {
    await bundle({ entries: { bench: "bench/page.ts" }, outdir, plugins: [noRunner] });
  } finally {
    await esbuild.stop();
  }
  const refs = denoReferences(await Deno.readTextFile(`${outdir}/bench.js`), DENO_ALLOWED);
  if (refs.length > 0) {
    throw new Error(
      `the benchmark page references Deno (a benchmark body must not):\n` +
        refs.map((r) => `  ${r.module} (bundle line ${r.line}): ${r.text}`).join("\n"),
    );
  }
  await Deno.writeTextFile(
    `${outdir}/index.html`,
    `<!doctype html><meta charset="utf-8"><title>Loupe benchmarks</title>` +
      `<link rel="icon" href="data:,">\n<script type="module" src="/bench.js"></script>\n`,
  );
}

export interface ChromiumRun {
  /** e.g. "Chromium HeadlessChrome/156.0.7767.0" */
  runner: string;
  adapter: PageAdapter;
  /** Per benchmark run in the page (skipped ones are absent). */
  runs: Map<string, PageRun>;
  timings: { bundleMs: number; launchMs: number };
}

export interface ChromiumOptions {
  chromium: string;
  selected: string[];
  /** Passed to the page's start (--shapes). */
  page?: PageOptions;
  /** Page console lines and progress (default: stderr with a prefix). */
  log?: (line: string) => void;
  /** Called as each benchmark's results come back. */
  onResults?: (name: string, run: PageRun, runner: string) => void;
}

/** Runs `selected` (minus PAGE_SKIP) in one Chromium page; throws if the page has no WebGPU. */
export async function runInChromium(opts: ChromiumOptions): Promise<ChromiumRun> {
  const log = opts.log ?? ((line: string) => console.error(`  [chromium] ${line}`));
  await Deno.mkdir(`${DIST}/bench`, { recursive: true });
  const outdir = await Deno.makeTempDir({ dir: `${DIST}/bench`, prefix: "run-" });
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  const kill = () => {
    try {
      browser?.process()?.kill("SIGKILL");
    } catch {
      // Already gone.
    }
    try {
      Deno.removeSync(outdir, { recursive: true });
    } catch {
      // Already removed.
    }
    Deno.exit(130);
  };
  Deno.addSignalListener("SIGINT", kill);
  try {
    let t0 = performance.now();
    await bundleBenchPage(outdir);
    const bundleMs = performance.now() - t0;
    server = await serve({ roots: { "/": outdir, "/fixtures/": FIXTURES_DIR } });
    t0 = performance.now();
    // A benchmark is one page call; the 8B-shaped ones take many minutes on SwiftShader.
    browser = await launchChromium(opts.chromium, 120 * 60_000);
    const runner = `Chromium ${await browser.version()}`;
    const page = await browser.newPage();
    forwardConsole(page, log);
    await page.goto(`${server.url}/index.html`, { waitUntil: "load" });
    await page.waitForFunction(() => "loupeBench" in globalThis, { timeout: 30_000 });
    // These functions run in the page (puppeteer serialises them): no closures.
    const adapter = await page.evaluate(
      (fixtures, options) =>
        (globalThis as unknown as { loupeBench: PageApi }).loupeBench.start(fixtures, options),
      `${server.url}/fixtures/`,
      opts.page ?? {},
    );
    const launchMs = performance.now() - t0;
    if (!adapter.ok) throw new Error(`${runner} gives no WebGPU device: ${adapter.error}`);
    const runs = new Map<string, PageRun>();
    let finished = false;
    for (const name of opts.selected) {
      if (PAGE_SKIP[name]) continue;
      if (name === "generate" && !finished) {
        await page.evaluate(() =>
          (globalThis as unknown as { loupeBench: PageApi }).loupeBench.finish()
        );
        finished = true;
      }
      const run = await page.evaluate(
        (n) => (globalThis as unknown as { loupeBench: PageApi }).loupeBench.run(n),
        name,
      );
      log(`${name}: ${run.seconds.toFixed(1)} s${run.error ? " (failed)" : ""}`);
      runs.set(name, run);
      opts.onResults?.(name, run, runner);
    }
    if (!finished) {
      await page.evaluate(() =>
        (globalThis as unknown as { loupeBench: PageApi }).loupeBench.finish()
      );
    }
    return { runner, adapter, runs, timings: { bundleMs, launchMs } };
  } finally {
    Deno.removeSignalListener("SIGINT", kill);
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await Deno.remove(outdir, { recursive: true }).catch(() => {});
  }
}

/** Chromium / Deno of each figure, rows matched by shape, format and order. */
export function ratioRows(chromium: BenchResult[], deno: BenchResult[]): BenchResult[] {
  const key = (r: BenchResult, list: BenchResult[]) =>
    `${r.shape}|${r.format}|${
      list.filter((o) => o.shape === r.shape && o.format === r.format).indexOf(r)
    }`;
  const byKey = new Map(deno.map((r) => [key(r, deno), r]));
  const out: BenchResult[] = [];
  for (const c of chromium) {
    const d = byKey.get(key(c, chromium));
    if (!d) continue;
    const figures: Record<string, number> = {};
    for (const f of Object.keys(c.figures)) {
      if (d.figures[f] !== undefined && d.figures[f] !== 0) {
        figures[f] = c.figures[f] / d.figures[f];
      }
    }
    out.push({ ...c, adapter: "Chromium / Deno", figures, ratios: {} });
  }
  return out;
}

function errorLine(e: string): string {
  return e.split("\n")[0];
}

export interface BenchBrowserOptions {
  selected: string[];
  json: boolean;
  /** --shapes, for the page as for Deno. */
  shapes?: [number, number][];
  runInDeno: (
    selected: string[],
    emit: (name: string, results: AnyResult[]) => void,
  ) => Promise<void>;
}

/** The --browser mode of bench/main.ts; returns the exit code. */
export async function benchBrowser(o: BenchBrowserOptions): Promise<number> {
  const chromium = findChromium();
  if (!chromium.path) {
    console.error(
      `--browser: no Chromium at ${chromium.tried.join(", ")}; install Debian's chromium ` +
        `(apt-get install chromium) or set CHROME_PATH`,
    );
    return 1;
  }
  const out = (line: string) => console.log(line);
  for (const name of o.selected) {
    if (PAGE_SKIP[name]) console.error(`${name}: skipped in Chromium: ${PAGE_SKIP[name]}`);
  }
  const denoRunner = `Deno ${Deno.version.deno}`;
  let code = 0;
  const c = await runInChromium({
    chromium: chromium.path,
    selected: o.selected,
    page: { shapes: o.shapes },
    onResults(name, run, runner) {
      if (run.error) {
        code = 1;
        console.error(`${name}: failed in Chromium:\n${run.error}`);
      }
      if (o.json) { for (const r of run.results) out(JSON.stringify({ ...r, runner })); }
    },
  });
  console.error(
    `${c.runner}: ${c.adapter.description}${c.adapter.isFallbackAdapter ? " (fallback)" : ""}; ` +
      `bundled in ${(c.timings.bundleMs / 1000).toFixed(1)} s, page ready in ${
        (c.timings.launchMs / 1000).toFixed(1)
      } s`,
  );
  const deno = new Map<string, AnyResult[]>();
  await o.runInDeno(o.selected, (name, results) => {
    deno.set(name, results);
    if (o.json) { for (const r of results) out(JSON.stringify({ ...r, runner: denoRunner })); }
  });
  if (o.json) return code;

  const titled = (rs: AnyResult[], runner: string) =>
    rs.map((r) => ({ ...r, adapter: `${r.adapter}, ${runner}` }));
  for (const name of o.selected) {
    const page = c.runs.get(name);
    const here = deno.get(name) ?? [];
    out(`\n=== ${name} ===`);
    if (PAGE_SKIP[name]) out(`(skipped in Chromium: ${PAGE_SKIP[name]})`);
    else if (page?.error) out(`(failed in Chromium: ${errorLine(page.error)})`);
    if (name === "generate") {
      if (page?.results.length) {
        out(`\n${c.runner}`);
        printGenerateTable(titled(page.results, c.runner) as GenerateBenchResult[], out);
      }
      out(`\n${denoRunner}`);
      printGenerateTable(titled(here, denoRunner) as GenerateBenchResult[], out);
      continue;
    }
    const pageRows = (page?.results ?? []) as BenchResult[];
    printTables(titled(pageRows, c.runner) as BenchResult[], out);
    printTables(titled(here, denoRunner) as BenchResult[], out);
    const ratios = ratioRows(pageRows, here as BenchResult[]);
    if (ratios.length) printTables(ratios, out);
  }
  return code;
}
