// The K-quant mix against today's q4 on every fixture model (issue 14's
// acceptance): q4km's mean KL(quantized || f32 reference) at most half of
// q4's, with and without importance weighting; its bits per weight; and q8
// within 1e-3 on the tied-F16 model as on the others (quant_test.ts).

import assert from "node:assert/strict";
import { Engine, type LoadOptions } from "../../engine/engine.ts";
import { meanKl } from "../../engine/quant/kl.ts";
import { bitsPerWeight } from "../../bench/accuracy_formats.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, MODELS, readReference, TIED_F16_MODEL } from "../util/fixtures.ts";

const gpu = await testGpu();
/** A short calibration keeps the test fast; the store makes later runs cheaper still. */
const IMPORTANCE = { tokens: 64, seed: 1 };

async function measure(name: typeof MODELS[number] | typeof TIED_F16_MODEL, load: LoadOptions) {
  const ref = await readReference(modelPath(name), "reference.safetensors");
  const engine = await Engine.load(modelPath(name), { ...load, gpu });
  try {
    const r = await engine.forward(Array.from(ref.get("tokens")!), { allLogits: true });
    const got = await r.logits.toArray();
    r.dispose();
    const kl = meanKl(got, ref.get("logits") as Float32Array, engine.config.vocabSize);
    return { kl, bits: bitsPerWeight(engine) };
  } finally {
    engine.dispose();
  }
}

for (const name of [...MODELS, TIED_F16_MODEL]) {
  Deno.test(`quant mix ${name}: q4km mean KL <= half of q4's, with and without importance`, async () => {
    const q4 = await measure(name, { quant: "q4" });
    const mix = await measure(name, { quant: "q4km" });
    const weighted = await measure(name, { quant: "q4km", importance: IMPORTANCE });
    const line = (what: string, m: typeof q4) =>
      `${what} KL ${m.kl.toExponential(3)}, ${m.bits.nominal.toFixed(3)} bits/weight ` +
      `(${m.bits.device.toFixed(2)} on the device)`;
    console.log(`  ${name}: ${line("q4", q4)}; ${line("q4km", mix)}; ${line("+imatrix", weighted)}`);
    for (const [what, m] of [["q4km", mix], ["q4km+imatrix", weighted]] as const) {
      assert.ok(m.kl > 1e-9, `${name} ${what}: KL ${m.kl} is suspiciously zero`);
      assert.ok(
        m.kl <= 0.5 * q4.kl,
        `${name} ${what}: mean KL ${m.kl} > half of q4's ${q4.kl}`,
      );
    }
    // The rule's own cost: q4k at 4.5 bits, q6k at 6.5625 where it says so.
    assert.ok(mix.bits.nominal > 4.5 && mix.bits.nominal < 6.5625, `${mix.bits.nominal}`);
  });
}

Deno.test(`quant ${TIED_F16_MODEL} q8: mean KL <= 1e-3`, async () => {
  const q8 = await measure(TIED_F16_MODEL, { quant: "q8" });
  console.log(`  ${TIED_F16_MODEL} q8: mean KL ${q8.kl.toExponential(3)}`);
  assert.ok(q8.kl > 1e-9 && q8.kl <= 1e-3, `${TIED_F16_MODEL} q8: mean KL ${q8.kl} > 1e-3`);
});
