// Feature labels and deny lists (sae/labels.ts): Neuronpedia's export layouts
// (its real field names: index as a string, description,
// explanationModelName, typeName; feature records with explanations[]), plain
// maps, Loupe's { labels, moderated }, and refusals naming the file and entry.

import assert from "node:assert/strict";
import { FormatError } from "../../engine/errors.ts";
import { FeatureLabels, labelSimilarity, parseModeratedList } from "../../sae/labels.ts";

const NP = [
  {
    modelId: "llama3.3-70b-it",
    layer: "50-resid-post-gf",
    index: "12",
    description: "references to dogs",
    explanationModelName: "gpt-4o-mini",
    typeName: "oai_token-act-pair",
  },
  {
    modelId: "llama3.3-70b-it",
    layer: "50-resid-post-gf",
    index: "7",
    description: " Dog breeds and pets ",
    explanationModelName: "gpt-4o-mini",
    typeName: "oai_token-act-pair",
  },
  // A second explanation of 12: the first one is kept.
  { modelId: "m", layer: "l", index: "12", description: "canines" },
  { modelId: "m", layer: "l", index: 3, description: "the word 'hot'" },
];

Deno.test("labels: Neuronpedia exports as JSON, JSON lines and feature records give the same labels", () => {
  const asJson = FeatureLabels.parse(JSON.stringify(NP), "np.json");
  const asLines = FeatureLabels.parse(
    NP.map((r) => JSON.stringify(r)).join("\n") + "\n",
    "np.jsonl",
  );
  const records = FeatureLabels.parse(
    JSON.stringify([
      { index: "12", explanations: [{ description: "" }, { description: "references to dogs" }] },
      { index: 7, explanations: [{ description: "Dog breeds and pets" }] },
      { index: 3, explanations: [{ description: "the word 'hot'" }] },
    ]),
    "features.json",
  );
  for (const l of [asJson, asLines, records]) {
    assert.deepEqual(l.entries(), [
      [3, "the word 'hot'"],
      [7, "Dog breeds and pets"],
      [12, "references to dogs"],
    ]);
  }
  assert.equal(asJson.get(5), undefined);
  assert.equal(asJson.maxIndex, 12);
  // One record on one line is JSON lines too.
  assert.equal(
    FeatureLabels.parse(JSON.stringify(NP[0]), "one.jsonl").get(12),
    "references to dogs",
  );
});

Deno.test("labels: a plain map, and { labels, moderated }", () => {
  const plain = FeatureLabels.parse('{"0": "start of text", "41": "colours"}', "plain.json");
  assert.deepEqual(plain.entries(), [[0, "start of text"], [41, "colours"]]);
  assert.deepEqual(plain.moderated, []);
  const both = FeatureLabels.parse(
    JSON.stringify({ labels: NP, moderated: [7, "9"] }),
    "both.json",
  );
  assert.equal(both.get(7), "Dog breeds and pets");
  assert.deepEqual(both.moderated, [7, 9]);
  assert.equal(both.maxIndex, 12);
});

Deno.test("labels: search ranks substring matches first, then word overlap; ties by index", () => {
  const l = FeatureLabels.parse(
    JSON.stringify({
      1: "cats and dogs",
      2: "Dogs",
      3: "hot dogs at a fair",
      4: "weather",
      5: "a dog",
    }),
    "l.json",
  );
  const hits = l.search("dogs");
  // Substring "dogs": 2 (overlap 1/1), 1 (1/3), 3 (1/5); then "a dog" shares no word.
  assert.deepEqual(hits.map((h) => h.index), [2, 1, 3]);
  assert.equal(hits[0].score, 2);
  assert.ok(Math.abs(hits[1].score - (1 + 1 / 3)) < 1e-12);
  // Word overlap without a substring match: "hot weather" vs "weather" (1/2), "hot dogs..." (1/6).
  assert.deepEqual(l.search("hot weather").map((h) => [h.index, h.score]), [[4, 0.5], [3, 1 / 6]]);
  // "DOG" is a substring of four labels; "a dog" also shares the word.
  assert.deepEqual(l.search("DOG", { top: 2 }).map((h) => h.index), [5, 1]);
  assert.deepEqual(l.search("dogs", { exclude: new Set([2]) }).map((h) => h.index), [1, 3]);
  assert.equal(labelSimilarity("zebra", "cats"), 0);
});

Deno.test("labels: bad files are FormatErrors naming the file and the entry", () => {
  const bad: [string, RegExp][] = [
    ["not json at all", /bad\.json: not JSON/],
    ['{"x": "label"}', /key "x": feature index must be a non-negative integer/],
    ['{"-1": "label"}', /feature index must be a non-negative integer/],
    ['{"3": 4}', /label of feature 3 must be a string/],
    ['[{"index": "2.5", "description": "x"}]', /entry 0: feature index/],
    ['[{"index": 1, "description": 5}]', /entry 0 \(feature 1\): description must be a string/],
    ["[1, 2]", /entry 0: expected an object/],
    ['{"labels": {}, "moderated": "3"}', /moderated must be a list/],
    ['{"labels": {}, "extra": 1}', /unknown keys extra/],
    ['{"index": 1}\n{oops', /line 2 is not JSON/],
    ["42", /expected a JSON object or array/],
  ];
  for (const [text, re] of bad) {
    assert.throws(() => FeatureLabels.parse(text, "bad.json"), (e) => {
      assert.ok(e instanceof FormatError, `${text}: ${e}`);
      assert.match((e as Error).message, re);
      assert.equal((e as FormatError).file, "bad.json");
      return true;
    });
  }
});

Deno.test("moderated lists: JSON, an object, or one index per line with comments", () => {
  assert.deepEqual(parseModeratedList("[3, 17]", "m.json"), [3, 17]);
  assert.deepEqual(parseModeratedList('{"moderated": ["4"]}', "m.json"), [4]);
  assert.deepEqual(parseModeratedList("# hidden\n5\n\n 6 # why\n", "m.txt"), [5, 6]);
  assert.throws(() => parseModeratedList("5\nfive\n", "m.txt"), /m\.txt: line 2: feature index/);
  assert.throws(() => parseModeratedList("[1,", "m.json"), FormatError);
});
