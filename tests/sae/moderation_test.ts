// FeatureNotes: moderation by call stays; moderation a labels file brings is
// replaced when another labels file is used (it used to accumulate).

import assert from "node:assert/strict";
import { FeatureNotes } from "../../sae/moderation.ts";
import { FeatureLabels } from "../../sae/labels.ts";
import { UsageError } from "../../engine/errors.ts";

const labels = (moderated: number[], file: string) =>
  FeatureLabels.parse(JSON.stringify({ labels: { 1: "a", 2: "b" }, moderated }), file);

Deno.test("FeatureNotes: a second labels file replaces the first file's moderation", () => {
  const notes = new FeatureNotes(16, "test SAE");
  notes.moderate([7]);
  notes.useLabels(labels([3, 4], "first.json"));
  assert.deepEqual([...notes.moderated].sort((a, b) => a - b), [3, 4, 7]);
  notes.useLabels(labels([5], "second.json"));
  assert.deepEqual([...notes.moderated].sort((a, b) => a - b), [5, 7]);
  assert.equal(notes.labels?.source, "second.json");
  assert.throws(() => notes.check("steer", [5]), /feature 5 is moderated/);
  notes.check("steer", [3]);
});

Deno.test("FeatureNotes: out-of-range moderation is refused and changes nothing", () => {
  const notes = new FeatureNotes(16, "test SAE");
  assert.throws(() => notes.moderate([2, 16]), UsageError);
  assert.equal(notes.moderated.size, 0);
});
