// Importance calibration (engine/model/calibrate.ts, engine/importance.ts):
// the GPU statistics against the module outputs of an f32 forward and a CPU
// SwiGLU; the store returns the same vectors the second time; misuse is refused.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { collectImportance } from "../../engine/model/calibrate.ts";
import { disposeWeights, loadWeights } from "../../engine/model/weights.ts";
import { readWeightMatrix } from "../../engine/quant/matrix.ts";
import { resolveImportance } from "../../engine/importance.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { swigluReference } from "../../shaders/swiglu.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath } from "../util/fixtures.ts";
import { IN_BROWSER } from "../util/fixtures_dir.ts";

const gpu = await testGpu();
const PROMPT = [1, 403, 407, 261, 378, 432, 383, 382, 276, 259, 424, 414];

/** E[x^2] per column of x [T, cols]. */
function meanSquares(x: Float32Array, cols: number): Float32Array {
  const out = new Float64Array(cols);
  for (let i = 0; i < x.length; i++) out[i % cols] += x[i] * x[i];
  const T = x.length / cols;
  return Float32Array.from(out, (v) => v / T);
}

Deno.test("importance: E[x^2] of each linear's input equals the f32 forward's (stories260K)", async () => {
  const folder = modelPath("stories260K");
  const files = await openSource(folder);
  const config = await loadLlamaConfig(files);
  const ckpt = await openSafetensors(files);
  const weights = await loadWeights(gpu, config, ckpt, folder, { format: "f32" })
    .finally(() => ckpt.close());
  let got;
  try {
    got = await collectImportance(gpu, config, weights, {
      sequences: [Uint32Array.from(PROMPT)],
      sampleTokens: 0,
      seed: 0,
    });
  } finally {
    disposeWeights(weights);
  }
  assert.equal(got.tokens, PROMPT.length);
  const engine = await Engine.load(folder, { gpu });
  try {
    const l = 3, p = `model.layers.${l}`, h = config.hiddenSize, i = config.intermediateSize;
    const r = await engine.forward(PROMPT, {
      cache: [`${p}.input_layernorm`, `${p}.post_attention_layernorm`, "model.norm"],
    });
    const normed = await r.cache.get(`${p}.input_layernorm`)!.toArray();
    const post = await r.cache.get(`${p}.post_attention_layernorm`)!.toArray();
    const final = await r.cache.get("model.norm")!.toArray();
    r.dispose();
    const imp = got.importance, T = PROMPT.length;
    for (const t of ["q_proj", "k_proj", "v_proj"]) {
      assertClose(t, imp.get(`${p}.self_attn.${t}.weight`)!, meanSquares(normed, h), { rel: 1e-5 });
    }
    for (const t of ["gate_proj", "up_proj"]) {
      assertClose(t, imp.get(`${p}.mlp.${t}.weight`)!, meanSquares(post, h), { rel: 1e-5 });
    }
    assertClose("lm_head", imp.get("model.embed_tokens.weight")!, meanSquares(final, h), {
      rel: 1e-5,
    });
    // down_proj's input is silu(gate) * up of the post-attention norm's output.
    const lw = engine.weights.layers[l];
    const gate = matmulReference(post, await readWeightMatrix(lw.gate), T, h, i);
    const up = matmulReference(post, await readWeightMatrix(lw.up), T, h, i);
    assertClose(
      "down_proj",
      imp.get(`${p}.mlp.down_proj.weight`)!,
      meanSquares(swigluReference(gate, up), i),
      {
        rel: 1e-4,
      },
    );
    const o = imp.get(`${p}.self_attn.o_proj.weight`)!;
    assert.equal(o.length, config.numAttentionHeads * config.headDim);
    assert.ok(o.every((v) => Number.isFinite(v) && v > 0), "o_proj importance not positive");
  } finally {
    engine.dispose();
  }
});

Deno.test("importance: a second resolve is read from the store and equal", async () => {
  const folder = modelPath("stories260K");
  const files = await openSource(folder);
  const config = await loadLlamaConfig(files);
  const engine = await Engine.load(folder, { gpu });
  const ckpt = await openSafetensors(files);
  // Under Deno the store is a folder: a temporary one, not the user's cache.
  const saved = IN_BROWSER ? undefined : Deno.env.get("LOUPE_CACHE");
  const temp = IN_BROWSER ? null : await Deno.makeTempDir({ prefix: "loupe-importance-" });
  if (temp) Deno.env.set("LOUPE_CACHE", temp);
  try {
    // A fresh seed each run, so the first resolve computes and the second reads.
    const option = { tokens: 16, seed: 1000 + Math.floor(Math.random() * 1e9) };
    const host = { describe: folder, ckpt, config, tokenizer: engine.tokenizer, gpu };
    const first = await resolveImportance(host, option);
    const second = await resolveImportance(host, option);
    assert.equal(first?.cached, false);
    assert.equal(second?.cached, true);
    assert.equal(first!.key, second!.key);
    assert.deepEqual([...second!.importance.keys()].sort(), [...first!.importance.keys()].sort());
    for (const [name, v] of first!.importance) {
      assert.deepEqual(second!.importance.get(name), v, name);
    }
    const other = await resolveImportance(host, { ...option, seed: option.seed + 1 });
    assert.notEqual(other!.key, first!.key, "settings must be part of the key");
    if (temp) {
      const stored = [...Deno.readDirSync(`${temp}/importance`)].map((e) => e.name).sort();
      assert.deepEqual(stored, [`${first!.key}.safetensors`, `${other!.key}.safetensors`].sort());
    }
  } finally {
    if (temp) {
      if (saved === undefined) Deno.env.delete("LOUPE_CACHE");
      else Deno.env.set("LOUPE_CACHE", saved);
      await Deno.remove(temp, { recursive: true });
    }
    ckpt.close();
    engine.dispose();
  }
});

Deno.test("importance: refused with formats that do not use it, before anything loads", async () => {
  const before = gpu.liveBuffers.count;
  await assert.rejects(
    Engine.load(modelPath("stories260K"), { gpu, quant: "q4", importance: "auto" }),
    /only q4k, q6k, q4km and q4kb use importance; quant is "q4"/,
  );
  await assert.rejects(
    Engine.load(modelPath("stories260K"), { gpu, quant: "q4km", importance: { tokens: -1 } }),
    /importance\.tokens/,
  );
  assert.equal(gpu.liveBuffers.count, before);
});
