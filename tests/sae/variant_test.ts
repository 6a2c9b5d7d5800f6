// Variants: round trip through JSON, conversion from and to steering edits,
// and the errors a bad or mismatched file gets (naming the file and field).

import assert from "node:assert/strict";
import { FormatError, UsageError } from "../../engine/errors.ts";
import {
  checkVariantSae,
  parseVariant,
  type Variant,
  variantAbortWhen,
  variantEdits,
  variantFromEdits,
  variantInterventions,
  variantToJson,
} from "../../sae/variant.ts";
import { Sae } from "../../sae/sae.ts";
import type { FeatureEdit } from "../../sae/steer.ts";
import { FIXTURES } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const EDITS: FeatureEdit[] = [
  { feature: 12, add: 4 },
  { feature: 3, set: 1.5, scope: "generated" },
  { feature: 7, mul: 0.5, when: { feature: 9, above: 0.25 } },
  { feature: 8, ablate: true },
  { feature: 2, clamp: [0.1, 0.3] },
  { feature: 1, mode: "clamp", value: 2, when: { feature: 4, above: -1, below: 3 } },
  { feature: 0, mode: "nudge", value: -2 },
];
const SOURCE = {
  baseModel: "hf:owner/model",
  sae: { id: "hf:owner/sae/layer.pth", layer: "model.layers.2", dSae: 16 },
  edits: EDITS,
  abortWhen: [{ feature: 5, above: 3, reason: "too much 5" }, {
    feature: 6,
    below: 0.5,
    reason: "6 went quiet",
    scope: "generated" as const,
  }],
};

Deno.test("variant: from edits, to JSON and back, and to edits again", () => {
  const v = variantFromEdits(SOURCE);
  assert.deepEqual(v.edits.map((e) => [e.index_in_sae, e.mode, e.value, e.min]), [
    [12, "nudge", 4, undefined],
    [3, "pin", 1.5, undefined],
    [7, "mul", 0.5, undefined],
    [8, "pin", 0, undefined],
    [2, "clamp", 0.3, 0.1],
    [1, "clamp", 2, undefined],
    [0, "nudge", -2, undefined],
  ]);
  const text = variantToJson(v);
  const back = parseVariant(text, "v.json");
  assert.deepEqual(back, v);
  assert.equal(variantToJson(back), text);
  const json = JSON.parse(text);
  assert.equal(json.format, "loupe-variant");
  assert.deepEqual(json.edits[1], { index_in_sae: 3, value: 1.5, mode: "pin", scope: "generated" });
  assert.deepEqual(json.edits[2].when, { index_in_sae: 9, above: 0.25 });
  assert.deepEqual(variantEdits(back), [
    { feature: 12, mode: "nudge", value: 4 },
    { feature: 3, mode: "pin", value: 1.5, scope: "generated" },
    { feature: 7, mode: "mul", value: 0.5, when: { feature: 9, above: 0.25 } },
    { feature: 8, mode: "pin", value: 0 },
    { feature: 2, clamp: [0.1, 0.3] },
    { feature: 1, mode: "clamp", value: 2, when: { feature: 4, above: -1, below: 3 } },
    { feature: 0, mode: "nudge", value: -2 },
  ]);
  assert.deepEqual(variantAbortWhen(back), SOURCE.abortWhen);
  // abort_when may be left out of a file.
  const bare = JSON.parse(text);
  delete bare.abort_when;
  assert.deepEqual(parseVariant(JSON.stringify(bare), "bare.json").abort_when, []);
  assert.throws(
    () => variantFromEdits({ ...SOURCE, edits: [{ feature: 1, add: 1, positions: [3] }] }),
    /edit 0 \(feature 1\) has positions/,
  );
  assert.throws(
    () => variantFromEdits({ ...SOURCE, edits: [{ feature: 16, add: 1 }] }),
    /feature must be an integer in \[0, 16\)/,
  );
});

Deno.test("variant: bad files get a FormatError naming the file and the field", () => {
  const good = JSON.parse(variantToJson(variantFromEdits(SOURCE)));
  // deno-lint-ignore no-explicit-any
  type Json = any;
  const cases: [string | ((v: Json) => void), RegExp][] = [
    ["{not json", /bad\.json: not JSON/],
    ["[1]", /bad\.json: variant: must be an object/],
    [(v) => v.format = "ember", /format: must be "loupe-variant", got "ember"/],
    [(v) => v.version = 2, /version: 2 is newer than this Loupe reads \(1\)/],
    [(v) => v.extra = 1, /variant: unknown field extra/],
    [(v) => v.base_model = "", /base_model: must be a non-empty string/],
    [(v) => v.sae.d_sae = 0, /sae\.d_sae: must be a positive integer, got 0/],
    [(v) => delete v.sae.layer, /sae\.layer: must be a non-empty string/],
    [(v) => v.edits = {}, /edits: must be a list/],
    [
      (v) => v.edits[0].index_in_sae = 16,
      /edits\[0\]\.index_in_sae: must be a feature index in \[0, 16\)/,
    ],
    [(v) => v.edits[1].value = "1", /edits\[1\]\.value: must be a finite number, got "1"/],
    [(v) => v.edits[2].mode = "push", /edits\[2\]\.mode: must be one of nudge, pin, mul, clamp/],
    [(v) => v.edits[0].min = 1, /edits\[0\]\.min: only mode "clamp" takes min/],
    [(v) => v.edits[4].min = 5, /edits\[4\]\.min: 5 is above value 0\.3/],
    [(v) => v.edits[1].scope = "prompt", /edits\[1\]\.scope: must be "all" or "generated"/],
    [(v) => v.edits[2].when = { index_in_sae: 9 }, /edits\[2\]\.when: give above, below or both/],
    [(v) => v.edits[2].when.feature = 9, /edits\[2\]\.when: unknown field feature/],
    [(v) => v.edits[5].when.below = -2, /edits\[5\]\.when: above \(-1\) must be less than below/],
    [(v) => v.edits[0].scop = "all", /edits\[0\]: unknown field scop/],
    [(v) => v.abort_when = null, /abort_when: must be a list/],
    [(v) => v.abort_when[0].reason = " ", /abort_when\[0\]\.reason: must be a non-empty string/],
    [
      (v) => v.abort_when[1].above = null,
      /abort_when\[1\]\.above: must be a finite number, got null/,
    ],
  ];
  for (const [change, pattern] of cases) {
    let text: string;
    if (typeof change === "string") text = change;
    else {
      const v = structuredClone(good);
      change(v);
      text = JSON.stringify(v);
    }
    assert.throws(() => parseVariant(text, "bad.json"), (e: Error) => {
      assert.ok(e instanceof FormatError, `${e.name}: ${e.message}`);
      assert.match(e.message, /^bad\.json: /);
      assert.match(e.message, pattern);
      return true;
    });
  }
});

Deno.test("variant: checked against the loaded SAE; moderated features need the opt-in", async () => {
  const gpu = await testGpu();
  const sae = await Sae.load(`${FIXTURES}saes/stories260K-layer2/goodfire.pth`, gpu);
  try {
    const v: Variant = variantFromEdits({
      ...SOURCE,
      sae: { id: "goodfire.pth", layer: "model.layers.2", dSae: 1024 },
    });
    const site = { sae, module: "model.layers.2" };
    assert.deepEqual(Object.keys(variantInterventions(site, v)), ["model.layers.2"]);
    assert.throws(
      () => variantInterventions({ sae, module: "model.layers.3" }, v, {}, "v.json"),
      (e: Error) =>
        e instanceof UsageError && /v\.json: the variant is for model\.layers\.2/.test(e.message),
    );
    assert.throws(
      () => checkVariantSae(variantFromEdits(SOURCE), sae, "model.layers.2", "v.json"),
      /v\.json: the variant is for an SAE with d_sae 16 \(hf:owner\/sae\/layer\.pth\), but .* has 1024 features/,
    );
    // Feature 9 is only read by a condition, feature 5 only by abort_when: both count.
    sae.moderate([9]);
    assert.throws(() => variantInterventions(site, v), /feature 9 is moderated/);
    sae.moderate([5]);
    assert.throws(() => variantInterventions(site, v), /features 9, 5 are moderated/);
    assert.ok(variantInterventions(site, v, { includeModerated: true })["model.layers.2"]);
  } finally {
    sae.dispose();
  }
});
