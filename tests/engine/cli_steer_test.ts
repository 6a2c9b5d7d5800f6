// The CLI's steering specs: --steer with modes, scope and conditions, and
// --abort-when, parsed into what steering() takes; bad specs are usage errors.

import assert from "node:assert/strict";
import { parseAbortWhen, parseSteer } from "../../demo/cli_steer.ts";

const usage = (m: string) => new Error(m);

Deno.test("--steer: the old forms, Ember's modes, scope and when", () => {
  assert.deepEqual(
    parseSteer([
      "1:add=2",
      "2:set=-1",
      "3:mul=0.5",
      "4:ablate",
      "5:clamp=0.1,0.3",
      "6:nudge=4,generated",
      "7:pin=2,when=9>0.5",
      "8:clamp=1,generated,when=3<2,when=3>0.25",
      "9:clamp=-1,2,all",
    ], usage),
    [
      { feature: 1, add: 2 },
      { feature: 2, set: -1 },
      { feature: 3, mul: 0.5 },
      { feature: 4, ablate: true },
      { feature: 5, clamp: [0.1, 0.3] },
      { feature: 6, mode: "nudge", value: 4, scope: "generated" },
      { feature: 7, mode: "pin", value: 2, when: { feature: 9, above: 0.5 } },
      {
        feature: 8,
        mode: "clamp",
        value: 1,
        scope: "generated",
        when: { feature: 3, below: 2, above: 0.25 },
      },
      { feature: 9, clamp: [-1, 2], scope: "all" },
    ],
  );
  for (
    const [spec, pattern] of [
      ["989:twice", /--steer expects FEATURE:add=V.*unknown edit "twice"/],
      ["x:add=1", /no FEATURE:/],
      ["1:add=", /"" is not a number/],
      ["1:nudge=2,later", /unknown option "later"/],
      ["1:nudge=2,when=3>x", /"x" is not a number/],
      ["1:nudge=2,when=3>1,when=4<2", /a condition on two features/],
    ] as const
  ) {
    assert.throws(() => parseSteer([spec], usage), pattern, spec);
  }
});

Deno.test("--abort-when: FEATURE>V:REASON, FEATURE<V,generated:REASON", () => {
  assert.deepEqual(parseAbortWhen(["12>0.5:too much 12", "3<1e-3,generated: quiet: 3 "], usage), [
    { feature: 12, above: 0.5, reason: "too much 12" },
    { feature: 3, below: 0.001, reason: "quiet: 3", scope: "generated" },
  ]);
  for (const spec of ["12>0.5", "12=1:r", ">1:r", "12>x:r", "12>1,later:r"]) {
    assert.throws(
      () => parseAbortWhen([spec], usage),
      /--abort-when expects FEATURE>V:REASON/,
      spec,
    );
  }
});
