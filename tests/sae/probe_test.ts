// Probes (sae/probe_train.ts, sae/probe_monitor.ts) on stories260K's layer-2
// SAE and the names data set (tests/fixtures/probe/names.json): the GPU's
// weights after a fixed number of steps with a fixed seed against the f64
// reference run on vectors pooled on the CPU from each text's cached
// features; the monitor's per-token scores against CPU dot products on the
// cached features; moderated features kept out unless opted in.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { UsageError } from "../../engine/errors.ts";
import {
  attachProbe,
  attachSae,
  parseProbeExamples,
  Probe,
  PROBE_DEFAULTS,
  type ProbePooling,
  type ProbeTrainingResult,
  Sae,
  splitExamples,
  trainProbe,
} from "../../sae/mod.ts";
import { readText } from "../../sae/labels.ts";
import { trainProbeReference } from "../../sae/probe_reference.ts";
import { probePredictReference } from "../../shaders/probe_predict.ts";
import { assertClose } from "../util/compare.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const SAE = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
const LAYER = "model.layers.2";
const DATA = parseProbeExamples(await readText(`${FIXTURES}probe/names.json`), "names.json");
// The file interleaves the classes: 12 of each (18 trained on, 6 held out). Every text runs
// through the model in each training and once more for the reference: the set stays small.
const SUBSET = DATA.slice(0, 24);
const STEPS = 60, SEED = 3;

// One engine and SAE for the file (loading and compiling dominate on a software adapter).
const engine = await Engine.load(modelPath("stories260K"), { gpu });
const sae = await Sae.load(SAE, engine);
const site = attachSae(engine, LAYER, sae);
globalThis.addEventListener("unload", () => {
  site.detach();
  sae.dispose();
  engine.dispose();
});

/** Trainings shared by the tests, by their options. */
const trained = new Map<string, Promise<ProbeTrainingResult>>();
function train(on: "features" | "activations", pool: ProbePooling): Promise<ProbeTrainingResult> {
  const key = `${on}/${pool}`;
  if (!trained.has(key)) {
    trained.set(key, site.trainProbe(SUBSET, { on, pool, steps: STEPS, seed: SEED, name: on }));
  }
  return trained.get(key)!;
}

/**
 * Per example, its features and its layer output [T, width], from a forward of it alone.
 * Made on first use, not at load: engine calls from a promise started at module load would
 * overlap the tests' own calls (the engine refuses a call while another call's tap runs).
 */
let cached: Promise<{ features: Float32Array; activations: Float32Array; tokens: number[] }[]>;
function cachedRows() {
  return cached ??= (async () => {
    const out = [];
    for (const e of SUBSET) {
      const tokens = engine.tokenizer.encode((e as { text: string }).text);
      const r = await engine.forward(tokens, { cache: [site.features, LAYER] });
      out.push({
        tokens,
        features: await r.cache.get(site.features)!.toArray(),
        activations: await r.cache.get(LAYER)!.toArray(),
      });
      r.dispose();
    }
    return out;
  })();
}

/** Each example's pooled vector [width] on the CPU (BOS left out), from cachedRows. */
async function pooledOnCpu(
  on: "features" | "activations",
  pool: ProbePooling,
): Promise<Float64Array[]> {
  return (await cachedRows()).map((c) => {
    const f = c[on], T = c.tokens.length, width = f.length / T;
    const skip = c.tokens[0] === 1 ? 1 : 0, n = T - skip;
    const v = new Float64Array(width).fill(pool === "max" ? -Infinity : 0);
    for (let t = skip; t < T; t++) {
      for (let j = 0; j < width; j++) {
        const a = f[t * width + j];
        v[j] = pool === "max" ? Math.max(v[j], a) : v[j] + a / n;
      }
    }
    return v;
  });
}

for (const [on, pool] of [["features", "max"], ["activations", "mean"]] as const) {
  Deno.test(`trainProbe on ${on}, ${pool}-pooled: ${STEPS} steps, seed ${SEED}, equal the f64 reference run`, async () => {
    const r = await train(on, pool);
    const labels = SUBSET.map((e) => e.label);
    const split = splitExamples(labels, PROBE_DEFAULTS.heldOut, SEED);
    assert.deepEqual(r.split, split);
    assert.equal(split.train.length, 18);
    const order = [...split.train, ...split.heldOut];
    const pooled = await pooledOnCpu(on, pool);
    const width = pooled[0].length;
    assert.equal(r.probe.width, width);
    const x = new Float64Array(order.length * width);
    order.forEach((ex, row) => x.set(pooled[ex], row * width));
    const y = order.map((ex) => labels[ex]);
    const ref = trainProbeReference(x, y, split.train.length, width, {
      steps: STEPS,
      lr: PROBE_DEFAULTS.lr,
      l1: PROBE_DEFAULTS.l1,
    });
    // f32 pooling, sums and steps against f64: measured 5.7e-7 of the largest weight.
    assertClose("weights and bias", r.probe.denseWeights(), ref.weights, {
      rel: 1e-5,
      shape: [width + 1],
    });
    assert.ok(r.probe.terms.length > 0 && r.probe.terms.length < width / 2, "sparse, not empty");
    for (const t of r.probe.terms) {
      const want = ref.standardization.std[t.index];
      assert.ok(Math.abs(t.std - want) <= 1e-4 * want, `std ${t.index}: ${t.std} vs ${want}`);
    }
    // Probabilities of every example, and the accuracies they give.
    const rows = new Float64Array(2 * width);
    rows.set(ref.standardization.mean);
    rows.set(ref.standardization.invStd, width);
    const p = probePredictReference(x, order.length, width, ref.weights, rows);
    const byExample = new Float64Array(order.length);
    order.forEach((ex, row) => (byExample[ex] = p[row]));
    assertClose("probabilities", r.probabilities, byExample, { abs: 1e-5 }); // measured 3e-7
    const acc = (idx: number[]) =>
      idx.filter((i) => (byExample[i] >= 0.5 ? 1 : 0) === labels[i]).length / idx.length;
    assert.equal(r.trainAccuracy, acc(split.train));
    assert.equal(r.heldOutAccuracy, acc(split.heldOut));
    // Features by |weight|, as the probe's terms.
    assert.equal(r.features.length, r.probe.terms.length);
    for (let i = 1; i < r.features.length; i++) {
      assert.ok(Math.abs(r.features[i - 1].weight) >= Math.abs(r.features[i].weight));
    }
  });
}

Deno.test("probe monitor: per-token scores while generating equal CPU dot products on the cached features", async () => {
  const feat = (await train("features", "max")).probe;
  const raw = (await train("activations", "mean")).probe;
  const mf = attachProbe(engine, feat, { sae }), mr = attachProbe(engine, raw);
  try {
    assert.equal(mf.name, `${LAYER}.probe.features`);
    assert.equal(engine.moduleWidth(mf.name), 1);
    let steps = 0;
    for await (
      const step of engine.generate("Once upon a time, Lily", {
        maxNewTokens: 4,
        cache: [mf.name, mr.name, site.features, LAYER],
      })
    ) {
      const c = step.cache!;
      const f = await c.get(site.features)!.toArray(), x = await c.get(LAYER)!.toArray();
      const T = f.length / sae.dSae;
      // f32 dot products on the GPU against f64 of the same inputs.
      const got = await c.get(mf.name)!.toArray();
      assertClose(`features probe, step ${steps}`, got, feat.score(f, T), { abs: 1e-5 });
      const gotRaw = await c.get(mr.name)!.toArray();
      assertClose(`raw probe, step ${steps}`, gotRaw, raw.score(x, T), { abs: 1e-5 });
      steps++;
    }
    assert.equal(steps, 4);
  } finally {
    mf.detach();
    mr.detach();
  }
  assert.ok(!engine.moduleNames.includes(mf.name));
});

Deno.test("probes leave moderated features out unless asked; bad sites and labels are refused", async () => {
  const first = await train("features", "max");
  const top = first.features[0].index;
  // A second copy of the SAE, so that moderating it leaves the shared one alone.
  const other = await Sae.load(SAE, engine);
  const otherSite = { engine, module: LAYER, sae: other };
  try {
    other.moderate([top]);
    const few = SUBSET.slice(0, 12), o = { steps: 20, seed: SEED };
    const hidden = await trainProbe(otherSite, few, o);
    assert.ok(!hidden.probe.terms.some((t) => t.index === top), `feature ${top} is moderated`);
    assert.throws(() => attachProbe(engine, first.probe, { sae: other }), /moderated/);
    const m = attachProbe(engine, first.probe, { sae: other, includeModerated: true });
    m.detach();
    const opted = await trainProbe(otherSite, few, { ...o, includeModerated: true, l1: 0 });
    assert.equal(opted.features.find((f) => f.index === top)?.moderated, true);
    assert.equal(opted.probe.training?.includeModerated, true);
  } finally {
    other.dispose();
  }
  const one = SUBSET.map((e) => ({ ...e, label: 1 as const }));
  await assert.rejects(() => site.trainProbe(one, { steps: 1 }), /needs both labels/);
  await assert.rejects(
    () => trainProbe({ engine, module: LAYER }, SUBSET, { steps: 1 }),
    (e) => e instanceof UsageError && /needs an SAE/.test(e.message),
  );
  await assert.rejects(() => site.trainProbe(SUBSET, { name: "a.b" }), /name must be/);
  const narrow = new Probe({ ...first.probe, on: "activations", sae: null, width: 63, terms: [] });
  assert.throws(() => attachProbe(engine, narrow), /reads 63 values per token/);
  assert.throws(() => attachProbe(engine, first.probe), /pass \{ sae \}/);

  // X [texts, width] must fit one binding: 24 x 64 floats do not fit 4 KiB (the weights load in
  // row chunks on such a device; nothing runs before the refusal).
  const small = await Engine.load(modelPath("stories260K"), {
    gpu: await testGpu({ maxBindingBytes: 4096 }),
  });
  try {
    await assert.rejects(
      () => trainProbe({ engine: small, module: LAYER }, SUBSET, { on: "activations" }),
      /24 texts x 64 values need 6144 bytes in one binding.*at most 16 examples/,
    );
  } finally {
    small.dispose();
  }
});
