// The seed's recipe end to end on stories260K with its layer-2 SAE
// (tests/fixtures/README.md): features cached like an activation, and steering, ablation,
// clamping and the no-op edit inside the model, against reference logits and
// greedy ids (the edit applied at every position of every step).

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { attachSae, featureLogitEffects, Sae, steering } from "../../sae/mod.ts";
import type { FeatureEdit } from "../../sae/steer.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
const DIR = `${FIXTURES}saes/stories260K-layer2`;
const LAYER = "model.layers.2";
const FEATURE = 989;
/** Steered logits: 1e-3 of max|logit| (the bound); measured values are printed. */
const TOLERANCE = 1e-3;

const CASES: [string, FeatureEdit[]][] = [
  ["steer", [{ feature: FEATURE, add: 4 }]],
  ["ablate", [{ feature: FEATURE, ablate: true }]],
  ["clamp", [{ feature: FEATURE, set: 8 }]],
  // A real edit that changes nothing: decode(f) + (x - decode(f)) must give x back.
  ["noop", [{ feature: FEATURE, mul: 1 }]],
];

Deno.test("SAE on model.layers.2: cached features match, steered logits and greedy ids match the reference", async () => {
  const ref = await readReference(DIR, "reference.safetensors");
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire.pth`, engine);
  try {
    const sites = attachSae(engine, LAYER, sae);
    const tokens = Array.from(ref.get("tokens")!);
    const T = tokens.length;
    const plain = await engine.forward(tokens, { cache: [sites.features, sites.error, LAYER] });
    assertClose(
      "cached features",
      await plain.cache.get(sites.features)!.toArray(),
      ref.get("features")!,
      {
        rel: 1e-4,
        shape: [T, sae.dSae],
      },
    );
    const x = await plain.cache.get(LAYER)!.toArray();
    const err = await plain.cache.get(sites.error)!.toArray();
    const recon = (ref.get("reconstruction") as Float32Array).map((v, i) => x[i] - v);
    assertClose("cached error", err, recon, { rel: 1e-4, shape: [T, sae.dIn] });
    plain.dispose();

    for (const method of ["cheap", "full"] as const) {
      for (const [name, edits] of CASES) {
        const r = await engine.forward(tokens, {
          allLogits: true,
          interventions: sites.steer(edits, { method }),
        });
        const rep = assertClose(
          `${name} (${method}) logits`,
          await r.logits.toArray(),
          ref.get(`${name}.logits`)!,
          {
            rel: TOLERANCE,
            shape: [T, engine.config.vocabSize],
          },
        );
        console.log(`  ${name} (${method}): ${rep.maxRel.toExponential(2)} of max|logit|`);
        r.dispose();
      }
    }
    for (const [name, edits] of CASES) {
      const ids: number[] = [];
      for await (
        const step of engine.generate(tokens, {
          maxNewTokens: 32,
          ignoreEos: true,
          interventions: sites.steer(edits),
        })
      ) {
        ids.push(step.token);
      }
      assert.deepEqual(
        ids,
        Array.from(ref.get(`${name}.greedy`)!),
        `${name}: greedy ids with the edit at every step`,
      );
    }
  } finally {
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("SAE edits at given positions count absolute positions across chunks and steps", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu, maxChunk: 4 });
  const sae = await Sae.load(`${DIR}/saelens`, engine);
  try {
    const tokens = [1, 403, 407, 261, 378, 432, 383, 382, 276, 259];
    const at = [2, 7];
    const chunked = await engine.forward(tokens, {
      allLogits: true,
      interventions: { [LAYER]: steering(sae, [{ feature: FEATURE, add: 6, positions: at }]) },
    });
    // The same edit by hand: only rows 2 and 7 move.
    const byHand = await engine.forward(tokens, {
      allLogits: true,
      interventions: {
        [LAYER]: (x, ctx) => {
          const rows = at.filter((p) =>
            p >= ctx.positionStart && p < ctx.positionStart + x.shape[0]
          );
          return rows.length
            ? sae.steer(x, [{
              feature: FEATURE,
              add: 6,
              positions: rows.map((p) => p - ctx.positionStart),
            }])
            : x;
        },
      },
    });
    assert.deepEqual(await chunked.logits.toArray(), await byHand.logits.toArray());
    const plain = await engine.forward(tokens, { allLogits: true });
    const a = await plain.logits.toArray(), b = await chunked.logits.toArray();
    const V = engine.config.vocabSize;
    for (let t = 0; t < tokens.length; t++) {
      const moved = a.subarray(t * V, (t + 1) * V).some((v, i) => v !== b[t * V + i]);
      assert.equal(moved, t >= at[0], `position ${t}: logits ${moved ? "moved" : "did not move"}`);
    }
    for (const r of [chunked, byHand, plain]) r.dispose();
  } finally {
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("attaching an SAE whose d_in differs from the module's width is an error", async () => {
  const engine = await Engine.load(modelPath("llama3-tiny"), { gpu });
  const sae = await Sae.load(`${DIR}/saelens`, engine);
  try {
    assert.throws(
      () => attachSae(engine, "model.layers.1", sae),
      /has d_in 64, but model\.layers\.1 outputs 128 values per token/,
    );
    assert.throws(
      () => attachSae(engine, "model.layers.9", sae),
      /unknown module "model\.layers\.9"/,
    );
    await assert.rejects(
      engine.forward([1, 2], { cache: ["model.layers.1.sae.features"] }),
      /unknown module "model\.layers\.1\.sae\.features"/,
    );
  } finally {
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("feature logit effects read the engine's head in f32 and q8 alike", async () => {
  const f32 = await Engine.load(modelPath("stories260K"), { gpu });
  const q8 = await Engine.load(modelPath("stories260K"), { gpu, quant: "q8" });
  const sae = await Sae.load(`${DIR}/goodfire.pth`, f32);
  try {
    const a = await featureLogitEffects(sae, FEATURE, f32.head.norm, f32.head.lmHead, 5);
    const b = await featureLogitEffects(sae, FEATURE, q8.head.norm, q8.head.lmHead, 5);
    assert.equal(a.up.length, 5);
    // q8 moves values by a few parts in a thousand; the strongest tokens agree.
    assert.equal(b.up[0].token, a.up[0].token);
    assert.equal(b.down[0].token, a.down[0].token);
    assert.ok(Math.abs(b.up[0].value - a.up[0].value) < 2e-2 * Math.abs(a.up[0].value));
    assert.ok(a.up[0].value > 0 && a.down[0].value < 0);
  } finally {
    sae.dispose();
    q8.dispose();
    f32.dispose();
  }
});
