// The layering rule of ARCHITECTURE.md, checked on the import graph of every
// .ts file: a file imports only from its own layer or lower ones, and no two
// folders import each other, directly or round a longer loop.

import assert from "node:assert/strict";

const REPO = new URL("../", import.meta.url).pathname;
const SKIP = new Set([".git", "node_modules", "dist", "fixtures", "models"]);

/**
 * Lowest first. A file belongs to the layer of its longest matching prefix;
 * a file that matches none is an error, so a new top-level folder must be
 * placed here.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["engine/errors.ts"], // typed errors, imported from everywhere
  ["engine/gpu/"], // device, buffers, recorder, kernel interface, Tensor (data), Matrix
  ["engine/quant/"], // q8/q4 block formats, QuantMatrix
  ["shaders/"], // WGSL kernels and their wrappers
  ["engine/ops/"], // Tensor ops (add, scale, project, ...), recorded through shaders/
  ["engine/platform/"], // host I/O: byte readers, files, http, download cache
  ["engine/formats/"], // sources, config.json, safetensors, tokenizer
  ["engine/model/"], // weights, the Llama graph, KV cache, placement, pipeline
  ["engine/"], // Engine, forward, generate, hooks, trace
  ["sae/"], // SAEs on top of the engine
  ["mod.ts"], // the public API
  ["demo/"], // the CLI and the browser demo
  // Benchmarks and tests share helpers both ways (bench/synthetic.ts writes the
  // synthetic checkpoints tests load; bench/ uses tests/util/ and the browser
  // harness): one layer, kept acyclic by the folder check below.
  ["bench/", "tests/"],
];

export interface Import {
  from: string;
  to: string;
}

/** Relative specifiers of static imports and re-exports (and literal `import("...")`). */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of source.matchAll(re)) if (m[1].startsWith(".")) out.push(m[1]);
  }
  return out;
}

/** `path` ("engine/gpu/tensor.ts") resolved against the folder of `file`. */
function resolve(file: string, spec: string): string {
  return new URL(spec, `file:///${file}`).pathname.slice(1);
}

export function layerOf(path: string): number {
  let best = -1, bestLength = -1;
  LAYERS.forEach((prefixes, i) => {
    for (const p of prefixes) {
      const match = p.endsWith("/") ? path.startsWith(p) : path === p;
      if (match && p.length > bestLength) [best, bestLength] = [i, p.length];
    }
  });
  return best;
}

/** Imports that go up a layer (or to or from a file in no layer), as "file -> target". */
export function layerViolations(imports: readonly Import[]): string[] {
  const bad: string[] = [];
  for (const { from, to } of imports) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (a < 0) bad.push(`${from} is in no layer of LAYERS`);
    else if (b < 0) bad.push(`${from} -> ${to}: the target is in no layer of LAYERS`);
    else if (b > a) {
      bad.push(`${from} -> ${to}: layer ${LAYERS[a].join(" ")} imports the higher ${LAYERS[b]}`);
    }
  }
  return [...new Set(bad)];
}

/** The folder of `path`; a file that is a layer of its own (engine/errors.ts) counts as one. */
function folder(path: string): string {
  if (LAYERS.some((prefixes) => prefixes.includes(path))) return path;
  return path.slice(0, path.lastIndexOf("/") + 1) || "./";
}

/** Cycles between folders, each as "a/ -> b/ -> a/" with one import per step. */
export function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Map<string, Import>>();
  for (const imp of imports) {
    const [a, b] = [folder(imp.from), folder(imp.to)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, imp);
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    const at = stack.indexOf(node);
    if (at >= 0) {
      const loop = [...stack.slice(at), node];
      const steps = loop.slice(1).map((to, i) => {
        const imp = edges.get(loop[i])!.get(to)!;
        return `${imp.from} -> ${imp.to}`;
      });
      cycles.push(`${loop.join(" -> ")} (${steps.join("; ")})`);
      return;
    }
    if (done.has(node)) return;
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of [...edges.keys()].sort()) visit(node);
  return cycles;
}

async function* tsFiles(dir: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(`${REPO}${dir}`)) {
    if (SKIP.has(e.name)) continue;
    if (e.isDirectory) yield* tsFiles(`${dir}${e.name}/`);
    else if (e.isFile && e.name.endsWith(".ts")) yield `${dir}${e.name}`;
  }
}

async function repoImports(): Promise<Import[]> {
  const imports: Import[] = [];
  for await (const file of tsFiles("")) {
    for (const spec of specifiers(await Deno.readTextFile(`${REPO}${file}`))) {
      imports.push({ from: file, to: resolve(file, spec) });
    }
  }
  return imports;
}

Deno.test("layers: no .ts file imports from a higher layer of ARCHITECTURE.md's list", async () => {
  const imports = await repoImports();
  assert.ok(imports.length > 300, `only ${imports.length} imports found: is the parser broken?`);
  const bad = layerViolations(imports);
  assert.deepEqual(bad, [], `imports against the layer order:\n  ${bad.join("\n  ")}`);
});

Deno.test("layers: no two folders import each other, directly or through others", async () => {
  const cycles = folderCycles(await repoImports());
  assert.deepEqual(cycles, [], `folder import cycles:\n  ${cycles.join("\n  ")}`);
});

Deno.test("layers: the checks see an upward import, a cycle and every import form", () => {
  const source = [
    `import { a } from "../x.ts";`,
    `import type {\n  B,\n  C,\n} from "./y.ts";`,
    `export { d } from "../../z.ts";`,
    `export * from "./w.ts";`,
    `import "./side.ts";`,
    `const m = await import("./lazy.ts");`,
    `import { e } from "npm:e";`,
  ].join("\n");
  assert.deepEqual(specifiers(source).sort(), [
    "../../z.ts",
    "../x.ts",
    "./lazy.ts",
    "./side.ts",
    "./w.ts",
    "./y.ts",
  ]);
  assert.equal(resolve("engine/gpu/tensor.ts", "../../shaders/add.ts"), "shaders/add.ts");
  const up = { from: "engine/gpu/tensor.ts", to: "shaders/elementwise.ts" };
  assert.deepEqual(layerViolations([up]).length, 1);
  assert.match(layerViolations([up])[0], /engine\/gpu\/tensor\.ts -> shaders\/elementwise\.ts/);
  assert.deepEqual(layerViolations([{ from: "shaders/add.ts", to: "engine/gpu/tensor.ts" }]), []);
  assert.match(layerViolations([{ from: "newdir/a.ts", to: "mod.ts" }])[0], /in no layer/);
  const cycle = folderCycles([
    { from: "engine/formats/source.ts", to: "engine/platform/platform.ts" },
    { from: "engine/platform/browser.ts", to: "engine/formats/http.ts" },
  ]);
  assert.equal(cycle.length, 1);
  assert.match(cycle[0], /engine\/platform\/browser\.ts -> engine\/formats\/http\.ts/);
});
