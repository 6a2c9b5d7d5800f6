// Feature attribution beside a generation whose intervention is suspended
// (awaiting), as the demo runs it when a token is clicked during a chat reply.
// While an intervention awaits, the device's active recorder is the
// generation's pass, so GPU work started from outside it used to join that
// pass: featureAttribution's copies became transient buffers of the
// generation, and disposing its cache before that pass was submitted failed
// the submit ("used in submit while destroyed") at full size. Here the gate is
// held open on purpose: attribution must wait for the engine's queue and give
// the serial values; the generation must give its serial tokens; and a
// transient result used after its pass is refused with a UsageError, not read
// from a recycled buffer.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import type { GenerateStep } from "../../engine/generate.ts";
import { BusyError, UsageError } from "../../engine/errors.ts";
import type { Intervention } from "../../engine/hooks.ts";
import type { Tensor } from "../../engine/ops/tensor.ts";
import { Sae } from "../../sae/sae.ts";
import { attachSae, type SaeAttachment } from "../../sae/attach.ts";
import { featureAttribution, featureAttributionOf } from "../../sae/attribution.ts";
import { gradients } from "../../engine/backward.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const SAE = `${FIXTURES}saes/stories260K-layer2/goodfire-f32.pth`;
// "Once upon a time" and a longer prompt in stories260K's tokens.
const PROMPT = [1, 403, 407, 261, 378];
const TEXT = [1, 403, 407, 261, 378, 432, 383, 382, 276, 259, 424, 414];
const NEW_TOKENS = 8;

/** A gate an intervention waits on: `entered` resolves when it waits, `open()` lets it go. */
function gate() {
  let open!: () => void, entered!: () => void;
  const opened = new Promise<void>((r) => open = r);
  const waiting = new Promise<void>((r) => entered = r);
  return { opened, waiting, open, entered };
}

/** A generation on its own KV cache (as the demo's chat) whose intervention waits at step `at`. */
function gatedGeneration(engine: Engine, g: ReturnType<typeof gate> | null, at = 2) {
  let step = 0;
  const scale: Intervention = async (x) => {
    if (g && step++ === at) {
      g.entered();
      await g.opened;
    }
    return x.scale(1.25);
  };
  const kvCache = engine.createCache({ contextLength: 64 });
  const run = (async () => {
    const ids: number[] = [];
    const steps: AsyncGenerator<GenerateStep> = engine.generate(PROMPT, {
      maxNewTokens: NEW_TOKENS,
      ignoreEos: true,
      kvCache,
      interventions: { "model.layers.1": scale },
    });
    for await (const s of steps) ids.push(s.token);
    return ids;
  })();
  return run.finally(() => kvCache.dispose());
}

async function attributionValues(a: Awaited<ReturnType<typeof featureAttribution>>) {
  try {
    return { metric: a.metric, attribution: await a.attribution.toArray() };
  } finally {
    a.dispose();
  }
}

async function withSite(fn: (engine: Engine, site: SaeAttachment) => Promise<void>) {
  const before = gpu.liveBuffers.count;
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(SAE, engine);
  const site = attachSae(engine, "model.layers.2", sae);
  try {
    await fn(engine, site);
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
  assert.equal(gpu.activeRecorder, null, "no recorder may stay active");
  assert.equal(gpu.liveBuffers.count, before, "buffers left after dispose");
}

Deno.test("featureAttribution beside a generation suspended in its intervention: serial values and tokens", async () => {
  const errors: string[] = [];
  const onError = (e: Event) => errors.push(String((e as GPUUncapturedErrorEvent).error.message));
  gpu.device.addEventListener("uncapturederror", onError);
  try {
    await withSite(async (engine, site) => {
      const want = await attributionValues(await featureAttribution(site, TEXT));
      const wantIds = await gatedGeneration(engine, null);

      // Called first, then a generation whose prompt pass waits in its
      // intervention right after the attribution's backward (the demo's
      // token click, then a steered message): the attribution's own GPU work
      // must not join that pass.
      let g = gate();
      const early = featureAttribution(site, TEXT).then(attributionValues);
      let generation = gatedGeneration(engine, g, 0);
      await g.waiting;
      assert.deepEqual(await early, want, "featureAttribution called before the generation");
      g.open();
      assert.deepEqual(await generation, wantIds, "the generation's tokens");

      // Both started together; every step of the generation yields in its intervention.
      const [got, gotIds] = await Promise.all([
        featureAttribution(site, TEXT).then(attributionValues),
        gatedGeneration(engine, null),
      ]);
      assert.deepEqual(got, want, "featureAttribution started with the generation");
      assert.deepEqual(gotIds, wantIds, "the generation's tokens");

      // Started while the intervention waits, a new call is refused: the engine
      // cannot tell it from a call made inside the intervention, which would
      // wait for its own pass forever. The generation goes on unharmed.
      g = gate();
      generation = gatedGeneration(engine, g);
      await g.waiting;
      await assert.rejects(featureAttribution(site, TEXT), (e) => {
        assert.ok(e instanceof BusyError, `expected BusyError, got ${e}`);
        assert.match(e.message, /while an intervention .* awaits/);
        return true;
      });
      g.open();
      assert.deepEqual(await generation, wantIds, "the generation's tokens");

      // Its second half alone, from gradients taken before (what the CLI does):
      // refused while the intervention waits, serial values once the step is done.
      const r = await gradients(engine, TEXT, { cache: [site.features] });
      try {
        g = gate();
        generation = gatedGeneration(engine, g);
        await g.waiting;
        await assert.rejects(featureAttributionOf(site, r), BusyError);
        g.open();
        // As a click handler runs: in a task of its own, not inside the step's microtasks.
        await new Promise((ok) => setTimeout(ok, 0));
        const [values, ids] = await Promise.all([
          featureAttributionOf(site, r).then(attributionValues),
          generation,
        ]);
        assert.deepEqual(values, want, "featureAttributionOf beside the generation");
        assert.deepEqual(ids, wantIds, "the generation's tokens");
      } finally {
        r.dispose();
      }
    });
  } finally {
    gpu.device.removeEventListener("uncapturederror", onError);
  }
  assert.deepEqual(errors, [], "GPU validation errors");
});

Deno.test("a transient result of a pass used after that pass was submitted is refused, not read", async () => {
  await withSite(async (engine, site) => {
    const f = await engine.forward(TEXT, { cache: [site.features] });
    try {
      const cached = f.cache.get(site.features)! as Tensor<"f32">;
      const g = gate();
      const generation = gatedGeneration(engine, g);
      await g.waiting;
      // From outside the suspended intervention: these join the generation's pass.
      const joined = cached.clone();
      const view = joined.rows(1, 2);
      const kept = cached.scale(2).keep();
      g.open();
      await generation;
      await assert.rejects(joined.toArray(), (e) => {
        assert.ok(e instanceof UsageError, `expected UsageError, got ${e}`);
        assert.match(e.message, /transient result of the pass "generate.step"/);
        assert.match(e.message, /keep\(\)/);
        return true;
      });
      assert.throws(() => view.scale(1), UsageError, "a view of it is refused too");
      const want = await cached.toArray();
      assert.deepEqual(await kept.toArray(), want.map((v) => v * 2), "a kept result stays valid");
      kept.dispose();
    } finally {
      f.dispose();
    }
  });
});
