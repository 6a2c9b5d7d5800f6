// The kernel catalog (bench/kernels.ts: `deno task kernels --list`, and the
// snapshots) holds every kernel the fixtures really compile on this device:
// each model in f32, q8 and q4 runs a prompt, greedy and sampled decoding, and
// the layer-2 SAE (f32 and q8) encodes, decodes and steers; every pipeline key
// the device built must be in the catalog.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { Gpu } from "../../engine/gpu/gpu.ts";
import { attachSae, Sae } from "../../sae/mod.ts";
import { kernelCatalog } from "../../bench/kernels.ts";
import { FIXTURES, modelPath, MODELS } from "../util/fixtures.ts";

const SAE_DIR = `${FIXTURES}saes/stories260K-layer2`;
const PROMPT = [1, 5, 9, 13, 17];

Deno.test("kernel catalog: covers every kernel the fixture models and SAE compile", async () => {
  const gpu = await Gpu.create();
  try {
    for (const name of MODELS) {
      for (const quant of [undefined, "q8", "q4"] as const) {
        const engine = await Engine.load(modelPath(name), { gpu, quant });
        try {
          (await engine.forward(PROMPT, { allLogits: true })).dispose();
          for (const temperature of [0, 0.8]) {
            const opts = { maxNewTokens: 2, ignoreEos: true, temperature, topK: 5, topP: 0.9 };
            for await (const _ of engine.generate(PROMPT, opts)) { /* decode */ }
          }
        } finally {
          engine.dispose();
        }
      }
    }
    const engine = await Engine.load(modelPath("stories260K"), { gpu });
    try {
      for (const [file, quant] of [["goodfire.pth", undefined], ["saelens-topk", "q8"]] as const) {
        const sae = await Sae.load(`${SAE_DIR}/${file}`, engine, quant ? { quant } : {});
        const sites = attachSae(engine, "model.layers.2", sae);
        try {
          (await engine.forward(PROMPT, { cache: [sites.features, sites.error] })).dispose();
          for (const method of ["cheap", "full"] as const) {
            // A conditional edit and a stop condition compile sae_edit_when and sae_stop too.
            const interventions = sites.steer(
              [{ feature: 3, add: 4 }, { feature: 9, mul: 2, when: { feature: 5, above: 0 } }],
              { method, abortWhen: [{ feature: 7, above: 1e6, reason: "never" }] },
            );
            (await engine.forward(PROMPT, { interventions })).dispose();
            for await (const _ of engine.generate(PROMPT, { maxNewTokens: 2, interventions })) {
              // one-token steps
            }
          }
        } finally {
          sites.detach();
          sae.dispose();
        }
      }
    } finally {
      engine.dispose();
    }
    const catalog = kernelCatalog();
    console.log(`  ${gpu.pipelineKeys.length} kernels compiled: ${gpu.pipelineKeys.join(", ")}`);
    const missing = gpu.pipelineKeys.filter((key) => !catalog.has(key));
    assert.deepEqual(missing, [], "compiled kernels missing from bench/kernels.ts's catalog");
    assert.ok(gpu.pipelineKeys.length > 20, `only ${gpu.pipelineKeys.length} kernels compiled`);
  } finally {
    gpu.destroy();
  }
});
