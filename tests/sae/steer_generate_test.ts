// Conditional steering, scope "generated" and abortWhen inside the model
// (stories260K with its layer-2 SAE), against a per-token CPU loop over the
// unsteered activations: x at the SAE's layer does not depend on edits made
// there (they act on later layers), so one plain forward over the generated
// sequence gives every position's x, and steerReference applies the rule.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { Sae, steering } from "../../sae/mod.ts";
import { encodeReference, type SaeHostWeights, steerReference } from "../../sae/reference.ts";
import { type FeatureEdit, planEdits } from "../../sae/steer.ts";
import { conditionHolds } from "../../sae/conditions.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
const DIR = `${FIXTURES}saes/stories260K-layer2`;
const LAYER = "model.layers.2";
const ref = await readReference(DIR, "reference.safetensors");
const PROMPT = Array.from(ref.get("tokens")!).slice(0, 12);
const P = PROMPT.length;

async function layerRows(engine: Engine, tokens: number[]): Promise<Float32Array> {
  const r = await engine.forward(tokens, { cache: [LAYER] });
  const x = await r.cache.get(LAYER)!.toArray() as Float32Array;
  r.dispose();
  return x;
}

/** A threshold in the middle of the widest gap between the sorted values (middle half). */
function splitThreshold(values: number[]): number {
  const v = [...new Set(values)].sort((a, b) => a - b);
  let best = Math.floor(v.length / 2);
  for (let i = Math.floor(v.length / 4); i < Math.ceil((3 * v.length) / 4); i++) {
    if (v[i + 1] - v[i] > v[best + 1] - v[best]) best = i;
  }
  return (v[best] + v[best + 1]) / 2;
}

function column(f: Float32Array, dSae: number, j: number, from = 0, to = f.length / dSae) {
  return Array.from({ length: to - from }, (_, i) => f[(from + i) * dSae + j]);
}

/** Fails unless every value is clear of the threshold (GPU and CPU agree on the side). */
function assertMargin(name: string, values: number[], threshold: number) {
  const scale = Math.max(...values.map(Math.abs));
  const near = Math.min(...values.map((v) => Math.abs(v - threshold)));
  assert.ok(near > 1e-3 * scale, `${name}: a value is ${near} from the threshold ${threshold}`);
}

async function setup() {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire.pth`, engine);
  const w: SaeHostWeights = await sae.readWeights();
  return { engine, sae, w };
}

/** The busiest feature on the prompt (fires on the most tokens, lowest index first). */
function busiest(f: Float32Array, dSae: number, rows: number, skip: number[] = []): number {
  let best = -1, count = -1;
  for (let j = 0; j < dSae; j++) {
    if (skip.includes(j)) continue;
    const c = column(f, dSae, j, 0, rows).filter((v) => v > 0).length;
    if (c > count) [best, count] = [j, c];
  }
  return best;
}

Deno.test("steering in generate: conditions and scope generated = per-token CPU loop; prompt rows untouched", async () => {
  const { engine, sae, w } = await setup();
  try {
    const f0 = encodeReference(w, sae, await layerRows(engine, PROMPT));
    const a = busiest(f0, sae.dSae, P), b = busiest(f0, sae.dSae, P, [a]);
    const N = 8, T = P + N - 1;
    const edits = (theta: number): FeatureEdit[] => [
      // Prompt and generated positions, while feature a is above theta.
      { feature: 989, mode: "nudge", value: 4, when: { feature: a, above: theta } },
      // Generated positions only, while feature a is below theta.
      { feature: b, mode: "pin", value: 2, scope: "generated", when: { feature: a, below: theta } },
      { feature: 5, mode: "clamp", value: 0.01, scope: "generated" },
    ];
    // The generated rows depend on the edits: a threshold from the prompt may
    // leave them all on one side, so move it into the generated rows' values
    // until they fall on both sides (deterministic: at most three runs).
    let theta = splitThreshold(column(f0, sae.dSae, a, 0, P));
    let rows: number[] = [], x: Float32Array = new Float32Array(), fa: number[] = [], above = 0;
    for (let run = 0; run < 3; run++) {
      rows = [];
      const tokens: number[] = [];
      for await (
        const step of engine.generate(PROMPT, {
          maxNewTokens: N,
          ignoreEos: true,
          cache: [LAYER],
          interventions: { [LAYER]: steering(sae, edits(theta)) },
        })
      ) {
        tokens.push(step.token);
        rows.push(...await step.cache!.get(LAYER)!.toArray());
      }
      // Step k's rows are position P + k - 1: the prompt, then tokens 0..N-2 as fed.
      x = await layerRows(engine, [...PROMPT, ...tokens.slice(0, N - 1)]);
      fa = column(encodeReference(w, sae, x), sae.dSae, a);
      above = fa.slice(P).filter((v) => conditionHolds(v, { lo: Math.fround(theta), hi: Infinity }))
        .length;
      console.log(
        `  run ${run}: generated rows with feature ${a} above ${theta}: ${above} of ${N - 1}`,
      );
      if (above > 0 && above < N - 1) break;
      theta = splitThreshold(fa.slice(P));
    }
    assert.ok(above > 0 && above < N - 1, `the condition did not split the generated rows`);
    assertMargin(`feature ${a}`, fa, theta);
    const generated = Array.from({ length: N - 1 }, (_, i) => P + i);
    const plan = planEdits(
      edits(theta).map(({ scope, ...e }) =>
        scope === "generated" ? { ...e, positions: generated } : e
      ),
      sae.dSae,
      T,
    );
    const want = steerReference(w, sae, x, plan);
    const r = assertClose("generate: steered rows vs per-token loop", rows, want, {
      rel: 1e-5,
      shape: [T, sae.dIn],
    });
    console.log(`  generate: ${r.maxRel.toExponential(2)} of max|x'|`);
    // The prompt rows carry only the scope-all edit: without it they are x itself.
    const promptOnly = steerReference(w, sae, x, plan.slice(0, 1));
    assertClose(
      "prompt rows untouched by scope generated",
      rows.slice(0, P * sae.dIn),
      promptOnly.slice(0, P * sae.dIn),
      { rel: 1e-5, shape: [P, sae.dIn] },
    );
    // And the generated-scope edits moved the generated rows.
    let moved = 0;
    for (let i = P * sae.dIn; i < want.length; i++) {
      moved = Math.max(moved, Math.abs(want[i] - x[i]));
    }
    assert.ok(moved > 0.05, `generated rows moved by only ${moved}`);
  } finally {
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("abortWhen stops generate at the token a per-token CPU loop says, with its reason", async () => {
  const { engine, sae, w } = await setup();
  try {
    const N = 10;
    const plain: number[] = [];
    for await (const s of engine.generate(PROMPT, { maxNewTokens: N, ignoreEos: true })) {
      plain.push(s.token);
    }
    const x = await layerRows(engine, [...PROMPT, ...plain.slice(0, N - 1)]);
    const f = encodeReference(w, sae, x);
    const T = P + N - 1;
    // A feature that first exceeds everything before it at a generated position
    // past the second: with the threshold between, that position is the first to meet it.
    let pick: { feature: number; row: number; theta: number; gap: number } | null = null;
    for (let j = 0; j < sae.dSae; j++) {
      const v = column(f, sae.dSae, j);
      for (let row = P + 2; row < T; row++) {
        const before = Math.max(...v.slice(0, row));
        const gap = v[row] - before;
        if (gap > 0 && (!pick || gap > pick.gap)) {
          pick = { feature: j, row, theta: (v[row] + before) / 2, gap };
        }
      }
    }
    assert.ok(
      pick && pick.gap > 0.05,
      `no feature rises clearly during generation: ${JSON.stringify(pick)}`,
    );
    const reason = `feature ${pick.feature} fired`;
    const run = async (opts: Parameters<typeof steering>[2]) => {
      const got: number[] = [];
      const stream = engine.generate(PROMPT, {
        maxNewTokens: N,
        ignoreEos: true,
        interventions: { [LAYER]: steering(sae, [], opts) },
      });
      for await (const s of stream) got.push(s.token);
      return { got, aborted: stream.aborted };
    };
    const i = pick.row - P; // position P + i is fed in step i + 1, whose token is withheld
    let r = await run({ abortWhen: [{ feature: pick.feature, above: pick.theta, reason }] });
    assert.deepEqual(r.got, plain.slice(0, i + 1));
    assert.deepEqual(r.aborted, { reason, position: pick.row, step: i + 1 });

    // A condition that holds on the prompt stops before any token, at its first position;
    // with scope generated, the same condition waits for the generated positions.
    const a = busiest(f, sae.dSae, P);
    const fa = column(f, sae.dSae, a);
    const theta = splitThreshold(fa.slice(0, P));
    assertMargin(`feature ${a}`, fa, theta);
    const cond = { feature: a, above: theta };
    r = await run({
      abortWhen: [{ ...cond, reason: "in the prompt" }, { ...cond, reason: "later" }],
    });
    const first = fa.findIndex((v) => v > theta);
    assert.deepEqual(r, {
      got: [],
      aborted: { reason: "in the prompt", position: first, step: 0 },
    });
    r = await run({ abortWhen: [{ ...cond, reason: "generated", scope: "generated" }] });
    const firstGen = fa.findIndex((v, t) => t >= P && v > theta);
    if (firstGen < 0) assert.deepEqual(r, { got: plain, aborted: null });
    else {
      assert.deepEqual(r.got, plain.slice(0, firstGen - P + 1));
      assert.deepEqual(r.aborted, {
        reason: "generated",
        position: firstGen,
        step: firstGen - P + 1,
      });
    }
    // forward ignores abortWhen (nothing to stop): the logits are the plain ones.
    const fw = await engine.forward(PROMPT, {
      interventions: { [LAYER]: steering(sae, [], { abortWhen: [{ ...cond, reason }] }) },
    });
    fw.dispose();
  } finally {
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("conditional steering in a forward pass = per-token CPU loop (prefill)", async () => {
  const { engine, sae, w } = await setup();
  try {
    const tokens = Array.from(ref.get("tokens")!);
    const x = await layerRows(engine, tokens);
    const f = encodeReference(w, sae, x);
    const T = tokens.length;
    const a = busiest(f, sae.dSae, T);
    const theta = splitThreshold(column(f, sae.dSae, a));
    assertMargin(`feature ${a}`, column(f, sae.dSae, a), theta);
    const edits: FeatureEdit[] = [
      { feature: 989, mode: "pin", value: 6, when: { feature: a, above: theta } },
      { feature: a, mode: "mul", value: 0, when: { feature: a, below: theta } },
      { feature: 300, mode: "nudge", value: 3, scope: "generated" }, // never in forward
    ];
    for (const method of ["cheap", "full"] as const) {
      const r = await engine.forward(tokens, {
        cache: [LAYER],
        interventions: { [LAYER]: steering(sae, edits, { method }) },
      });
      const got = await r.cache.get(LAYER)!.toArray();
      r.dispose();
      const want = steerReference(w, sae, x, planEdits(edits.slice(0, 2), sae.dSae, T));
      assertClose(`forward ${method}: steered rows vs per-token loop`, got, want, {
        rel: 1e-5,
        shape: [T, sae.dIn],
      });
    }
  } finally {
    sae.dispose();
    engine.dispose();
  }
});
