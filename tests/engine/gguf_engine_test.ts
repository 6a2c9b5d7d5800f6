// GGUF models on the engine: stories260K.gguf (as ggml-org publishes it)
// against the safetensors model and the float64 reference, KV caches and a
// trace with a cached activation and an intervention, local / http / hf:
// sources, and bad files refused with no GPU buffer left.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { FormatError } from "../../engine/errors.ts";
import { readGgufHeader } from "../../engine/formats/gguf_header.ts";
import { gguf } from "../../engine/formats/gguf_write.ts";
import { openSource } from "../../engine/formats/source.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import { assertClose, compareClose } from "../util/compare.ts";
import { modelPath, readReference } from "../util/fixtures.ts";
import {
  MEMORY_URL,
  memoryFetch,
  quantizeGgmlRef,
  rewriteGguf,
  STORIES_GGUF,
  storiesGgufBytes,
  syntheticLlamaGguf,
  tensorInfoAt,
} from "../util/gguf_fixture.ts";
import type { GgmlType } from "../../engine/quant/ggml.ts";
import { testGpu } from "../util/gpu.ts";
import { hfToGguf } from "../util/hf_to_gguf.ts";
import { startHubServer } from "../util/hub_server.ts";

const gpu = await testGpu();
const STORIES = modelPath("stories260K");
const ref = await readReference(STORIES, "reference.safetensors");
const TOKENS = Array.from(ref.get("tokens")!);

async function allLogits(engine: Engine, tokens = TOKENS): Promise<Float32Array> {
  const r = await engine.forward(tokens, { allLogits: true });
  try {
    return await r.logits.toArray();
  } finally {
    r.dispose();
  }
}

async function withEngines(
  fn: (ggufEngine: Engine, safetensors: Engine) => Promise<void>,
  options: { quant?: "q8" } = {},
) {
  const g = await Engine.load(STORIES_GGUF, { gpu, ...options });
  const s = await Engine.load(STORIES, { gpu, ...options });
  try {
    await fn(g, s);
  } finally {
    g.dispose();
    s.dispose();
  }
}

Deno.test("gguf engine: stories260K.gguf logits match the safetensors model and the reference to 1e-4", async () => {
  await withEngines(async (g, s) => {
    const got = await allLogits(g);
    const shape = [TOKENS.length, 512];
    const vsRef = assertClose("gguf vs reference", got, ref.get("logits")!, { rel: 1e-4, shape });
    const vsSt = assertClose("gguf vs safetensors", got, await allLogits(s), { rel: 1e-4, shape });
    console.log(
      `max |diff| / max|logit|: vs reference ${vsRef.maxRel.toExponential(2)}, ` +
        `vs safetensors ${vsSt.maxRel.toExponential(2)}`,
    );
    const ids = g.tokenizer.encode("Once upon a time");
    assert.deepEqual(ids, s.tokenizer.encode("Once upon a time"));
    assert.equal(g.tokenizer.decode(ids, { skipSpecialTokens: true }), "Once upon a time");
  });
});

Deno.test("gguf engine: KV caches and a traced edit with a cached activation equal the safetensors model's", async () => {
  await withEngines(async (g, s) => {
    const tokens = TOKENS.slice(0, 9);
    const run = async (engine: Engine) => {
      const kvCache = engine.createCache({ contextLength: 16 });
      const traced = await engine.trace(tokens, async (m) => {
        const h1 = (await m.layers[1].output).save();
        const mlp = (await m.module("model.layers.2.mlp").output).save();
        m.layers[3].output = (await m.layers[3].output).add(h1.scale(0.5));
        return { h1, mlp };
      }, { allLogits: true, kvCache });
      const out = {
        logits: await traced.logits.toArray(),
        h1: await traced.value.h1.toArray(),
        mlp: await traced.value.mlp.toArray(),
        keys: await Promise.all(kvCache.keys.map((k) => k.toArray())),
        values: await Promise.all(kvCache.values.map((v) => v.toArray())),
      };
      traced.value.h1.dispose();
      traced.value.mlp.dispose();
      traced.dispose();
      kvCache.dispose();
      return out;
    };
    const a = await run(g), b = await run(s);
    assertClose("edited logits", a.logits, b.logits, { rel: 1e-4 });
    assertClose("cached model.layers.1", a.h1, b.h1, { rel: 1e-5 });
    assertClose("cached model.layers.2.mlp", a.mlp, b.mlp, { rel: 1e-5 });
    const rows = tokens.length * a.keys[0].length / 16;
    for (let l = 0; l < a.keys.length; l++) {
      assertClose(`layer ${l} keys`, a.keys[l].slice(0, rows), b.keys[l].slice(0, rows), {
        rel: 1e-5,
      });
      assertClose(`layer ${l} values`, a.values[l].slice(0, rows), b.values[l].slice(0, rows), {
        rel: 1e-5,
      });
    }
    // The edit changed something: the comparison is not of two unedited runs.
    assert.notDeepEqual(a.logits, await allLogits(g, tokens));
  });
});

Deno.test("gguf engine: an explicit quant converts the stored F32 rows like safetensors", async () => {
  await withEngines(async (g, s) => {
    assertClose("q8 gguf vs q8 safetensors", await allLogits(g), await allLogits(s), { rel: 1e-6 });
  }, { quant: "q8" });
});

Deno.test("gguf engine: http (Range) and hf:owner/name/file.gguf sources", async () => {
  const hub = await startHubServer();
  const cacheDir = await Deno.makeTempDir({ prefix: "loupe-gguf-" });
  try {
    const want = await (async () => {
      const e = await Engine.load(STORIES_GGUF, { gpu });
      try {
        return await allLogits(e);
      } finally {
        e.dispose();
      }
    })();
    const http = await Engine.load(`${hub.url}/plain/stories260K/gguf/stories260K.gguf`, { gpu });
    try {
      assert.deepEqual(await allLogits(http), want);
    } finally {
      http.dispose();
    }
    const ranged = hub.requests.filter((r) => r.path.endsWith(".gguf") && r.method === "GET");
    assert.ok(ranged.length > 1 && ranged.every((r) => r.status === 206), JSON.stringify(ranged));
    const hf = await Engine.load(`hf:${hub.owner}/stories260K/gguf/stories260K.gguf`, {
      gpu,
      endpoint: hub.url,
      cacheDir,
      silent: true,
    });
    try {
      assert.deepEqual(await allLogits(hf), want);
    } finally {
      hf.dispose();
    }
    assert.ok(
      hub.requests.some((r) =>
        r.path === `/${hub.owner}/stories260K/resolve/main/gguf/stories260K.gguf`
      ),
    );
  } finally {
    await hub.close();
    await Deno.remove(cacheDir, { recursive: true });
  }
});

/** Engine.load of `bytes` as an http file must fail with a FormatError matching `pattern`, leaving no buffer. */
async function assertLoadRefused(bytes: Uint8Array, pattern: RegExp) {
  const before = gpu.liveBuffers;
  const err = await Engine.load(`${MEMORY_URL}/bad.gguf`, {
    gpu,
    fetch: memoryFetch({ "bad.gguf": bytes }),
  }).then((e) => (e.dispose(), null), (e) => e);
  assert.ok(err instanceof FormatError, `expected a FormatError, got ${err}`);
  assert.match(err.message, /bad\.gguf/);
  assert.match(err.message, pattern);
  assert.deepEqual(gpu.liveBuffers, before, "a failed load left GPU buffers allocated");
}

function patched(bytes: Uint8Array, at: number, value: number | bigint): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (typeof value === "bigint") view.setBigUint64(at, value, true);
  else view.setUint32(at, value, true);
  return out;
}

Deno.test("gguf engine: bad files are refused naming the file and tensor or key, with no GPU buffer left", async () => {
  const good = await storiesGgufBytes();
  await assertLoadRefused(patched(good, 0, 0x47475546), /not a GGUF file: it starts with "FUGG"/);
  await assertLoadRefused(patched(good, 4, 4), /GGUF version 4 is not supported; supported: 2, 3/);
  await assertLoadRefused(
    good.slice(0, good.length - 1000),
    /tensor blk\.4\.ffn_up\.weight: data .* runs past the end of the file .*truncated/,
  );
  const norm = tensorInfoAt(good, "blk.4.ffn_norm.weight");
  await assertLoadRefused(
    patched(good, norm.offsetAt, 1n << 33n),
    /tensor blk\.4\.ffn_norm\.weight: data offset 8589934592 .* is beyond the end of the file/,
  );
  const q = tensorInfoAt(good, "blk.1.attn_q.weight");
  await assertLoadRefused(
    patched(good, q.typeAt, 77),
    /tensor blk\.1\.attn_q\.weight: unknown ggml type id 77/,
  );
  await assertLoadRefused(
    await rewriteGguf(good, (m) => m.set("llama.block_count", gguf.string("5"))),
    /metadata llama\.block_count must be an integer in \[1, 1024\], got string "5"/,
  );
  // Found only while weights stream in, after buffers exist: they are freed.
  const down = good.slice();
  const header = await readGgufHeader(memoryReader("good.gguf", good));
  const downInfo = header.tensors.find((t) => t.name === "blk.4.ffn_down.weight")!;
  new DataView(down.buffer).setFloat32(downInfo.offset + 4 * 100, NaN, true);
  await assertLoadRefused(
    down,
    /tensor model\.layers\.4\.mlp\.down_proj\.weight: element 100 is NaN/,
  );
});

Deno.test("gguf engine: llama3-tiny written as convert_hf_to_gguf.py writes it matches its reference", async () => {
  // GQA 8/2 Q/K permutation, BF16 tensors, untied output, Llama 3 RoPE scaling
  // as rope_freqs.weight, and a byte-level BPE tokenizer with a chat template.
  const folder = modelPath("llama3-tiny");
  const bytes = await hfToGguf(folder);
  const engine = await Engine.load(`${MEMORY_URL}/llama3-tiny.gguf`, {
    gpu,
    fetch: memoryFetch({ "llama3-tiny.gguf": bytes }),
  });
  try {
    assert.equal(engine.config.ropeScaling, null);
    assert.equal(engine.config.ropeFreqFactors?.length, 8);
    assert.equal(engine.config.tieWordEmbeddings, false);
    const ref3 = await readReference(folder, "reference.safetensors");
    const tokens = Array.from(ref3.get("tokens")!);
    const r = assertClose(
      "llama3-tiny gguf vs reference",
      await allLogits(engine, tokens),
      ref3.get("logits")!,
      {
        rel: 1e-4,
        shape: [tokens.length, 512],
      },
    );
    console.log(
      `llama3-tiny.gguf: max |diff| / max|logit| vs reference ${r.maxRel.toExponential(2)}`,
    );
    const tref = JSON.parse(await (await openSource(folder)).text("tokenizer-reference.json"));
    type Case = { name: string; text: string; ids: number[]; decoded_skip_special: string };
    for (const c of tref.cases as Case[]) {
      assert.deepEqual(engine.tokenizer.encode(c.text), c.ids, c.name);
      const decoded = engine.tokenizer.decode(c.ids, { skipSpecialTokens: true });
      assert.equal(decoded, c.decoded_skip_special, c.name);
    }
    const chat = tref.chat;
    assert.equal(
      engine.tokenizer.applyChatTemplate(chat.messages, {
        addGenerationPrompt: chat.add_generation_prompt,
      }),
      chat.text,
    );
    assert.deepEqual(
      engine.tokenizer.encodeChat(chat.messages, { addGenerationPrompt: true }),
      chat.ids,
    );
  } finally {
    engine.dispose();
  }
});

Deno.test("gguf engine: Q4_0 tensors load as stored and equal their exact f32 dequantization", async () => {
  // One block type keeps the test short (its kernels compile on first use);
  // engine/quant's tests cover each type's stored layout.
  const good = await storiesGgufBytes();
  for (const type of ["Q4_0"] as const) {
    // Every matrix whose rows are whole blocks of 32, as llama.cpp quantizes
    // them (after its Q/K permutation); ffn_down (172 columns) stays F32.
    const bytes = await rewriteGguf(good, (_, tensors) => {
      for (const t of tensors) {
        if (t.ne.length !== 2 || t.ne[0] % 32 !== 0) continue;
        t.data = quantizeGgmlRef(type, new Float32Array(t.data.slice().buffer));
        t.type = type;
      }
    });
    const fetch = memoryFetch({ "q.gguf": bytes });
    const stored = await Engine.load(`${MEMORY_URL}/q.gguf`, { gpu, fetch });
    const widened = await Engine.load(`${MEMORY_URL}/q.gguf`, { gpu, fetch, quant: "f32" });
    try {
      const r = assertClose(
        `${type} stored vs dequantized f32`,
        await allLogits(stored),
        await allLogits(widened),
        {
          rel: 1e-5,
        },
      );
      console.log(`${type}: stored vs f32-dequantized max rel ${r.maxRel.toExponential(2)}`);
      assert.ok(stored.memory.weights < 0.5 * widened.memory.weights, `${type} kept as stored`);
      // The plan bounds the stored bytes from above, tighter than planning all as f32.
      const planned = stored.placement[0].bytes.weights;
      assert.ok(planned >= stored.memory.weights, `planned ${planned} < ${stored.memory.weights}`);
      assert.ok(planned < widened.placement[0].bytes.weights, `planned ${planned} as f32`);
      // Quantized weights change the logits: the comparison is not of two f32 models.
      const f32 = compareClose(await allLogits(widened), ref.get("logits")!);
      assert.ok(f32.maxRel > 1e-4, `${type}: ${f32.maxRel}`);
    } finally {
      stored.dispose();
      widened.dispose();
    }
  }
});

Deno.test("gguf engine: K-quant and float types kept as stored equal their f32 dequantization (256 wide, Q/K permuted)", async () => {
  // Random codes (every bit pattern is a valid block) in the types of common
  // Q4_K_M files; one layer to keep kernel compilation short. Each type's
  // kernels are tested on their own in tests/kernels.
  const types: Record<string, GgmlType> = {
    "token_embd.weight": "Q4_K",
    "output.weight": "Q6_K",
    "blk.0.attn_q.weight": "Q4_K",
    "blk.0.attn_k.weight": "Q6_K",
    "blk.0.attn_v.weight": "Q6_K",
    "blk.0.attn_output.weight": "Q4_K",
    "blk.0.ffn_gate.weight": "F16",
    "blk.0.ffn_up.weight": "BF16",
    "blk.0.ffn_down.weight": "Q4_K",
  };
  const fetch = memoryFetch({ "k.gguf": syntheticLlamaGguf(types, 1) });
  const stored = await Engine.load(`${MEMORY_URL}/k.gguf`, { gpu, fetch });
  const widened = await Engine.load(`${MEMORY_URL}/k.gguf`, { gpu, fetch, quant: "f32" });
  try {
    const tokens = [1, 17, 200, 3, 99, 45, 250];
    for (const t of [tokens, tokens.slice(0, 1)]) {
      const r = assertClose(
        `${t.length} tokens: stored vs dequantized f32`,
        await allLogits(stored, t),
        await allLogits(widened, t),
        { rel: 1e-4 },
      );
      console.log(`block types, ${t.length} tokens: max rel ${r.maxRel.toExponential(2)}`);
    }
    assert.ok(stored.memory.weights < 0.5 * widened.memory.weights);
  } finally {
    stored.dispose();
    widened.dispose();
  }
});
