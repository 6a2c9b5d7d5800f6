// The in-page half of the browser harness. The Deno side (harness.ts) drives it
// through puppeteer: `adapter()` says what WebGPU gives, `load()` imports the
// bundled test files (their Deno.test calls land in the shim's registry), and
// `run(i)` runs one test and returns its outcome, so results stream back one
// test at a time.

import { type BrowserTest, registry } from "./shim/deno.ts";

export interface LoadedFile {
  file: string;
  /** Index into the registry of each test the file registered, with its name. */
  tests: { index: number; name: string; ignore: boolean }[];
  /** Set when importing the bundle threw (a top-level await failed, say). */
  error?: string;
}

export interface TestOutcome {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface AdapterReport {
  ok: boolean;
  error?: string;
  info?: Record<string, unknown>;
  features?: string[];
  limits?: Record<string, number>;
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    return e.stack?.includes(e.message) ? e.stack : `${e.message}\n${e.stack}`;
  }
  return String(e);
}

async function adapter(): Promise<AdapterReport> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { ok: false, error: "navigator.gpu is undefined (WebGPU disabled?)" };
  const a = await gpu.requestAdapter();
  if (!a) return { ok: false, error: "navigator.gpu.requestAdapter() returned null" };
  const limits: Record<string, number> = {};
  for (const key in a.limits) limits[key] = a.limits[key as keyof GPUSupportedLimits] as number;
  const i = a.info;
  return {
    ok: true,
    info: {
      vendor: i.vendor,
      architecture: i.architecture,
      device: i.device,
      description: i.description,
      ...Object.fromEntries(
        ["isFallbackAdapter", "subgroupMinSize", "subgroupMaxSize"].map((k) => [
          k,
          (i as unknown as Record<string, unknown>)[k],
        ]),
      ),
    },
    features: [...a.features].sort(),
    limits,
  };
}

async function load(files: { file: string; url: string }[]): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const { file, url } of files) {
    const before = registry().length;
    let error: string | undefined;
    try {
      await import(url);
    } catch (e) {
      error = describeError(e);
    }
    const tests = registry().slice(before).map((t: BrowserTest, k) => ({
      index: before + k,
      name: t.name,
      ignore: t.ignore,
    }));
    out.push({ file, tests, error });
  }
  return out;
}

async function run(index: number): Promise<TestOutcome> {
  const test = registry()[index];
  const t0 = performance.now();
  try {
    await test.fn();
    return { ok: true, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, ms: performance.now() - t0, error: describeError(e) };
  }
}

(globalThis as { loupeRunner?: unknown }).loupeRunner = { adapter, load, run };
