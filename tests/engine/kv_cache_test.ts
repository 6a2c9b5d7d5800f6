// KV caches as values: engine.createCache() makes one per continuation, calls
// append to the one they are given, several live at once without harming each
// other, dispose() frees each, and generate hands its cache back.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import type { GenerateOptions, GenerateStep } from "../../engine/generate.ts";
import type { KvCache } from "../../engine/model/kv_cache.ts";
import { BusyError, ContextLengthError, UsageError } from "../../engine/errors.ts";
import type { Intervention } from "../../engine/hooks.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath } from "../util/fixtures.ts";

const gpu = await testGpu();
const MODEL = modelPath("stories260K");
// "Once upon a time" in stories260K's tokens
const PROMPT = [1, 403, 407, 261, 378];
const GEN: GenerateOptions = { maxNewTokens: 12, ignoreEos: true };
const patch: Intervention = (x) => x.scale(4);
const PATCHED: GenerateOptions = { ...GEN, interventions: { "model.layers.1": patch } };

async function withEngine(fn: (e: Engine) => Promise<void>, devices = 1): Promise<void> {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(MODEL, devices === 1 ? { gpu } : { devices });
  try {
    await fn(engine);
  } finally {
    engine.dispose();
  }
  assert.equal(gpu.liveBuffers.count, before, "buffers left after the engine's dispose");
}

/** Steps `g` to its end; returns the tokens and the generator's return value. */
async function drain(
  g: AsyncGenerator<GenerateStep, KvCache | undefined>,
): Promise<{ ids: number[]; cache: KvCache | undefined }> {
  const ids: number[] = [];
  for (;;) {
    const s = await g.next();
    if (s.done) return { ids, cache: s.value };
    ids.push(s.value.token);
  }
}

async function lastLogits(engine: Engine, tokens: number[] | string, kvCache?: KvCache) {
  const r = await engine.forward(tokens, { kvCache });
  try {
    return await r.logits.toArray();
  } finally {
    r.dispose();
  }
}

Deno.test("createCache allocates per layer, dispose() frees it; a disposed cache is refused", async () => {
  await withEngine(async (engine) => {
    await lastLogits(engine, PROMPT); // pool buffers a pass keeps are counted before
    const before = gpu.liveBuffers.count, kvBefore = engine.memory.kvCache;
    const c = engine.createCache({ contextLength: 16 });
    const layers = engine.config.numHiddenLayers;
    assert.equal(gpu.liveBuffers.count - before, 2 * layers, "a key and a value buffer per layer");
    const width = engine.config.numKeyValueHeads * engine.config.headDim;
    assert.equal(engine.memory.kvCache - kvBefore, 2 * layers * 16 * width * 4);
    assert.equal(c.contextLength, 16);
    assert.equal(c.length, 0);
    await lastLogits(engine, PROMPT, c);
    assert.equal(c.length, PROMPT.length);
    c.dispose();
    c.dispose(); // harmless
    assert.equal(gpu.liveBuffers.count, before, "buffers after dispose");
    assert.equal(engine.memory.kvCache, kvBefore);
    for (
      const call of [
        () => engine.forward(PROMPT, { kvCache: c }),
        () => engine.trace(PROMPT, () => {}, { kvCache: c }),
      ]
    ) {
      await assert.rejects(call(), (e) => e instanceof UsageError && /disposed/.test(e.message));
    }
    assert.throws(() => engine.generate(PROMPT, { kvCache: c }), UsageError);
    assert.throws(
      () => engine.createCache({ contextLength: engine.contextLength + 1 }),
      UsageError,
    );
    // Caches still alive when the engine is disposed are freed with it (withEngine checks).
    engine.createCache();
  });
});

Deno.test("a clean and a patched continuation from two caches, stepped alternately, equal the serial runs", async () => {
  await withEngine(async (engine) => {
    const clean = (await drain(engine.generate(PROMPT, GEN))).ids;
    const patched = (await drain(engine.generate(PROMPT, PATCHED))).ids;
    assert.notDeepEqual(clean, patched, "the patch must change the continuation");
    const a = engine.createCache(), b = engine.createCache();
    // Both prefilled by forward, then continued by generate from the last prompt token.
    await lastLogits(engine, PROMPT.slice(0, -1), a);
    await lastLogits(engine, PROMPT.slice(0, -1), b);
    const ga = engine.generate(PROMPT.slice(-1), { ...GEN, kvCache: a });
    const gb = engine.generate(PROMPT.slice(-1), { ...PATCHED, kvCache: b });
    const got: number[][] = [[], []];
    const done = [false, false];
    while (!done[0] || !done[1]) {
      for (const [k, g] of [ga, gb].entries()) {
        if (done[k]) continue;
        const s = await g.next();
        if (s.done) {
          done[k] = true;
          assert.equal(s.value, k === 0 ? a : b, "generate returns its cache");
        } else got[k].push(s.value.token);
      }
      // A plain forward (the engine's own cache) between steps harms neither.
      await lastLogits(engine, [1, 317, 391]);
    }
    assert.deepEqual(got[0], clean, "clean continuation");
    assert.deepEqual(got[1], patched, "patched continuation");
    // Each cache holds the prompt and every generated token but the last:
    // feeding the last continues exactly where one pass over everything ends.
    for (const [cache, ids] of [[a, clean], [b, patched]] as const) {
      assert.equal(cache.length, PROMPT.length + ids.length - 1);
    }
    const next = await lastLogits(engine, clean.slice(-1), a);
    const whole = await lastLogits(engine, PROMPT.concat(clean));
    let worst = 0, max = 0;
    for (let i = 0; i < whole.length; i++) {
      worst = Math.max(worst, Math.abs(next[i] - whole[i]));
      max = Math.max(max, Math.abs(whole[i]));
    }
    assert.ok(worst <= 1e-4 * max, `continued logits differ by ${worst} (max |logit| ${max})`);
    a.dispose();
    b.dispose();
  });
});

Deno.test("a generation paused on a cache: another call on that cache retires it, on another cache not", async () => {
  await withEngine(async (engine) => {
    const want = (await drain(engine.generate(PROMPT, GEN))).ids;
    const a = engine.createCache(), b = engine.createCache();
    const g = engine.generate(PROMPT, { ...GEN, kvCache: a });
    const first = await g.next();
    assert.equal(!first.done && first.value.token, want[0]);
    await lastLogits(engine, PROMPT, b);
    await lastLogits(engine, PROMPT); // the engine's own cache
    assert.deepEqual((await drain(g)).ids, want.slice(1), "other caches leave it unharmed");
    // Abandoned after three tokens: the cache keeps the prompt and two of them.
    const h = engine.generate(PROMPT, { ...GEN, kvCache: b });
    for (let i = 0; i < 3; i++) await h.next();
    await h.return(undefined);
    assert.equal(b.length, 2 * PROMPT.length + 2, "b held PROMPT before");
    const k = engine.generate([5], { ...GEN, kvCache: b });
    await k.next();
    await lastLogits(engine, [7], b);
    await assert.rejects(k.next(), BusyError);
    // Disposing the cache of a paused generation: its next step is a UsageError.
    const m = engine.generate(PROMPT, { ...GEN, kvCache: a });
    await m.next();
    a.dispose();
    await assert.rejects(m.next(), UsageError);
    b.dispose();
  });
});

Deno.test("a generation that runs out of its cache's context fails with ContextLengthError", async () => {
  await withEngine(async (engine) => {
    const c = engine.createCache({ contextLength: 8 });
    const ids: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const s of engine.generate(PROMPT, { ...GEN, kvCache: c })) ids.push(s.token);
      })(),
      ContextLengthError,
    );
    assert.equal(ids.length, 8 - PROMPT.length + 1, "tokens up to the context");
    assert.throws(() => engine.generate(new Array(9).fill(5), { kvCache: c }), ContextLengthError);
    c.dispose();
  });
});

Deno.test("forward and trace take text, tokenized as generate does", async () => {
  await withEngine(async (engine) => {
    const text = "Once upon a time";
    const ids = engine.tokenizer.encode(text);
    assert.deepEqual(await lastLogits(engine, text), await lastLogits(engine, ids));
    const traced = await engine.trace(text, async (m) => (await m.layers[1].output).save());
    const plain = await engine.trace(ids, async (m) => (await m.layers[1].output).save());
    assert.deepEqual(traced.value.shape, [ids.length, engine.config.hiddenSize]);
    assert.deepEqual(await traced.value.toArray(), await plain.value.toArray());
    for (const r of [traced, plain]) {
      r.value.dispose();
      r.dispose();
    }
  });
});

Deno.test("on two devices a cache's layers live with their layers", async () => {
  const engine = await Engine.load(MODEL, { devices: 2, placement: [2, 3] });
  try {
    const before = engine.memoryByDevice.map((m) => m.kvCache);
    const c = engine.createCache({ contextLength: 32 });
    const width = engine.config.numKeyValueHeads * engine.config.headDim;
    const grew = engine.memoryByDevice.map((m, i) => m.kvCache - before[i]);
    assert.deepEqual(grew, [2, 3].map((layers) => 2 * layers * 32 * width * 4));
    const want = (await drain(engine.generate(PROMPT, GEN))).ids;
    assert.deepEqual((await drain(engine.generate(PROMPT, { ...GEN, kvCache: c }))).ids, want);
    c.dispose();
    assert.deepEqual(engine.memoryByDevice.map((m) => m.kvCache), before);
  } finally {
    engine.dispose();
  }
});

Deno.test("engine.exclusive runs its GPU work between passes, in call order", async () => {
  await withEngine(async (engine) => {
    const order: string[] = [];
    const slow: Intervention = async (x) => {
      await new Promise((r) => setTimeout(r, 5));
      order.push("tap");
      return x;
    };
    const pass = engine.forward(PROMPT, { interventions: { "model.layers.1": slow } });
    const work = engine.exclusive(async () => {
      order.push(gpu.activeRecorder === null ? "exclusive" : "exclusive inside a pass");
      const t = engine.tensor(Float32Array.of(1, 2), [2]);
      const doubled = t.scale(2);
      const values = await doubled.toArray();
      t.dispose();
      doubled.dispose();
      return values;
    });
    (await pass).dispose();
    assert.deepEqual(await work, Float32Array.of(2, 4));
    assert.deepEqual(order, ["tap", "exclusive"]);
  });
});
