// Feature search and contrast (sae/search.ts) on stories260K's layer-2 SAE,
// against a plain-TS reference: each text run alone, its features cached and
// read back, the statistics and scores computed in f64 (sae/scores.ts). Also
// moderated features: hidden from search, contrast, top features and steering
// unless the caller opts in, and marked when it does.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { UsageError } from "../../engine/errors.ts";
import {
  attachSae,
  contrastScores,
  FeatureLabels,
  type FeatureStats,
  Sae,
  type SaeAttachment,
  searchScores,
  statsOfFeatures,
  steering,
} from "../../sae/mod.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";
import { storiesWithChat } from "../util/chat_model.ts";

const gpu = await testGpu();
const SAE = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
const LAYER = "model.layers.2";

const TEXTS = ["Lily had a red ball. She liked to play with the ball.", "Tom saw a big dog."];
const BACKGROUND = [
  "Once upon a time, there was a little girl named Sue.",
  "The sun was hot and the bird sang in the tree.",
  "Mom made a cake for the party.",
];
const CHATS_B = [
  [{ role: "user", content: "The cat sat on the mat." }],
  [{ role: "user", content: "A boy went to the park with his friend." }],
];

/** Statistics of texts computed from features cached by a forward of each text alone. */
async function referenceStats(site: SaeAttachment, texts: number[][]): Promise<FeatureStats> {
  const rows: Float32Array[] = [];
  const bos = site.engine.tokenizer.bosId;
  for (const tokens of texts) {
    const r = await site.engine.forward(tokens, { cache: [site.features] });
    const f = await r.cache.get(site.features)!.toArray();
    r.dispose();
    rows.push(tokens[0] === bos ? f.subarray(site.sae.dSae) : f);
  }
  return statsOfFeatures(rows, site.sae.dSae);
}

/** |got - want| <= rel * max(|want|, 1e-2): scores near 0 get an absolute floor. */
function close(what: string, got: number, want: number, rel = 2e-4) {
  const allowed = rel * Math.max(Math.abs(want), 1e-2);
  assert.ok(Math.abs(got - want) <= allowed, `${what}: got ${got}, want ${want} (±${allowed})`);
}

async function setup() {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(SAE, engine);
  return { engine, sae, site: attachSae(engine, LAYER, sae) };
}

// Contrast takes chats: stories260K with a chat template (a temporary copy).
const CHAT_MODEL = await storiesWithChat();
globalThis.addEventListener("unload", () => Deno.removeSync(CHAT_MODEL, { recursive: true }));

Deno.test("search: scores and ranking match the per-token reference; moderated features are hidden unless asked for", async () => {
  const { engine, sae, site } = await setup();
  try {
    const tok = (ts: string[]) => ts.map((t) => engine.tokenizer.encode(t));
    const want = searchScores(
      await referenceStats(site, tok(TEXTS)),
      await referenceStats(site, tok(BACKGROUND)),
    );
    const byFeature = new Map(want.map((s) => [s.feature, s]));
    const r = await site.search(TEXTS, { background: BACKGROUND, top: 10 });
    assert.equal(r.features.length, 10);
    assert.equal(r.rankBy, "logOdds");
    assert.equal(r.includeModerated, false);
    const sorted = [...want].sort((a, b) => b.logOdds - a.logOdds);
    r.features.forEach((f, i) => {
      const w = byFeature.get(f.feature);
      assert.ok(w, `feature ${f.feature} does not fire on the texts in the reference`);
      for (const k of ["logOdds", "meanDiff", "meanTexts", "meanBackground"] as const) {
        close(`feature ${f.feature} ${k}`, f[k], w[k]);
      }
      // Rank i holds the reference's i-th best score (ties may swap features).
      close(`rank ${i} score`, f.logOdds, sorted[i].logOdds);
    });
    // By mean difference instead.
    const m = await site.search(TEXTS, { background: BACKGROUND, top: 3, rankBy: "meanDiff" });
    const byMean = [...want].sort((a, b) => b.meanDiff - a.meanDiff);
    m.features.forEach((f, i) => close(`meanDiff rank ${i}`, f.meanDiff, byMean[i].meanDiff));

    // Moderate the best feature: gone from search, back (and marked) with the opt-in.
    const best = r.features[0].feature;
    sae.moderate([best]);
    const hidden = await site.search(TEXTS, { background: BACKGROUND, top: 10 });
    assert.ok(!hidden.features.some((f) => f.feature === best));
    assert.equal(hidden.features[0].feature, r.features[1].feature);
    const shown = await site.search(TEXTS, {
      background: BACKGROUND,
      top: 10,
      includeModerated: true,
    });
    assert.equal(shown.includeModerated, true);
    assert.equal(shown.features[0].feature, best);
    assert.equal(shown.features[0].moderated, true);
    assert.equal(shown.features[1].moderated, undefined);

    // Steering a moderated feature is refused unless opted in.
    assert.throws(() => steering(sae, [{ feature: best, add: 2 }]), UsageError);
    assert.throws(() => site.steer([{ feature: best, add: 2 }]), /moderated/);
    steering(sae, [{ feature: best, add: 2 }], { includeModerated: true });
    // Top features leave out a moderated feature: hide the largest one of a token.
    const fwd = await engine.forward(engine.tokenizer.encode(TEXTS[0]), { cache: [LAYER] });
    const x = (await fwd.cache.get(LAYER)!.toArray()).slice(sae.dIn, 2 * sae.dIn);
    fwd.dispose();
    const f = await sae.encodeToArray(x);
    f[best] = -Infinity; // already moderated above
    const largest = f.indexOf(Math.max(...f));
    const before = await sae.topFeaturesToArray(x, 3);
    assert.equal(before.indices[0], largest);
    sae.moderate([largest]);
    const plain = await sae.topFeaturesToArray(x, 3);
    const all = await sae.topFeaturesToArray(x, 3, { includeModerated: true });
    assert.deepEqual(Array.from(plain.indices), [
      before.indices[1],
      before.indices[2],
      plain.indices[2],
    ]);
    assert.ok(!Array.from(plain.indices).includes(largest));
    assert.ok(Array.from(all.indices).includes(largest));
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});

Deno.test("contrast: Welch t, mean and rate differences match the reference, chats included; labels rerank", async () => {
  const engine = await Engine.load(CHAT_MODEL, { gpu });
  const sae = await Sae.load(SAE, engine);
  const site = attachSae(engine, LAYER, sae);
  try {
    const chatTokens = CHATS_B.map((c) =>
      engine.tokenizer.encodeChat(c, { addGenerationPrompt: false })
    );
    const want = contrastScores(
      await referenceStats(site, TEXTS.map((t) => engine.tokenizer.encode(t))),
      await referenceStats(site, chatTokens),
    );
    const byFeature = new Map(want.map((s) => [s.feature, s]));
    const r = await site.contrast(TEXTS, CHATS_B, { top: 5 });
    assert.equal(r.a.length, 5);
    assert.equal(r.b.length, 5);
    const aSorted = want.filter((s) => s.t > 0).sort((x, y) => y.t - x.t);
    const bSorted = want.filter((s) => s.t < 0).sort((x, y) => x.t - y.t);
    for (const [side, list, ref] of [["a", r.a, aSorted], ["b", r.b, bSorted]] as const) {
      list.forEach((f, i) => {
        const w = byFeature.get(f.feature)!;
        for (const k of ["t", "meanDiff", "rateDiff", "meanA", "meanB"] as const) {
          close(`${side} feature ${f.feature} ${k}`, f[k], w[k]);
        }
        close(`${side} rank ${i} t`, f.t, ref[i].t);
      });
    }
    // Labels: the query's label lifts a feature from the pool to the top.
    const target = r.a[4].feature;
    sae.useLabels(FeatureLabels.parse(JSON.stringify({ [target]: "balls and toys" }), "l.json"));
    const reranked = await site.contrast(TEXTS, CHATS_B, { top: 5, query: "ball" });
    assert.equal(reranked.a[0].feature, target);
    assert.equal(reranked.a[0].label, "balls and toys");
    assert.deepEqual(
      reranked.a.slice(1).map((f) => f.feature),
      r.a.slice(0, 4).map((f) => f.feature),
    );
    // Moderated features leave both sides.
    sae.moderate([r.a[0].feature, r.b[0].feature]);
    const hidden = await site.contrast(TEXTS, CHATS_B, { top: 5 });
    assert.equal(hidden.a[0].feature, r.a[1].feature);
    assert.equal(hidden.b[0].feature, r.b[1].feature);
    assert.throws(() => sae.moderate([sae.dSae]), UsageError);
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
});
