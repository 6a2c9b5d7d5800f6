// `deno task build`: the engine bundles for browsers, and nothing Deno-only is
// reachable there outside the platform layer's guarded code.

import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import { buildEngine, denoReferences } from "../../demo/build.ts";

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
