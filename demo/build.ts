// Browser bundles with esbuild. `deno task build` writes dist/loupe.js (one
// ESM module, the engine, with a source map) and dist/demo/ (the demo page),
// and checks that neither has a `Deno.` reference outside engine/platform/:
// everything else must run in a browser unchanged. The browser test harness
// bundles test files through the same `bundle()`, so tests and demo see the
// same code.

import * as esbuild from "esbuild";

export const REPO = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
export const DIST = `${REPO}/dist`;

export interface BundleOptions {
  /** Output name (no extension) -> entry file, relative to the repo root. */
  entries: Record<string, string>;
  outdir: string;
  /** Files whose exports replace global identifiers (esbuild `inject`). */
  inject?: string[];
  plugins?: esbuild.Plugin[];
}

/**
 * The library imports npm packages as `npm:name@version` so that Deno runs it
 * from any folder (or URL) without our deno.json; a bundler resolves the same
 * packages by bare name from node_modules.
 */
const npmSpecifiers: esbuild.Plugin = {
  name: "npm-specifiers",
  setup(build) {
    build.onResolve({ filter: /^npm:/ }, (args) => {
      const m = /^npm:((?:@[^/@]+\/)?[^/@]+)(?:@[^/]+)?(\/.*)?$/.exec(args.path);
      if (!m) return { errors: [{ text: `cannot read the npm specifier ${args.path}` }] };
      return build.resolve(m[1] + (m[2] ?? ""), {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
      });
    });
  },
};

/** Bundles each entry into `${outdir}/${name}.js` plus a `.js.map`. */
export async function bundle(opts: BundleOptions): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: Object.entries(opts.entries).map(([out, inp]) => ({ out, in: inp })),
    outdir: opts.outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    // WebGPU browsers all have top-level await and class fields.
    target: "es2022",
    sourcemap: "linked",
    // Shaders are imported `with { type: "text" }`, which Deno also understands.
    loader: { ".wgsl": "text" },
    inject: opts.inject,
    plugins: [npmSpecifiers, ...(opts.plugins ?? [])],
    metafile: true,
    logLevel: "warning",
    // Readable output: the `// path` markers esbuild writes per module are
    // what checkNoDeno() attributes references by.
    minify: false,
    legalComments: "none",
  });
  return result.metafile;
}

/** Where a bundled module's code starts: esbuild's `// path` line before it. */
const MODULE_MARKER = /^\/\/ ((?:[\w@.+-]+\/)*[\w@.+-]+\.(?:[cm]?[jt]sx?|wgsl|json))$/;

/**
 * `Deno.` references in a bundle, by source module, outside the allowed
 * prefixes. Empty when the bundle runs in a browser without a Deno global.
 */
export function denoReferences(
  code: string,
  allowed: readonly string[] = ["engine/platform/"],
): { module: string; line: number; text: string }[] {
  const found: { module: string; line: number; text: string }[] = [];
  let module = "(bundle prelude)";
  code.split("\n").forEach((text, i) => {
    const m = text.match(MODULE_MARKER);
    if (m) module = m[1];
    else if (/(?<![\w$.])Deno\s*\./.test(text) && !allowed.some((a) => module.startsWith(a))) {
      found.push({ module, line: i + 1, text: text.trim() });
    }
  });
  return found;
}

/** Builds dist/loupe.js and fails if it references Deno outside the platform layer. */
export async function buildEngine(outdir = DIST): Promise<string> {
  await bundle({ entries: { loupe: "engine/engine.ts" }, outdir });
  const file = `${outdir}/loupe.js`;
  const refs = denoReferences(await Deno.readTextFile(file));
  if (refs.length > 0) {
    throw new Error(
      `${file} references Deno outside engine/platform/, which breaks it in browsers:\n` +
        refs.map((r) => `  ${r.module} (bundle line ${r.line}): ${r.text}`).join("\n"),
    );
  }
  return file;
}

/** Static files of the demo page, copied beside its bundle. */
const DEMO_STATIC = ["index.html", "style.css"];

/**
 * Builds the demo page into `outdir`: demo.js (+ .map) from demo/web/main.ts,
 * map_worker.js (+ .map, the feature map's layout worker, its own entry point
 * because a Worker loads a script by URL), index.html and style.css, and config.json (`config`, which tells the page
 * where the server put the model and the SAE). Fails like buildEngine() on a
 * Deno reference outside the platform layer.
 */
export async function buildDemo(outdir: string, config?: unknown): Promise<string> {
  await bundle({
    entries: { demo: "demo/web/main.ts", map_worker: "demo/web/map_worker.ts" },
    outdir,
  });
  const file = `${outdir}/demo.js`;
  const refs = [
    ...denoReferences(await Deno.readTextFile(file)),
    ...denoReferences(await Deno.readTextFile(`${outdir}/map_worker.js`)),
  ];
  if (refs.length > 0) {
    throw new Error(
      `${file} references Deno outside engine/platform/:\n` +
        refs.map((r) => `  ${r.module} (bundle line ${r.line}): ${r.text}`).join("\n"),
    );
  }
  for (const name of DEMO_STATIC) {
    await Deno.copyFile(`${REPO}/demo/web/${name}`, `${outdir}/${name}`);
  }
  if (config !== undefined) {
    await Deno.writeTextFile(`${outdir}/config.json`, JSON.stringify(config, null, 2));
  }
  return file;
}

if (import.meta.main) {
  const t0 = performance.now();
  try {
    const kib = async (f: string) => ((await Deno.stat(f)).size / 1024).toFixed(0);
    const file = await buildEngine();
    await Deno.mkdir(`${DIST}/demo`, { recursive: true });
    const page = await buildDemo(`${DIST}/demo`);
    console.log(
      `built ${file.replace(REPO + "/", "")} (${await kib(file)} KiB) and ${
        page.replace(REPO + "/", "")
      } (${await kib(page)} KiB) + .map in ${
        Math.round(performance.now() - t0)
      } ms; no Deno references outside engine/platform/`,
    );
  } finally {
    await esbuild.stop();
  }
}
