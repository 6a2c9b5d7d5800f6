// Probe files (sae/probe.ts) and labelled data files (sae/probe_data.ts):
// a save/load round trip, and a FormatError naming the file for each kind of
// bad input; the seeded split is stratified and reproducible. No GPU.

import assert from "node:assert/strict";
import { FormatError, UsageError } from "../../engine/errors.ts";
import {
  parseProbeExamples,
  Probe,
  PROBE_FORMAT,
  PROBE_VERSION,
  type ProbeSpec,
  splitExamples,
} from "../../sae/mod.ts";

const SPEC: ProbeSpec = {
  name: "names",
  module: "model.layers.2",
  on: "features",
  sae: { id: "goodfire.pth", dSae: 1024 },
  width: 1024,
  pool: "max",
  skipBos: true,
  bias: -0.25,
  terms: [
    { index: 3, weight: 0.5, mean: 0.1, std: 0.2 },
    { index: 989, weight: -1.25, mean: 1.5, std: 0.75 },
  ],
  training: {
    examples: 200,
    train: 150,
    heldOut: 50,
    steps: 300,
    lr: 0.5,
    l1: 0.02,
    seed: 0,
    trainAccuracy: 0.9,
    heldOutAccuracy: 0.86,
    includeModerated: false,
  },
};

const file = (patch: Record<string, unknown>) =>
  JSON.stringify({ ...new Probe(SPEC).toJSON(), ...patch });

Deno.test("probe file: save and load give the same probe and the same scores", () => {
  const probe = new Probe(SPEC);
  const text = JSON.stringify(probe);
  const doc = JSON.parse(text);
  assert.equal(doc.format, PROBE_FORMAT);
  assert.equal(doc.version, PROBE_VERSION);
  assert.equal(doc.standardization, "z-score");
  const back = Probe.parse(text, "names.json");
  assert.deepEqual(back.toJSON(), probe.toJSON());
  assert.equal(back.cacheName, "model.layers.2.probe.names");
  // The score by hand: sigmoid(bias + sum w (x - mean) / std).
  const x = new Float32Array(1024);
  x[3] = 0.7;
  x[989] = 0.5;
  const z = -0.25 + 0.5 * (0.7 - 0.1) / 0.2 + -1.25 * (0.5 - 1.5) / 0.75;
  assert.ok(Math.abs(back.score(x)[0] - 1 / (1 + Math.exp(-z))) < 1e-7);
  const w = back.denseWeights(), s = back.denseStandardization();
  assert.equal(w[989], -1.25);
  assert.equal(w[1024], -0.25);
  assert.ok(Math.abs(s[1024 + 989] - 1 / 0.75) < 1e-6);
  assert.equal(s[1024 + 4], 0, "columns without a term are left out");
});

Deno.test("probe file: bad files are FormatErrors naming the file and the field", () => {
  const bad: [string, RegExp][] = [
    ["{not json", /not JSON/],
    ["[1, 2]", /expected a JSON object/],
    [file({ format: "other" }), /format is "other"/],
    [file({ version: 2 }), /version 2 is not supported/],
    [file({ standardization: "none" }), /standardization/],
    [file({ name: "a b" }), /name must be/],
    [file({ name: "__proto__!" }), /name must be/],
    [file({ on: "logits" }), /on must be/],
    [file({ pool: "sum" }), /pool must be/],
    [file({ width: 0 }), /width must be at least 1/],
    [file({ width: 2.5 }), /width must be an integer/],
    [file({ sae: null }), /needs sae: \{id, dSae\}/],
    [file({ sae: { id: "x", dSae: 512 } }), /sae.dSae 512 differs from width 1024/],
    [file({ on: "activations" }), /a probe on activations has sae: null/],
    [file({ bias: "1" }), /bias must be a finite number/],
    [file({ weights: {} }), /weights must be a list/],
    [file({ weights: [{ index: 1024, weight: 1, mean: 0, std: 1 }] }), /weights\[0\].index/],
    [file({ weights: [{ index: -1, weight: 1, mean: 0, std: 1 }] }), /weights\[0\].index/],
    [
      file({
        weights: [{ index: 5, weight: 1, mean: 0, std: 1 }, {
          index: 5,
          weight: 1,
          mean: 0,
          std: 1,
        }],
      }),
      /unique, ascending/,
    ],
    [file({ weights: [{ index: 5, weight: 1, mean: 0, std: 0 }] }), /std must be positive/],
    [file({ weights: [{ index: 5, weight: 1e999, mean: 0, std: 1 }] }), /weight must be a finite/],
    [file({ weights: [[5, 1]] }), /weights\[0\] must be \{index, weight, mean, std\}/],
    [file({ training: { ...SPEC.training, trainAccuracy: 2 } }), /training.trainAccuracy/],
  ];
  for (const [text, why] of bad) {
    assert.throws(
      () => Probe.parse(text, "bad-probe.json"),
      (e) => e instanceof FormatError && /bad-probe\.json/.test(e.message) && why.test(e.message),
      `${text.slice(0, 80)} should fail with ${why}`,
    );
  }
  assert.throws(() => Probe.parse("x".repeat(64 * 2 ** 20 + 1), "big.json"), /at most/);
});

Deno.test("probe data: examples parsed by kind, bad ones refused; the split is stratified and seeded", () => {
  const ex = parseProbeExamples(
    JSON.stringify({
      examples: [
        { text: "Lily ran.", label: 1 },
        { tokens: [1, 5, 6], label: 0 },
        { chat: [{ role: "user", content: "hi" }], label: 1 },
      ],
    }),
    "data.json",
  );
  assert.deepEqual(ex.map((e) => Object.keys(e)[0]), ["text", "tokens", "chat"]);
  for (
    const [text, why] of [
      ["[]", /non-empty list/],
      ['[{"text": "a", "label": 2}]', /label must be 0 or 1/],
      ['[{"text": "a", "tokens": [1], "label": 1}]', /exactly one of text, tokens, chat/],
      ['[{"tokens": [1, -2], "label": 1}]', /tokens a list of ids/],
      ['[{"chat": [{"role": 1}], "label": 1}]', /message 0 needs string role/],
    ] as const
  ) {
    assert.throws(
      () => parseProbeExamples(text, "data.json"),
      (e) => e instanceof FormatError && /data\.json/.test(e.message) && why.test(e.message),
    );
  }
  const labels = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0) as 0 | 1);
  const a = splitExamples(labels, 0.25, 7), b = splitExamples(labels, 0.25, 7);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, splitExamples(labels, 0.25, 8));
  // round(0.25 * 10) positives and round(0.25 * 30) negatives.
  assert.equal(a.heldOut.filter((i) => labels[i] === 1).length, 3);
  assert.equal(a.heldOut.length, 3 + 8);
  assert.deepEqual([...a.train, ...a.heldOut].sort((x, y) => x - y), labels.map((_, i) => i));
  assert.throws(() => splitExamples(labels, 1, 0), UsageError);
});
