// Attribution patching (engine/backward_patching.ts) against the references'
// estimates (attrpatch.<module>.linear in tests/fixtures/models/*/gradients.*):
// gradient . (corrupt - clean) per position, within 1e-3 of each module's
// largest estimate; exactly 0 before the corrupted position (causal attention).
// 1e-3, not the gradients' 1e-4: an estimate dots the gradient with the
// difference of two f32 forwards, and that difference is a small part of each
// activation, so their rounding is amplified (llama3-tiny model.layers.3:
// 2.1e-4 once the prefill matmuls summed in another order; the reference's
// forwards are f64).

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { attributionPatching } from "../../engine/backward_patching.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();

for (const name of ["stories260K", "llama3-tiny"] as const) {
  Deno.test(`attribution patching ${name}: estimates match the reference's`, async () => {
    const folder = modelPath(name);
    const ref = await readReference(folder, "gradients.safetensors");
    const clean = Array.from((await readReference(folder, "reference.safetensors")).get("tokens")!);
    const corrupt = Array.from(ref.get("corrupt_tokens")!);
    const at = clean.findIndex((id, i) => id !== corrupt[i]);
    const engine = await Engine.load(folder, { gpu });
    try {
      const r = await attributionPatching(engine, clean, corrupt, { verify: 4 });
      const layers = engine.config.numHiddenLayers;
      for (
        const module of [
          "model.embed_tokens",
          ...Array.from({ length: layers }, (_, l) => `model.layers.${l}`),
        ]
      ) {
        const got = r.estimates.get(module)!;
        assertClose(`${name} ${module}`, got, ref.get(`attrpatch.${module}.linear`)!, {
          rel: 1e-3,
        });
        assert.ok(
          got.subarray(0, at).every((v) => v === 0),
          `${module}: nonzero before position ${at}`,
        );
      }
      assert.equal(r.estimates.size, 3 * layers + 1);
      // The checks are the largest estimates, each against a real patched forward; where the
      // reference patched the same (module, position), the same change of m.
      assert.equal(r.checks.length, 4);
      let compared = 0;
      for (const c of r.checks) {
        assert.equal(c.estimate, r.estimates.get(c.module)![c.position]);
        const want = ref.get(`attrpatch.${c.module}.true`);
        if (!want) continue;
        const scale = Math.max(...Array.from(want, Math.abs));
        console.log(
          `  ${c.module}[${c.position}]: estimate ${c.estimate.toExponential(3)}, ` +
            `patched ${c.actual.toExponential(3)}, reference ${want[c.position].toExponential(3)}`,
        );
        assert.ok(
          Math.abs(c.actual - want[c.position]) <= 1e-3 * scale,
          `${c.module}[${c.position}]: patched forward ${c.actual}, reference ${want[c.position]}`,
        );
        compared++;
      }
      assert.ok(compared > 0, "no check landed on a module the reference patched");
    } finally {
      engine.dispose();
    }
  });
}

Deno.test("attribution patching: prompts of different lengths are a UsageError", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    await assert.rejects(
      () => attributionPatching(engine, [1, 2, 3], [1, 2]),
      /the corrupted prompt has 2 tokens, the clean one 3/,
    );
  } finally {
    engine.dispose();
  }
});
