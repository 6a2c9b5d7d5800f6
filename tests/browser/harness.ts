// The Deno half of the browser harness: bundle the test files with esbuild
// (Deno.test -> the page registry, node:assert/strict -> a small shim), serve
// them and tests/fixtures/ from 127.0.0.1, launch Chromium through puppeteer-core,
// load every bundle into one page and run its tests one at a time.

import type { Plugin } from "esbuild";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { bundle, DIST, REPO } from "../../demo/build.ts";
import { serve, type StaticServer } from "../../demo/server.ts";
import type { AdapterReport, LoadedFile, TestOutcome } from "./page.ts";
import { mapStack } from "./sourcemap.ts";

/**
 * Test files that run in the browser as they are: every *_test.ts in a folder
 * ending in "/", or one file. The formats tests left out write temporary
 * folders or start servers; the rest of tests/engine needs temporary folders
 * and the CLI.
 */
export const BROWSER_TESTS = [
  "tests/kernels/",
  "tests/golden/",
  "tests/engine/interventions_test.ts",
  "tests/formats/config_test.ts",
  "tests/formats/checkpoint_test.ts",
];

/**
 * Flags for Debian's Chromium 156 on a machine without a GPU: SwiftShader's
 * WebGPU adapter needs nothing beyond --enable-unsafe-webgpu (Linux WebGPU is
 * still behind it). --use-angle=swiftshader, --enable-features=Vulkan and
 * --use-webgpu-adapter=swiftshader were tried and change nothing there.
 * puppeteer adds --headless=new (the same as --headless since Chrome 132).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--enable-unsafe-webgpu",
];

/** $CHROME_PATH, else Debian's /usr/bin/chromium; null if neither is an executable file. */
export function findChromium(): { path: string | null; tried: string[] } {
  const env = Deno.env.get("CHROME_PATH");
  const tried = env ? [env] : ["/usr/bin/chromium"];
  for (const path of tried) {
    try {
      const info = Deno.statSync(path);
      if (info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0) return { path, tried };
    } catch {
      // Not there: try the next one.
    }
  }
  return { path: null, tried };
}

/**
 * Chromium headless with CHROMIUM_ARGS plus $LOUPE_CHROMIUM_FLAGS (space-separated).
 * The protocol timeout is long: one test or benchmark may take minutes on SwiftShader.
 */
export async function launchChromium(
  executablePath: string,
  protocolTimeout = 15 * 60_000,
): Promise<Browser> {
  return await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(Deno.env.get("LOUPE_CHROMIUM_FLAGS")?.split(/\s+/) ?? [])]
      .filter((a) => a),
    protocolTimeout,
  });
}

/** Sends the page's console lines and uncaught errors to `log`. */
export function forwardConsole(page: Page, log: (line: string) => void): void {
  page.on("console", (m) => {
    // HEAD probes for optional model files (tokenizer_config.json, ...) 404 by design.
    if (!/^Failed to load resource: .* 404 \(Not Found\)$/.test(m.text())) log(m.text());
  });
  page.on("pageerror", (e) => log(`uncaught: ${(e as Error).message ?? e}`));
}

/** The fixtures folder (tests/fixtures), served at /fixtures/ to pages. */
export const FIXTURES_DIR = `${REPO}/tests/fixtures`;

/**
 * Files inside BROWSER_TESTS folders that test the host, not a GPU, and read
 * the repository through Deno APIs: Deno runs them once, Chromium not at all.
 */
export const HOST_ONLY_TESTS = new Set([
  "tests/kernels/snapshot_test.ts", // compares generated WGSL with files in tests/kernels/snapshots/
]);

export async function discoverTestFiles(list = BROWSER_TESTS): Promise<string[]> {
  const files: string[] = [];
  for (const entry of list) {
    if (!entry.endsWith("/")) {
      files.push(entry);
      continue;
    }
    for await (const e of Deno.readDir(`${REPO}/${entry}`)) {
      const file = `${entry}${e.name}`;
      if (e.isFile && e.name.endsWith("_test.ts") && !HOST_ONLY_TESTS.has(file)) files.push(file);
    }
  }
  return files.sort();
}

/** node:assert and node:assert/strict resolve to the shim (tests import the strict one). */
const assertShim: Plugin = {
  name: "loupe-assert-shim",
  setup(build) {
    build.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({
      path: `${REPO}/tests/browser/shim/assert.ts`,
    }));
  },
};

/** Bundles the page runner and each test file into `outdir`; returns file -> bundle URL path. */
export async function bundleTests(files: string[], outdir: string): Promise<Map<string, string>> {
  const entries: Record<string, string> = { page: "tests/browser/page.ts" };
  const urls = new Map<string, string>();
  for (const file of files) {
    const out = file.replace(/^tests\//, "").replace(/\.ts$/, "");
    entries[out] = file;
    urls.set(file, `/${out}.js`);
  }
  await bundle({
    entries,
    outdir,
    inject: [`${REPO}/tests/browser/shim/deno.ts`],
    plugins: [assertShim],
  });
  await Deno.writeTextFile(
    `${outdir}/index.html`,
    `<!doctype html><meta charset="utf-8"><title>Loupe browser tests</title>` +
      `<link rel="icon" href="data:,">\n` +
      `<script type="module" src="/page.js"></script>\n`,
  );
  return urls;
}

/** What page.ts puts on globalThis.loupeRunner. */
interface Runner {
  adapter(): Promise<AdapterReport>;
  load(files: { file: string; url: string }[]): Promise<LoadedFile[]>;
  run(index: number): Promise<TestOutcome>;
}

export interface BrowserSuite {
  browserVersion: string;
  adapter: AdapterReport;
  files: LoadedFile[];
  /** Runs test `index` (from `files[].tests[].index`) in the page. */
  run(index: number): Promise<TestOutcome>;
  close(): Promise<void>;
  /** Synchronous last resort (process unload): kills Chromium. */
  kill(): void;
  timings: { bundleMs: number; launchMs: number; loadMs: number };
}

export interface SuiteOptions {
  chromium: string;
  files: string[];
  /** Page console lines go here (default: console.log with a prefix). */
  log?: (line: string) => void;
}

/** Starts everything and loads the files; throws with a clear message at the first failure. */
export async function startBrowserSuite(opts: SuiteOptions): Promise<BrowserSuite> {
  const log = opts.log ?? ((line: string) => console.log(`  [chromium] ${line}`));
  await Deno.mkdir(`${DIST}/test`, { recursive: true });
  // A folder per run: engineers (and CI jobs) sharing a checkout do not clobber each other.
  const outdir = await Deno.makeTempDir({ dir: `${DIST}/test`, prefix: "run-" });
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await Deno.remove(outdir, { recursive: true }).catch(() => {});
  };
  try {
    let t0 = performance.now();
    const urls = await bundleTests(opts.files, outdir);
    const bundleMs = performance.now() - t0;
    server = await serve({ roots: { "/": outdir, "/fixtures/": FIXTURES_DIR } });

    t0 = performance.now();
    browser = await launchChromium(opts.chromium);
    const browserVersion = await browser.version();
    const page: Page = await browser.newPage();
    forwardConsole(page, log);
    await page.goto(`${server.url}/index.html`, { waitUntil: "load" });
    await page.waitForFunction(() => "loupeRunner" in globalThis, { timeout: 30_000 });
    const launchMs = performance.now() - t0;

    // These functions run in the page (puppeteer serialises them): no closures.
    const adapter = await page.evaluate(() =>
      (globalThis as unknown as { loupeRunner: Runner }).loupeRunner.adapter()
    );
    t0 = performance.now();
    const files = adapter.ok
      ? await page.evaluate(
        (list) => (globalThis as unknown as { loupeRunner: Runner }).loupeRunner.load(list),
        opts.files.map((file) => ({ file, url: urls.get(file)! })),
      )
      : [];
    const loadMs = performance.now() - t0;
    for (const f of files) if (f.error) f.error = mapStack(f.error, server.url, outdir, REPO);
    const proc = browser.process();
    const origin = server.url;
    return {
      browserVersion,
      adapter,
      files,
      async run(index) {
        const r = await page.evaluate(
          (i) => (globalThis as unknown as { loupeRunner: Runner }).loupeRunner.run(i),
          index,
        );
        if (r.error) r.error = mapStack(r.error, origin, outdir, REPO);
        return r;
      },
      close: cleanup,
      kill: () => {
        try {
          proc?.kill("SIGKILL");
        } catch {
          // Already gone.
        }
        try {
          Deno.removeSync(outdir, { recursive: true });
        } catch {
          // Already removed.
        }
      },
      timings: { bundleMs, launchMs, loadMs },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
