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
  type ProbeExample,
  type ProbePooling,
  Sae,
  type SaeAttachment,
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
// The file interleaves the classes: 24 of each.
const SUBSET = DATA.slice(0, 48);

async function setup() {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(SAE, engine);
  return { engine, sae, site: attachSae(engine, LAYER, sae) };
}

/** Each example's pooled vector [width], from a forward of it alone with its features (or the module) cached. */
async function pooledOnCpu(
  site: SaeAttachment,
  examples: readonly ProbeExample[],
  on: "features" | "activations",
  pool: ProbePooling,
): Promise<Float64Array[]> {
  const name = on === "features" ? site.features : site.module;
  const out: Float64Array[] = [];
  for (const e of examples) {
    const tokens = site.engine.tokenizer.encode((e as { text: string }).text);
    const r = await site.engine.forward(tokens, { cache: [name] });
    const f = await r.cache.get(name)!.toArray();
    r.dispose();
    const width = f.length / tokens.length,
      skip = tokens[0] === 1 ? 1 : 0,
      n = tokens.length - skip;
    const v = new Float64Array(width).fill(pool === "max" ? -Infinity : 0);
    for (let t = skip; t < tokens.length; t++) {
      for (let j = 0; j < width; j++) {
        const a = f[t * width + j];
        v[j] = pool === "max" ? Math.max(v[j], a) : v[j] + a / n;
      }
    }
    out.push(v);
  }
  return out;
}

for (const [on, pool] of [["features", "max"], ["activations", "mean"]] as const) {
  Deno.test(`trainProbe on ${on}, ${pool}-pooled: 60 steps, seed 3, equal the f64 reference run`, async () => {
    const { engine, sae, site } = await setup();
    try {
      const o = { on, pool, steps: 60, seed: 3 };
      const r = await site.trainProbe(SUBSET, o);
      const labels = SUBSET.map((e) => e.label);
      const split = splitExamples(labels, PROBE_DEFAULTS.heldOut, 3);
      assert.deepEqual(r.split, split);
      assert.equal(split.train.length, 36);
      const order = [...split.train, ...split.heldOut];
      const pooled = await pooledOnCpu(site, SUBSET, on, pool);
      const width = pooled[0].length;
      assert.equal(r.probe.width, width);
      const x = new Float64Array(order.length * width);
      order.forEach((ex, row) => x.set(pooled[ex], row * width));
      const y = order.map((ex) => labels[ex]);
      const ref = trainProbeReference(x, y, split.train.length, width, {
        steps: 60,
        lr: PROBE_DEFAULTS.lr,
        l1: PROBE_DEFAULTS.l1,
      });
      // f32 pooling, sums and steps against f64: 60 steps stay within 1e-3 of the largest weight.
      assertClose("weights and bias", r.probe.denseWeights(), ref.weights, {
        rel: 1e-3,
        shape: [width + 1],
      });
      assert.ok(r.probe.terms.length > 0 && r.probe.terms.length < width / 2, "sparse, not empty");
      for (const t of r.probe.terms) {
        assert.ok(
          Math.abs(t.std - ref.standardization.std[t.index]) <= 1e-4 * t.std,
          `std ${t.index}`,
        );
      }
      // Probabilities of every example, and the accuracies they give.
      const rows = new Float64Array(2 * width);
      rows.set(ref.standardization.mean);
      rows.set(ref.standardization.invStd, width);
      const p = probePredictReference(x, order.length, width, ref.weights, rows);
      const byExample = new Float64Array(order.length);
      order.forEach((ex, row) => (byExample[ex] = p[row]));
      assertClose("probabilities", r.probabilities, byExample, { abs: 2e-4 });
      const acc = (idx: number[]) =>
        idx.filter((i) => (byExample[i] >= 0.5 ? 1 : 0) === labels[i]).length / idx.length;
      assert.equal(r.trainAccuracy, acc(split.train));
      assert.equal(r.heldOutAccuracy, acc(split.heldOut));
      // Features by |weight|, as the probe's terms.
      assert.equal(r.features.length, r.probe.terms.length);
      for (let i = 1; i < r.features.length; i++) {
        assert.ok(Math.abs(r.features[i - 1].weight) >= Math.abs(r.features[i].weight));
      }
    } finally {
      site.detach();
      sae.dispose();
      engine.dispose();
    }
  });
}

Deno.test("probe monitor: per-token scores while generating equal CPU dot products on the cached features", async () => {
  const { engine, sae, site } = await setup();
  try {
    const feat = (await site.trainProbe(SUBSET, { steps: 30, name: "names" })).probe;
    const raw = (await trainProbe({ engine, module: LAYER }, SUBSET, {
      on: "activations",
      steps: 30,
      name: "raw",
    })).probe;
    const mf = attachProbe(engine, feat, { sae }), mr = attachProbe(engine, raw);
    assert.equal(mf.name, `${LAYER}.probe.names`);
    assert.equal(engine.moduleWidth(mf.name), 1);
    let steps = 0;
    for await (
      const step of engine.generate("Once upon a time, Lily", {
        maxNewTokens: 5,
        cache: [mf.name, mr.name, site.features, LAYER],
      })
    ) {
      const c = step.cache!;
      const f = await c.get(site.features)!.toArray(), x = await c.get(LAYER)!.toArray();
      const T = f.length / sae.dSae;
      // f32 dot products on the GPU against f64 of the same inputs.
      assertClose(
        `features probe, step ${steps}`,
        await c.get(mf.name)!.toArray(),
        feat.score(f, T),
        {
          abs: 1e-5,
        },
      );
      assertClose(`raw probe, step ${steps}`, await c.get(mr.name)!.toArray(), raw.score(x, T), {
        abs: 1e-5,
      });
      steps++;
    }
    assert.equal(steps, 5);
    mf.detach();
    mr.detach();
    assert.ok(!engine.moduleNames.includes(mf.name));
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("probes leave moderated features out unless asked; bad sites and labels are refused", async () => {
  const { engine, sae, site } = await setup();
  try {
    const first = await site.trainProbe(SUBSET, { steps: 30 });
    const top = first.features[0].index;
    sae.moderate([top]);
    const hidden = await site.trainProbe(SUBSET, { steps: 30 });
    assert.ok(!hidden.probe.terms.some((t) => t.index === top), `feature ${top} is moderated`);
    assert.throws(() => attachProbe(engine, first.probe, { sae }), /moderated/);
    attachProbe(engine, first.probe, { sae, includeModerated: true }).detach();
    const opted = await site.trainProbe(SUBSET, { steps: 30, includeModerated: true });
    assert.equal(opted.features.find((f) => f.index === top)?.moderated, true);
    assert.equal(opted.probe.training?.includeModerated, true);

    const one = SUBSET.map((e) => ({ ...e, label: 1 as const }));
    await assert.rejects(() => site.trainProbe(one, { steps: 1 }), /needs both labels/);
    await assert.rejects(
      () => trainProbe({ engine, module: LAYER }, SUBSET, { steps: 1 }),
      (e) => e instanceof UsageError && /needs an SAE/.test(e.message),
    );
    const narrow = new Probe({
      ...first.probe,
      on: "activations",
      sae: null,
      width: 63,
      terms: [],
    });
    assert.throws(() => attachProbe(engine, narrow), /reads 63 values per token/);
    assert.throws(() => attachProbe(engine, first.probe), /pass \{ sae \}/);
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});
