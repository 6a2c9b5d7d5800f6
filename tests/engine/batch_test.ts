// Several prompts in one pass (engine/batch.ts) equal separate passes: logits
// and cached activations within 1e-5 relative, on every fixture model, with
// prompts of different lengths spanning chunks and cache groups, interventions
// per prompt, and activation patching between prompts in a batched trace.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { UsageError } from "../../engine/errors.ts";
import type { ForwardOptions } from "../../engine/forward.ts";
import { assertClose, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, MODELS } from "../util/fixtures.ts";
import { runPromptTap } from "../../engine/batch.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/ops/tensor.ts";

const gpu = await testGpu();
const REL = { rel: 1e-5 };

function prompts(vocab: number, lengths: number[], seed: number): number[][] {
  const random = rng(seed);
  return lengths.map((n) => Array.from({ length: n }, () => Math.floor(random() * vocab)));
}

async function assertSame(
  what: string,
  engine: Engine,
  inputs: number[][],
  options: ForwardOptions,
  perPrompt: (i: number) => ForwardOptions = () => options,
) {
  const batched = await engine.forward(inputs, options);
  try {
    assert.equal(batched.length, inputs.length);
    for (const [i, tokens] of inputs.entries()) {
      const alone = await engine.forward(tokens, perPrompt(i));
      try {
        const b = batched[i];
        assert.deepEqual(b.logits.shape, alone.logits.shape, `${what}: prompt ${i} logits shape`);
        assertClose(
          `${what}: prompt ${i} logits`,
          await b.logits.toArray(),
          await alone.logits.toArray(),
          {
            ...REL,
            shape: alone.logits.shape,
          },
        );
        assert.deepEqual([...b.cache.keys()], [...alone.cache.keys()]);
        for (const [name, t] of alone.cache) {
          assertClose(
            `${what}: prompt ${i} ${name}`,
            await b.cache.get(name)!.toArray(),
            await t.toArray(),
            {
              ...REL,
              shape: t.shape,
            },
          );
        }
      } finally {
        alone.dispose();
      }
    }
  } finally {
    for (const r of batched) r.dispose();
  }
}

for (const model of MODELS) {
  Deno.test(`batched forward on ${model}: prompts of different lengths equal separate forwards`, async () => {
    // Small chunks and a small cache: prompts span chunks, and the batch
    // needs several runs over the cache (groups).
    const engine = await Engine.load(modelPath(model), { gpu, maxChunk: 8, contextLength: 16 });
    try {
      const inputs = prompts(engine.config.vocabSize, [5, 1, 12, 7], 11);
      const layer = engine.baseModuleNames.find((n) => n === "model.layers.1")!;
      await assertSame("last logits + cache", engine, inputs, {
        cache: ["model.embed_tokens", layer, "model.norm"],
      });
      await assertSame("all logits", engine, inputs, { allLogits: true });
      // Interventions run once per prompt on its own rows; ctx.prompt says which.
      await assertSame(
        "interventions",
        engine,
        inputs,
        {
          allLogits: true,
          cache: [layer],
          interventions: { [layer]: (x, ctx) => x.scale(1 + 0.25 * (ctx.prompt ?? 0)) },
        },
        (i) => ({
          allLogits: true,
          cache: [layer],
          interventions: { [layer]: (x) => x.scale(1 + 0.25 * i) },
        }),
      );
    } finally {
      engine.dispose();
    }
  });
}

Deno.test("batched forward: interventions see each prompt's own positions; kvCache is refused", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu, maxChunk: 8 });
  try {
    const inputs = prompts(engine.config.vocabSize, [3, 10, 6], 5);
    const seen: [number, number, number][] = [];
    const rs = await engine.forward(inputs, {
      interventions: {
        "model.layers.0": (x, ctx) => {
          seen.push([ctx.prompt!, ctx.positionStart, x.shape[0]]);
        },
      },
    });
    rs.forEach((r) => r.dispose());
    // Every position of every prompt exactly once, counted from the prompt's start.
    for (const [i, p] of inputs.entries()) {
      const mine = seen.filter((s) => s[0] === i).sort((a, b) => a[1] - b[1]);
      let next = 0;
      for (const [, start, rows] of mine) {
        assert.equal(start, next, `prompt ${i}: rows from ${start}, expected ${next}`);
        next += rows;
      }
      assert.equal(next, p.length, `prompt ${i}: ${next} positions seen of ${p.length}`);
    }
    // The test can fail: the prompts run as one sequence (attending across
    // prompts, positions not restarting) give other logits for the last one.
    const joined = await engine.forward(inputs.flat());
    const batched = await engine.forward(inputs);
    const got = await batched[2].logits.toArray(), want = await joined.logits.toArray();
    assert.throws(() => assertClose("joined", got, want, REL));
    joined.dispose();
    batched.forEach((r) => r.dispose());
    const kv = engine.createCache();
    await assert.rejects(() => engine.forward(inputs, { kvCache: kv }), UsageError);
    kv.dispose();
    // The single-prompt path still works after a batch (the engine's cache rewound).
    (await engine.forward(inputs[0])).dispose();
  } finally {
    engine.dispose();
  }
});

Deno.test("batched trace: patching one prompt's activation into another equals a single trace that writes it", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    const [a, b] = prompts(engine.config.vocabSize, [6, 9], 3);
    const layer = "model.layers.1";
    const batched = await engine.trace([a, b], async (m, batch) => {
      assert.deepEqual(batch.starts, [0, 6]);
      const h = await m.layers[1].output;
      assert.deepEqual(h.shape, [15, engine.config.hiddenSize]);
      // Prompt b's last row takes prompt a's last row.
      m.layers[1].output = h.withRows(batch.rows(1, [-1])[0], h.selectRows(batch.rows(0, [-1])));
      return batch.rows(1, [0, -1]);
    }, { cache: [layer] });
    try {
      assert.deepEqual(batched.value, [6, 14]);
      // Prompt a ran as if alone.
      const aloneA = await engine.forward(a, { cache: [layer] });
      const hA = await aloneA.cache.get(layer)!.toArray();
      assertClose(
        "prompt a logits",
        await batched.results[0].logits.toArray(),
        await aloneA.logits.toArray(),
        REL,
      );
      aloneA.dispose();
      // Prompt b with a's last row written at its last position.
      const hidden = engine.config.hiddenSize;
      const patch = engine.tensor(hA.slice((a.length - 1) * hidden), [1, hidden]);
      const single = await engine.trace(b, async (m) => {
        const h = await m.layers[1].output;
        m.layers[1].output = h.withRows(b.length - 1, patch);
      }, { cache: [layer] });
      patch.dispose();
      assertClose(
        "patched b logits",
        await batched.results[1].logits.toArray(),
        await single.logits.toArray(),
        REL,
      );
      assertClose(
        "patched b cache",
        await batched.results[1].cache.get(layer)!.toArray(),
        await single.cache.get(layer)!.toArray(),
        REL,
      );
      single.dispose();
      // The patch changed b: an unpatched forward must differ.
      const plainB = await engine.forward(b);
      const got = await batched.results[1].logits.toArray(), plain = await plainB.logits.toArray();
      assert.throws(() => assertClose("unpatched", got, plain, REL));
      plainB.dispose();
    } finally {
      batched.dispose();
    }
    // A batch that does not fit one chunk is refused, as for one prompt.
    const long = prompts(engine.config.vocabSize, [100, 100], 1);
    await assert.rejects(() => engine.trace(long, () => {}), /exceed one chunk/);
  } finally {
    engine.dispose();
  }
});

Deno.test("batched taps: a prompt's rows at an offset no kernel can bind are copied out and back", async () => {
  // Rows of 3 floats: row 1 starts at byte 12, far from any 256-byte alignment
  // (the fixture models' widths all give aligned rows).
  const x = Tensor.from(gpu, "x", Float32Array.from({ length: 15 }, (_, i) => i), [5, 3], "f32");
  const rec = new Recorder(gpu, "test.batch.rows");
  const seen: number[][] = [];
  // As the graph runs a tap: the pass's recorder active until the tap settles
  // (asActive resets it when an async function returns its promise).
  gpu.activeRecorder = rec;
  try {
    const ctx = { rec, name: "m", positionStart: 8 };
    // A replacement (an op on a copy), then an edit of the copy in place.
    await runPromptTap(
      (rows, c) => {
        seen.push([c.prompt!, c.positionStart, rows.shape[0], rows.offset]);
        return rows.scale(10);
      },
      x,
      ctx,
      { prompt: 1, row: 1, count: 2, position: 4 },
    );
    await runPromptTap(
      (rows) => {
        // Row 0 of x written over the copy of row 4: in place, nothing returned.
        Tensor.record(gpu, "in place", (r) => r.copy(x.buffer, 0, rows.buffer, rows.offset, 12));
      },
      x,
      ctx,
      { prompt: 2, row: 4, count: 1, position: 0 },
    );
  } finally {
    gpu.activeRecorder = null;
  }
  rec.submit();
  assert.deepEqual(seen, [[1, 4, 2, 0]]);
  assert.deepEqual(Array.from(await x.toArray()), [
    0,
    1,
    2,
    30,
    40,
    50,
    60,
    70,
    80,
    9,
    10,
    11,
    0,
    1,
    2,
  ]);
  x.dispose();
});
