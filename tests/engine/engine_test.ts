// Engine behaviour beyond the golden numbers: chunked prefill, chunked
// matrices, remote sources, and bad input.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { startHubServer } from "../util/hub_server.ts";
import { modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
const TOLERANCE = 1e-4;

async function logitsMatch(
  engine: Engine,
  name: "stories260K" | "llama3-tiny" | "tinystories-656k",
) {
  const ref = await readReference(modelPath(name), "reference.safetensors");
  const tokens = Array.from(ref.get("tokens")!);
  const result = await engine.forward(tokens, { allLogits: true });
  try {
    return assertClose(`${name} logits`, await result.logits.toArray(), ref.get("logits")!, {
      rel: TOLERANCE,
      shape: [tokens.length, engine.config.vocabSize],
    });
  } finally {
    result.dispose();
  }
}

Deno.test("a prompt longer than one chunk is prefilled chunk by chunk with the same logits", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu, maxChunk: 5 });
  try {
    await logitsMatch(engine, "stories260K");
  } finally {
    engine.dispose();
  }
});

Deno.test("matrices larger than one binding are split into chunks with the same logits", async () => {
  // 64 KiB per binding: llama3-tiny's [512, 128] embedding and lm_head become
  // 4 chunks each, gate and up 3. Activations and the KV cache are not split,
  // so the chunk size is small enough for its logits.
  const small = await testGpu({ maxBindingBytes: 64 * 1024, name: "small-bindings" });
  const engine = await Engine.load(modelPath("llama3-tiny"), { gpu: small, maxChunk: 32 });
  try {
    await logitsMatch(engine, "llama3-tiny");
  } finally {
    engine.dispose();
  }
});

Deno.test("hf: sources load through the hub layout, downloaded once", async () => {
  const hub = await startHubServer();
  const cacheDir = await Deno.makeTempDir();
  try {
    const src = `hf:${hub.owner}/tinystories-656k`;
    const opts = { gpu, endpoint: hub.url, cacheDir, silent: true };
    const engine = await Engine.load(src, opts);
    try {
      await logitsMatch(engine, "tinystories-656k");
    } finally {
      engine.dispose();
    }
    const again = await Engine.load(src, opts);
    again.dispose();
    assert.equal(hub.downloads("model.safetensors"), 1, "the second load must come from the cache");
  } finally {
    await hub.close();
    await Deno.remove(cacheDir, { recursive: true });
  }
});

Deno.test("bad input: token ids outside the vocabulary and prompts beyond the context", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu, contextLength: 8 });
  try {
    await assert.rejects(
      engine.forward([1, 512]),
      /tokens\[1\] = 512 is not a token id: expected an integer in \[0, 512\)/,
    );
    await assert.rejects(engine.forward([1, -3]), /tokens\[1\] = -3/);
    await assert.rejects(engine.forward([1, 2.5]), /tokens\[1\] = 2.5/);
    await assert.rejects(engine.forward([]), /at least one token/);
    await assert.rejects(
      engine.forward(new Array(9).fill(1)),
      /prompt of 9 tokens exceeds the context length 8/,
    );
    assert.throws(() => engine.generate(new Array(9).fill(1)), /exceeds the context length 8/);
    // Generation that runs into the end of the context says so.
    await assert.rejects(async () => {
      for await (const _ of engine.generate([1, 403], { maxNewTokens: 20, ignoreEos: true })) {
        /* */
      }
    }, /context length 8/);
  } finally {
    engine.dispose();
  }
});

async function copyModelWith(
  name: string,
  edit: (config: Record<string, unknown>) => void,
): Promise<string> {
  const dir = await Deno.makeTempDir();
  for await (const f of Deno.readDir(name)) {
    if (f.isFile) await Deno.copyFile(`${name}/${f.name}`, `${dir}/${f.name}`);
  }
  const config = JSON.parse(await Deno.readTextFile(`${dir}/config.json`));
  edit(config);
  await Deno.writeTextFile(`${dir}/config.json`, JSON.stringify(config));
  return dir;
}

Deno.test("bad input: a tensor whose shape disagrees with config.json is named, nothing is allocated", async () => {
  const dir = await copyModelWith(modelPath("stories260K"), (c) => c.intermediate_size = 170);
  const before = gpu.liveBuffers;
  try {
    await assert.rejects(
      Engine.load(dir, { gpu }),
      /tensor model\.layers\.0\.mlp\.gate_proj\.weight in .*model\.safetensors has shape \[172,64\], but config\.json implies \[170,64\]/,
    );
    assert.deepEqual(gpu.liveBuffers, before);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bad input: an untied model without lm_head.weight is named", async () => {
  const dir = await copyModelWith(modelPath("stories260K"), (c) => c.tie_word_embeddings = false);
  try {
    await assert.rejects(
      Engine.load(dir, { gpu }),
      /tensor lm_head\.weight is missing \(config\.json says tie_word_embeddings is false\)/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a load that fails after weights reached the GPU frees every buffer", async () => {
  const before = gpu.liveBuffers;
  // A KV cache of 20M positions exceeds maxBufferSize: the failure comes after
  // every weight was uploaded.
  await assert.rejects(
    Engine.load(modelPath("stories260K"), { gpu, contextLength: 20_000_000 }),
    /KvCache\.k\.0: buffer of \d+ bytes exceeds maxBufferSize/,
  );
  assert.deepEqual(gpu.liveBuffers, before);
});

Deno.test("dispose frees every buffer the engine made", async () => {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(modelPath("llama3-tiny"), { gpu });
  for await (const _ of engine.generate([1, 5, 6], { maxNewTokens: 3 })) { /* */ }
  const r = await engine.forward([1, 2, 3], { cache: ["model.layers.0"] });
  r.dispose();
  engine.dispose();
  // The recorder's uniform slabs are a per-device pool that stays; nothing else may.
  const slabs = 1;
  assert.ok(
    gpu.liveBuffers.count <= before + slabs,
    `${gpu.liveBuffers.count - before} buffers left behind`,
  );
  assert.throws(() => engine.generate([1]), /disposed/);
});

Deno.test("unknown module names list the valid ones", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    await assert.rejects(
      engine.forward([1, 2], { cache: ["model.layers.9"] }),
      /unknown module "model\.layers\.9"; valid names: model\.embed_tokens, .*model\.layers\.4, model\.norm, lm_head/,
    );
  } finally {
    engine.dispose();
  }
});
