// Feature attribution at the layer-2 SAE (sae/attribution.ts) against the
// float64 autograd reference (tests/fixtures/saes/stories260K-layer2/
// attribution.safetensors): features, dm/d features with the error term held
// constant, and their product, each within 1e-4 of its largest element.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae } from "../../sae/attach.ts";
import { featureAttribution } from "../../sae/attribution.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;

Deno.test("featureAttribution: stories260K layer 2 matches float64 autograd", async () => {
  const gpu = await testGpu();
  const ref = await readReference(DIR, "attribution.safetensors");
  const tokens = Array.from(ref.get("tokens")!);
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire-f32.pth`, engine);
  const site = attachSae(engine, "model.layers.2", sae);
  try {
    const r = await featureAttribution(site, tokens);
    try {
      assert.equal(r.target, ref.get("y")![0]);
      const want = ref.get("m")![0];
      assert.ok(Math.abs(r.metric - want) <= 1e-4 * Math.abs(want), `m ${r.metric}, want ${want}`);
      const shape = [tokens.length, sae.dSae];
      for (
        const [name, got] of [["features", r.features], ["grad.features", r.grad], [
          "attribution",
          r.attribution,
        ]] as const
      ) {
        const c = assertClose(name, await got.toArray(), ref.get(name)!, { rel: 1e-4, shape });
        console.log(`  ${name}: ${c.maxRel.toExponential(2)} of max`);
      }
    } finally {
      r.dispose();
    }
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});
