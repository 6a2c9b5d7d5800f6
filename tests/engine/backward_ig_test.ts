// Integrated gradients over the embedding (engine/backward_ig.ts) against the
// stories260K reference (tests/fixtures/models/stories260K/gradients.*, "ig."):
// m at the input and the zero baseline, and three of the reference's 32 path
// points (m and dm/dalpha, from the first, where the RMSNorms see inputs near
// 0, to the last). The full 32-step sum is 33 passes, too slow for the suite;
// it was checked once against ig.attribution (ARCHITECTURE.md, "Gradients").

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { integratedGradients } from "../../engine/backward_ig.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, readReference } from "../util/fixtures.ts";

Deno.test("integrated gradients stories260K: baseline and path points match the reference", async () => {
  const folder = modelPath("stories260K");
  const ref = await readReference(folder, "gradients.safetensors");
  const tokens = Array.from((await readReference(folder, "reference.safetensors")).get("tokens")!);
  const engine = await Engine.load(folder, { gpu: await testGpu() });
  try {
    const ks = [0, 15, 31];
    const r = await integratedGradients(engine, tokens, { alphas: ks.map((k) => (k + 0.5) / 32) });
    const close = (what: string, got: number, want: number, rel: number) =>
      assert.ok(Math.abs(got - want) <= rel * Math.abs(want), `${what}: ${got}, want ${want}`);
    close("m at the baseline", r.baseline, ref.get("ig.m_baseline")![0], 1e-5);
    const meta = JSON.parse(await Deno.readTextFile(`${folder}/gradients.json`));
    close("m at the input", r.metric, meta.integrated_gradients.m_input, 1e-4);
    const mPath = ref.get("ig.m_path")!, dm = ref.get("ig.dm_dalpha")!;
    const scale = Math.max(...Array.from(dm, Math.abs));
    ks.forEach((k, i) => {
      close(`m(alpha_${k} x)`, r.path[i].metric, mPath[k], 1e-4);
      // dm/dalpha spans -392 .. 4e-4 along the path: compare to its largest value.
      assert.ok(
        Math.abs(r.path[i].dmDalpha - dm[k]) <= 1e-4 * scale,
        `dm/dalpha at alpha_${k}: ${r.path[i].dmDalpha}, want ${dm[k]}`,
      );
    });
    // The attribution is x times the mean gradient: its sum is the mean of dm/dalpha.
    const total = r.perPosition.reduce((a, b) => a + b, 0);
    const mean = r.path.reduce((a, p) => a + p.dmDalpha, 0) / r.path.length;
    close("sum of the attribution", total, mean, 1e-6);
  } finally {
    engine.dispose();
  }
});
