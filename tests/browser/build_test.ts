// `deno task build`: the engine bundles for browsers, and nothing Deno-only is
// reachable there outside the platform layer's guarded code.

import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import { buildEngine, denoReferences } from "../../demo/build.ts";
import { decodeVlq, mapStack } from "./sourcemap.ts";

// esbuild's service process outlives one build; it is stopped at the end.
const ESBUILD = { sanitizeOps: false, sanitizeResources: false };

Deno.test({
  name: "build: the engine bundles to one ESM file with a source map and no Deno references",
  ...ESBUILD,
  async fn() {
    const outdir = await Deno.makeTempDir({ prefix: "loupe-build-" });
    try {
      const file = await buildEngine(outdir);
      const code = await Deno.readTextFile(file);
      assert.match(code, /^export \{[^}]*\bEngine\b[^}]*\};?$/m, "the bundle exports Engine");
      assert.match(code, /\/\/# sourceMappingURL=loupe\.js\.map\s*$/);
      const map = JSON.parse(await Deno.readTextFile(`${file}.map`));
      assert.ok(map.sources.some((s: string) => s.endsWith("engine/engine.ts")));
      assert.ok(map.sources.some((s: string) => s.endsWith("shaders/matmul.wgsl")), "WGSL inlined");
      assert.deepEqual(denoReferences(code), []);
      // deno.ts is reached only through a computed import() under Deno.
      assert.ok(!map.sources.some((s: string) => s.endsWith("platform/deno.ts")));
    } finally {
      await Deno.remove(outdir, { recursive: true });
      await esbuild.stop();
    }
  },
});

Deno.test("build: denoReferences names the module of a Deno reference outside the platform layer", () => {
  const code = [
    "// engine/platform/deno.ts",
    "const x = Deno.env.get('A');",
    "// engine/formats/source.ts",
    "const ok = 'Deno' in globalThis;",
    "const cwd = Deno.cwd();",
    "// node_modules/.deno/pkg@1.0.0/node_modules/pkg/index.js",
    "if (globalThis.Deno) read(Deno.readFileSync);",
    "const y = notDeno.x + myDeno.y;",
  ].join("\n");
  assert.deepEqual(denoReferences(code), [
    { module: "engine/formats/source.ts", line: 5, text: "const cwd = Deno.cwd();" },
    {
      module: "node_modules/.deno/pkg@1.0.0/node_modules/pkg/index.js",
      line: 7,
      text: "if (globalThis.Deno) read(Deno.readFileSync);",
    },
  ]);
});

Deno.test("browser stacks: a bundle position maps back to its source line", () => {
  // "AAAA;AACA,IAAI": line 1 col 0 -> source 0 1:0; line 2 col 0 -> 2:0, col 4 -> 2:4.
  const outdir = Deno.makeTempDirSync({ prefix: "loupe-map-" });
  const repo = outdir.replace(/\/[^/]+$/, "");
  Deno.writeTextFileSync(
    `${outdir}/x.js.map`,
    JSON.stringify({ sources: ["../src/a.ts"], mappings: "AAAA;AACA,IAAI" }),
  );
  try {
    const text = "at f (http://127.0.0.1:9/x.js:2:6)\nat g (http://127.0.0.1:9/y.js:1:1)";
    assert.equal(
      mapStack(text, "http://127.0.0.1:9", outdir, repo),
      "at f (src/a.ts:2:5)\nat g (http://127.0.0.1:9/y.js:1:1)",
    );
    assert.deepEqual(decodeVlq("gB"), [16]);
    assert.deepEqual(decodeVlq("D"), [-1]);
  } finally {
    Deno.removeSync(outdir, { recursive: true });
  }
});
