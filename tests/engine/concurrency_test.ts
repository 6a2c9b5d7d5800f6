// One engine used by several calls at once: forward and trace passes queue in
// call order and give the serial results bit for bit; a paused generation whose
// KV cache another call has used fails with BusyError instead of continuing
// from overwritten keys; dispose() frees what every generation holds.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import type { GenerateOptions, GenerateStep } from "../../engine/generate.ts";
import { BusyError, UsageError } from "../../engine/errors.ts";
import type { Intervention } from "../../engine/hooks.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath } from "../util/fixtures.ts";

const gpu = await testGpu();
const MODEL = modelPath("stories260K");
// "Once upon a time" and "Lily wanted" in stories260K's tokens, and a longer prompt.
const A = [1, 403, 407, 261, 378];
const B = [1, 317, 391, 266];
const C = [1, 403, 407, 261, 378, 432, 383, 382, 276, 259, 424, 414];
const GEN: GenerateOptions = { maxNewTokens: 16, ignoreEos: true };

/** An intervention that yields to the event loop before returning x * 1.5. */
const slowScale: Intervention = async (x) => {
  await new Promise((r) => setTimeout(r, 1));
  return x.scale(1.5);
};

async function logitsOf(engine: Engine, tokens: number[], interventions?: Intervention) {
  const r = await engine.forward(tokens, {
    allLogits: true,
    interventions: interventions ? { "model.layers.1": interventions } : undefined,
  });
  try {
    return await r.logits.toArray();
  } finally {
    r.dispose();
  }
}

async function collect(g: AsyncGenerator<GenerateStep>, n = Infinity): Promise<number[]> {
  const ids: number[] = [];
  while (ids.length < n) {
    const s = await g.next();
    if (s.done) break;
    ids.push(s.value.token);
  }
  return ids;
}

/** Consumes `g`: either its tokens equal `want`, or it failed with BusyError after a prefix. */
async function equalOrBusy(g: AsyncGenerator<GenerateStep>, want: number[]): Promise<string> {
  const ids: number[] = [];
  try {
    for await (const s of g) ids.push(s.token);
  } catch (e) {
    assert.ok(e instanceof BusyError, `expected BusyError, got ${e}`);
    assert.deepEqual(ids, want.slice(0, ids.length), "tokens before the error");
    return "busy";
  }
  assert.deepEqual(ids, want, "a generation that was not refused must equal the serial one");
  return "equal";
}

async function withEngine(fn: (e: Engine) => Promise<void>): Promise<void> {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(MODEL, { gpu });
  try {
    await fn(engine);
  } finally {
    engine.dispose();
  }
  assert.equal(gpu.activeRecorder, null, "no recorder may stay active");
  assert.equal(gpu.liveBuffers.count, before, "buffers left after dispose");
}

Deno.test("parallel forward and trace calls queue in call order and equal the serial results exactly", async () => {
  await withEngine(async (engine) => {
    const serial = [
      await logitsOf(engine, A),
      await logitsOf(engine, B),
      await logitsOf(engine, C, slowScale),
      await logitsOf(engine, A, slowScale),
    ];
    const live = gpu.liveBuffers.count;
    const parallel = await Promise.all([
      logitsOf(engine, A),
      logitsOf(engine, B),
      logitsOf(engine, C, slowScale),
      logitsOf(engine, A, slowScale),
    ]);
    parallel.forEach((p, i) => assert.deepEqual(p, serial[i], `call ${i}`));
    assert.equal(gpu.activeRecorder, null);
    assert.equal(gpu.liveBuffers.count, live, "buffers after the parallel calls");

    // A trace that awaits a module output, beside a plain forward.
    const traced = async () => {
      const r = await engine.trace(B, async (m) => (await m.layers[2].output).save());
      try {
        return await r.value.toArray();
      } finally {
        r.value.dispose();
        r.dispose();
      }
    };
    const alone = await traced();
    const [t, f] = await Promise.all([traced(), logitsOf(engine, A)]);
    assert.deepEqual(t, alone);
    assert.deepEqual(f, serial[0]);
    // Tensor ops outside a pass still run on their own afterwards.
    const x = engine.tensor(Float32Array.of(1, 2), [2]);
    const y = x.scale(2);
    assert.deepEqual(await y.toArray(), Float32Array.of(2, 4));
    x.dispose();
    y.dispose();
  });
});

Deno.test("a failing intervention leaves no recorder active and the queue usable", async () => {
  await withEngine(async (engine) => {
    const want = await logitsOf(engine, A);
    const boom: Intervention = async () => {
      await new Promise((r) => setTimeout(r, 1));
      throw new Error("boom");
    };
    const [bad, good] = await Promise.allSettled([logitsOf(engine, B, boom), logitsOf(engine, A)]);
    assert.equal(bad.status, "rejected");
    assert.match(String((bad as PromiseRejectedResult).reason), /boom/);
    assert.deepEqual((good as PromiseFulfilledResult<Float32Array>).value, want);
    assert.equal(gpu.activeRecorder, null);
  });
});

Deno.test("a call from inside the engine's own intervention or trace function is refused, not left waiting", async () => {
  await withEngine(async (engine) => {
    const want = await logitsOf(engine, A);
    const inner: Intervention = async (x) => {
      await engine.forward(B); // would wait for the pass it runs in
      return x;
    };
    await assert.rejects(logitsOf(engine, A, inner), BusyError);
    await assert.rejects(
      engine.trace(A, async (m) => {
        await m.layers[1].output;
        await engine.forward(B);
      }),
      BusyError,
    );
    assert.deepEqual(await logitsOf(engine, A), want);
  });
});

Deno.test("generate while another generation is paused: the paused one fails with BusyError", async () => {
  await withEngine(async (engine) => {
    const wantA = await collect(engine.generate(A, GEN));
    const wantB = await collect(engine.generate(B, GEN));
    const a = engine.generate(A, GEN);
    assert.deepEqual(await collect(a, 5), wantA.slice(0, 5));
    // A second generation runs to the end while the first is paused.
    assert.deepEqual(await collect(engine.generate(B, GEN)), wantB);
    await assert.rejects(a.next(), BusyError);
    // A generation created while another is paused claims the cache at its first step only.
    const c = engine.generate(A, GEN);
    assert.deepEqual(await collect(c, 10), wantA.slice(0, 10));
    const d = engine.generate(B, GEN);
    assert.deepEqual(await collect(c), wantA.slice(10), "the paused generation goes on unharmed");
    assert.deepEqual(await collect(d), wantB);
    // Two consumed at once: each equals its serial run or fails with BusyError.
    const outcomes = await Promise.all([
      equalOrBusy(engine.generate(A, GEN), wantA),
      equalOrBusy(engine.generate(B, GEN), wantB),
    ]);
    assert.ok(outcomes.includes("equal"), `outcomes ${outcomes}`);
    // Stepped alternately.
    const g1 = engine.generate(A, GEN), g2 = engine.generate(B, GEN);
    const got: number[][] = [[], []], failed = [false, false];
    for (let i = 0; i < 16; i++) {
      for (const [k, g] of [g1, g2].entries()) {
        if (failed[k]) continue;
        try {
          const s = await g.next();
          if (!s.done) got[k].push(s.value.token);
        } catch (e) {
          assert.ok(e instanceof BusyError, `expected BusyError, got ${e}`);
          failed[k] = true;
        }
      }
    }
    assert.deepEqual(got[0], wantA.slice(0, got[0].length));
    assert.deepEqual(got[1], wantB.slice(0, got[1].length));
    assert.ok(!failed[0] || !failed[1], "the newest generation must not be refused");
  });
});

Deno.test("a forward during a paused generation gives the serial logits; the generation is refused", async () => {
  await withEngine(async (engine) => {
    const want = await logitsOf(engine, C);
    const wantA = await collect(engine.generate(A, GEN));
    const a = engine.generate(A, GEN);
    assert.deepEqual(await collect(a, 3), wantA.slice(0, 3));
    assert.deepEqual(await logitsOf(engine, C), want);
    await assert.rejects(a.next(), BusyError);
    // Resumed in the same tick as the forward is called: a typed error or the right tokens.
    const b = engine.generate(A, GEN);
    await collect(b, 2);
    const [f, rest] = await Promise.all([
      logitsOf(engine, C),
      equalOrBusy(b, wantA.slice(2)),
    ]);
    assert.deepEqual(f, want);
    assert.ok(rest === "busy" || rest === "equal");
  });
});

Deno.test("dispose during a paused generation: the next step fails with UsageError, no buffers stay", async () => {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(MODEL, { gpu });
  const g = engine.generate(A, { ...GEN, cache: ["model.layers.1"] });
  await collect(g, 3);
  engine.dispose();
  assert.equal(gpu.liveBuffers.count, before, "buffers left after dispose");
  await assert.rejects(g.next(), UsageError);
  await assert.rejects(engine.forward(A), UsageError);
  assert.equal(gpu.liveBuffers.count, before);
});

Deno.test("dispose while passes are queued: they fail with UsageError, no buffers stay", async () => {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(MODEL, { gpu });
  const calls = [logitsOf(engine, A, slowScale), logitsOf(engine, B)];
  await new Promise((r) => setTimeout(r, 0));
  engine.dispose();
  const settled = await Promise.allSettled(calls);
  for (const s of settled) {
    if (s.status === "rejected") assert.ok(s.reason instanceof UsageError, `${s.reason}`);
  }
  assert.equal(settled[1].status, "rejected", "a call queued behind dispose must not run");
  assert.equal(gpu.activeRecorder, null);
  assert.equal(gpu.liveBuffers.count, before, "buffers left after dispose");
});

Deno.test("abandoned generators do not accumulate buffers; dispose frees the last", async () => {
  await withEngine(async (engine) => {
    const base = gpu.liveBuffers.count;
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const g = engine.generate(A, { ...GEN, cache: ["model.layers.0"] });
      await g.next(); // stepped, then dropped without return()
      counts.push(gpu.liveBuffers.count - base);
    }
    // Each new call retires the previous generation: the count stays flat.
    assert.equal(counts[19], counts[1], `buffers held after each generator: ${counts}`);
  });
});
