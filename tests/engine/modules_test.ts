// The module tree (engine/model/modules.ts): names in execution order, widths,
// layers and checkpoint tensor names come from one place, and unknown names are
// UnknownModuleErrors that list the valid ones, wherever they are asked for.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { UnknownModuleError } from "../../engine/errors.ts";
import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { openSource } from "../../engine/formats/source.ts";
import { LlamaModules } from "../../engine/model/modules.ts";
import { expectedTensors } from "../../engine/model/weights.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath } from "../util/fixtures.ts";

const MODEL = modelPath("stories260K");
const config = await loadLlamaConfig(await openSource(MODEL));

Deno.test("LlamaModules: names in execution order, widths, layers, order", () => {
  const tree = LlamaModules.of(config);
  assert.equal(LlamaModules.of(config), tree, "one tree per config");
  const L = config.numHiddenLayers;
  const want = ["model.embed_tokens"];
  for (let l = 0; l < L; l++) {
    const p = `model.layers.${l}`;
    want.push(
      `${p}.input`,
      `${p}.input_layernorm`,
      `${p}.self_attn`,
      `${p}.post_attention_layernorm`,
      `${p}.mlp`,
      p,
    );
  }
  want.push("model.norm", "lm_head");
  assert.deepEqual(tree.names, want);
  tree.all.forEach((m, i) => assert.equal(m.order, i, m.name));
  assert.equal(tree.get("lm_head").width, config.vocabSize);
  assert.equal(tree.get("model.layers.3.mlp").width, config.hiddenSize);
  assert.equal(tree.get("model.layers.3.mlp").layer, 3);
  assert.equal(tree.get("model.norm").layer, null);
  assert.equal(tree.layers[2].mlp, tree.get("model.layers.2.mlp"));
  assert.equal(tree.layerBlock("model.layers.2"), tree.layers[2]);
  assert.equal(tree.layerBlock("model.layers.2.mlp"), undefined);
  assert.throws(
    () => tree.get("model.layers.9", "cache"),
    (e) =>
      e instanceof UnknownModuleError && e.module === "model.layers.9" &&
      e.valid.length === want.length && /^cache: unknown module "model\.layers\.9"/.test(e.message),
  );
});

Deno.test("LlamaModules: checkpoint tensor names", () => {
  const tree = LlamaModules.of(config);
  const names = [...expectedTensors(config).keys()];
  for (const m of tree.layers) {
    for (const t of Object.values(m.tensors)) {
      assert.ok(names.includes(t), t);
      assert.equal(LlamaModules.layerOfTensor(t), m.layer);
    }
  }
  assert.equal(LlamaModules.layerOfTensor("model.norm.weight"), null);
  assert.ok(LlamaModules.isIgnoredTensor("model.layers.0.self_attn.rotary_emb.inv_freq"));
  assert.ok(!LlamaModules.isIgnoredTensor("model.layers.0.self_attn.q_proj.weight"));
});

Deno.test("unknown names are UnknownModuleErrors in forward, generate, trace, deviceOf, attach", async () => {
  const engine = await Engine.load(MODEL, { gpu: await testGpu() });
  try {
    const unknown = (e: unknown) =>
      e instanceof UnknownModuleError && /valid names: /.test(e.message);
    await assert.rejects(engine.forward([1, 2], { cache: ["model.layers.9"] }), unknown);
    assert.throws(() => engine.generate([1, 2], { interventions: { nope: (x) => x } }), unknown);
    await assert.rejects(
      engine.trace([1, 2], (m) => m.module("model.layers.1.nope").output),
      unknown,
    );
    assert.throws(() => engine.deviceOf("nope"), unknown);
    assert.throws(
      () => engine.attach("x", { parent: "nope", width: 1, compute: (x) => x }),
      unknown,
    );
    // A layer asked for by name is the layer's handle, with its submodules.
    const r = await engine.trace([1, 2], (m) => {
      const layer = m.module("model.layers.1") as typeof m.layers[number];
      assert.equal(layer, m.layers[1]);
      return layer.mlp.name;
    });
    assert.equal(r.value, "model.layers.1.mlp");
    r.dispose();
  } finally {
    engine.dispose();
  }
});
