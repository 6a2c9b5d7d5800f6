// Golden tests: every fixture model against its float64 reference
// (tests/fixtures/README.md): logits and every residual within 1e-4 of max|want|, greedy ids
// exactly. llama3-tied-f16's reference comes from Loupe's plain-TS reference path
// (engine/model/reference.ts), the others' from the project's torch float64 oracle.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, MODELS, readReference, TIED_F16_MODEL } from "../util/fixtures.ts";

const gpu = await testGpu();
const TOLERANCE = 1e-4;

for (const name of [...MODELS, TIED_F16_MODEL]) {
  Deno.test(`golden ${name}: logits, residuals and greedy ids match the reference`, async () => {
    const ref = await readReference(modelPath(name), "reference.safetensors");
    const engine = await Engine.load(modelPath(name), { gpu });
    try {
      const tokens = Array.from(ref.get("tokens")!);
      const layers = engine.config.numHiddenLayers;
      const cache = Array.from({ length: layers }, (_, l) => `model.layers.${l}`);
      const result = await engine.forward(tokens, { allLogits: true, cache });
      try {
        const want = ref.get("logits")!;
        const r = assertClose(`${name} logits`, await result.logits.toArray(), want, {
          rel: TOLERANCE,
          shape: [tokens.length, engine.config.vocabSize],
        });
        console.log(
          `  ${name}: logits max |diff| ${r.maxAbs.toExponential(2)} (${
            r.maxRel.toExponential(2)
          } of max)`,
        );
        for (let l = 0; l < layers; l++) {
          const got = await result.cache.get(`model.layers.${l}`)!.toArray();
          const rr = assertClose(`${name} resid.${l}`, got, ref.get(`resid.${l}`)!, {
            rel: TOLERANCE,
            shape: [tokens.length, engine.config.hiddenSize],
          });
          if (l === layers - 1) {
            console.log(`  ${name}: resid.${l} ${rr.maxRel.toExponential(2)} of max`);
          }
        }
      } finally {
        result.dispose();
      }
      const greedy = Array.from(ref.get("greedy")!);
      const got: number[] = [];
      for await (
        const step of engine.generate(tokens, {
          maxNewTokens: greedy.length,
          temperature: 0,
          ignoreEos: true,
        })
      ) {
        got.push(step.token);
      }
      assert.deepEqual(got, greedy, `${name}: greedy ids differ`);
    } finally {
      engine.dispose();
    }
  });
}
