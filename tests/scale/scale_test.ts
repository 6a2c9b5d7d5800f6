// The full-size job's code paths at shrunk widths (the bench `scale` runs them
// at 8B and 70B widths): a synthetic checkpoint in the published layout with
// the real Llama 3 tokenizer and a Goodfire-layout .pth written by our own
// writer; the chat template's ids; block 0, the last block and the final norm
// against a plain-TS reference from the same dequantized weights; SAE features
// against a plain-TS encode. Tolerances are the kernels' (f32 sums in another
// order), the weights being identical on both sides.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { openFileReader } from "../../engine/platform/deno.ts";
import { blockReference, readLayer } from "../../engine/model/reference.ts";
import { rmsnormReference } from "../../shaders/rmsnorm.ts";
import { encodeReference } from "../../sae/reference.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae } from "../../sae/attach.ts";
import { crc32 } from "../../sae/pth_write.ts";
import { entryDataRange, readZipDirectory } from "../../sae/zip.ts";
import { assertClose } from "../util/compare.ts";
import { CHAT_IDS, SMALL_SAE, smallCheckpoint } from "./small.ts";

Deno.test("synthetic checkpoint: HF file layout, index, real tokenizer, Goodfire .pth with correct CRCs", async () => {
  const dir = await smallCheckpoint();
  const index = JSON.parse(await Deno.readTextFile(`${dir}/model.safetensors.index.json`));
  const shards = [...new Set(Object.values(index.weight_map))].sort();
  assert.deepEqual(shards, [
    "model-00001-of-00003.safetensors",
    "model-00002-of-00003.safetensors",
    "model-00003-of-00003.safetensors",
  ]);
  assert.deepEqual(Object.keys(index.weight_map).length, 2 + 3 * 9 + 1);
  assert.deepEqual(index.weight_map["lm_head.weight"], "model-00003-of-00003.safetensors");
  const engine = await Engine.load(dir, { quant: "q8" });
  try {
    const ids = engine.tokenizer.encodeChat([{ role: "user", content: "Hello, how are you?" }]);
    assert.deepEqual(ids, CHAT_IDS);
    assert.deepEqual(engine.config.eosTokenIds, [128001, 128008, 128009]);
    assert.deepEqual(engine.config.ropeScaling?.factor, 8);
  } finally {
    engine.dispose();
  }
  assert.deepEqual(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  const reader = await openFileReader(`${dir}/sae/${SMALL_SAE.file}`, SMALL_SAE.file);
  try {
    const zip = await readZipDirectory(reader);
    assert.deepEqual([...zip.entries.keys()], [
      "Llama-small-SAE-l1/data.pkl",
      "Llama-small-SAE-l1/byteorder",
      "Llama-small-SAE-l1/data/0",
      "Llama-small-SAE-l1/data/1",
      "Llama-small-SAE-l1/data/2",
      "Llama-small-SAE-l1/data/3",
      "Llama-small-SAE-l1/version",
    ]);
    for (const e of zip.entries.values()) {
      const r = await entryDataRange(reader, zip, e);
      if (e.name.includes("/data/")) assert.deepEqual(r.offset % 64, 0, `${e.name} is 64-aligned`);
      const descriptor = new DataView((await reader.read(r.offset + r.size, 8)).buffer);
      assert.deepEqual(descriptor.getUint32(4, true), crc32(await reader.read(r.offset, r.size)));
    }
  } finally {
    reader.close();
  }
});

for (const quant of ["q8", "q4"] as const) {
  Deno.test(`synthetic checkpoint ${quant}: blocks, final norm and SAE features match plain TS`, async () => {
    const dir = await smallCheckpoint();
    const engine = await Engine.load(dir, { quant });
    const sae = await Sae.load(`${dir}/sae/${SMALL_SAE.file}`, engine);
    try {
      const c = engine.config, L = c.numHiddenLayers, last = `model.layers.${L - 1}`;
      const att = attachSae(engine, "model.layers.1", sae);
      const r = await engine.forward(CHAT_IDS, {
        cache: [
          "model.embed_tokens",
          "model.layers.0",
          `model.layers.${L - 2}`,
          last,
          "model.norm",
          "model.layers.1",
          att.features,
        ],
      });
      const got = async (n: string) => await r.cache.get(n)!.toArray();
      const shape = [CHAT_IDS.length, c.hiddenSize];
      const w = engine.weights;
      const block0 = blockReference(
        c,
        await readLayer(w.layers[0]),
        await got("model.embed_tokens"),
      );
      assertClose("model.layers.0", await got("model.layers.0"), block0, { rel: 1e-4, shape });
      const lastRef = blockReference(
        c,
        await readLayer(w.layers[L - 1]),
        await got(`model.layers.${L - 2}`),
      );
      assertClose(last, await got(last), lastRef, { rel: 1e-4, shape });
      const norm = rmsnormReference(
        await got(last),
        await w.norm.toArray(),
        c.hiddenSize,
        c.rmsNormEps,
      );
      assertClose("model.norm", await got("model.norm"), norm, { rel: 1e-5, shape });
      const x = await got("model.layers.1");
      const feats = encodeReference(await sae.readWeights(), {
        dIn: sae.dIn,
        dSae: sae.dSae,
        activation: { kind: "relu" },
        applyBDecToInput: false,
      }, x);
      assertClose("features", await got(att.features), feats, {
        rel: 1e-4,
        shape: [CHAT_IDS.length, sae.dSae],
      });
      const firing = feats.filter((v) => v > 0).length / feats.length;
      assert.ok(firing > 0.01 && firing < 0.6, `${firing} of the features fire`);
      const logits = await r.logits.toArray();
      assert.ok(logits.every(Number.isFinite));
      assert.ok(
        logits.reduce((a, b) => Math.max(a, b)) - logits.reduce((a, b) => Math.min(a, b)) > 5,
        "logits are not flat",
      );
      r.dispose();
    } finally {
      sae.dispose();
      engine.dispose();
    }
  });
}
