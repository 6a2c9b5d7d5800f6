// `loupe features search | contrast` as scripts use them: a subprocess on the
// bundled stories260K and its layer-2 SAE, JSON on stdout, equal to the
// library's answer; labels printed with features; moderated features hidden
// unless --include-moderated, which the output then says.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { attachSae, Sae, variantFromEdits, variantToJson } from "../../sae/mod.ts";
import { DEFAULT_MODEL } from "../../demo/cli_flags.ts";
import { FIXTURES } from "../util/fixtures.ts";
import { storiesWithChat } from "../util/chat_model.ts";
import { testGpu } from "../util/gpu.ts";

const CLI = new URL("../../demo/cli.ts", import.meta.url).pathname;
const SAE = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
const LAYER = "model.layers.2";

async function loupe(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    stdin: "null",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

const TEXTS = ["Lily had a red ball.", "Tom threw the ball to his dog."];
const A = ["The cat was happy.", "The cat sat in the sun."];
const B = [
  [{ role: "user", content: "A big truck drove by." }],
  [{ role: "user", content: "The car was red and fast." }],
];

Deno.test("loupe features search and contrast: JSON equal to the library, labels shown, moderation opt-in visible", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const bg = `${dir}/background.txt`, a = `${dir}/a.txt`, b = `${dir}/b.json`;
    await Deno.writeTextFile(bg, "Once upon a time there was a girl.\nThe bird sang in a tree.\n");
    await Deno.writeTextFile(a, A.join("\n"));
    await Deno.writeTextFile(b, JSON.stringify(B));
    // stories260K with a chat template, for --b's chats.
    const model = await storiesWithChat();
    const common = ["--model", model, "--sae", SAE, "--layer", LAYER];

    // The library's answers, computed in this process.
    const gpu = await testGpu();
    const engine = await Engine.load(model, { gpu });
    const sae = await Sae.load(SAE, engine);
    const site = attachSae(engine, LAYER, sae);
    const background = ["Once upon a time there was a girl.", "The bird sang in a tree."];
    const lib = await site.search(TEXTS, { background, top: 5 });
    const libContrast = await site.contrast(A, B, { top: 3 });
    site.detach();
    sae.dispose();
    engine.dispose();

    const search = await loupe(
      "features",
      "search",
      ...common,
      ...TEXTS.flatMap((t) => ["--text", t]),
      "--background",
      bg,
      "--top",
      "5",
      "--json",
    );
    assert.equal(search.code, 0, search.stderr);
    const got = JSON.parse(search.stdout);
    assert.deepEqual(
      got.features.map((f: { feature: number }) => f.feature),
      lib.features.map((f) => f.feature),
    );
    got.features.forEach((f: { logOdds: number }, i: number) =>
      assert.ok(Math.abs(f.logOdds - lib.features[i].logOdds) < 1e-9)
    );
    assert.deepEqual(got.tokens, lib.tokens);
    assert.equal(got.includeModerated, false);

    // Labels (a Neuronpedia export) beside the SAE, and the best feature moderated.
    const [best, second] = lib.features;
    const labels = `${dir}/labels.jsonl`, moderated = `${dir}/moderated.txt`;
    await Deno.writeTextFile(
      labels,
      [
        {
          modelId: "stories260K",
          layer: "2-res",
          index: String(second.feature),
          description: "balls",
        },
        {
          modelId: "stories260K",
          layer: "2-res",
          index: String(best.feature),
          description: "toys",
        },
      ].map((r) => JSON.stringify(r)).join("\n"),
    );
    await Deno.writeTextFile(moderated, `# hidden\n${best.feature}\n`);
    const args = [
      "features",
      "search",
      ...common,
      ...TEXTS.flatMap((t) => ["--text", t]),
      "--background",
      bg,
      "--top",
      "5",
      "--labels",
      labels,
      "--moderated",
      moderated,
    ];
    const hidden = await loupe(...args, "--json");
    assert.equal(hidden.code, 0, hidden.stderr);
    const h = JSON.parse(hidden.stdout);
    assert.equal(h.features[0].feature, second.feature);
    assert.equal(h.features[0].label, "balls");
    assert.ok(!h.features.some((f: { feature: number }) => f.feature === best.feature));
    // Opted in (the JSON marks are tested on the library, tests/sae/search_test.ts).
    const text = await loupe(...args, "--include-moderated");
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /moderated features included/);
    assert.match(
      text.stdout,
      new RegExp(`^\\s+1\\s+${best.feature}\\s.*\\[moderated\\] "toys"$`, "m"),
    );

    // Contrast of a text file against a JSON file of chats.
    const contrast = await loupe(
      "features",
      "contrast",
      ...common,
      "--a",
      a,
      "--b",
      b,
      "--top",
      "3",
      "--json",
    );
    assert.equal(contrast.code, 0, contrast.stderr);
    const c = JSON.parse(contrast.stdout);
    for (const side of ["a", "b"] as const) {
      assert.deepEqual(
        c[side].map((f: { feature: number }) => f.feature),
        libContrast[side].map((f) => f.feature),
      );
      c[side].forEach((f: { t: number }, i: number) =>
        assert.ok(Math.abs(f.t - libContrast[side][i].t) < 1e-6)
      );
    }
    // `loupe features` per token prints labels too (a plain map labelling every feature).
    const all = `${dir}/all.json`;
    await Deno.writeTextFile(
      all,
      JSON.stringify(Object.fromEntries(Array.from({ length: 1024 }, (_, i) => [i, `f${i}`]))),
    );
    const per = await loupe("features", ...common, "--prompt", TEXTS[0], "--labels", all, "--json");
    assert.equal(per.code, 0, per.stderr);
    for (const r of JSON.parse(per.stdout).features) {
      for (const f of r.top) assert.equal(f.label, `f${f.feature}`);
    }
    // Usage errors exit 2.
    const bad = await loupe("features", "contrast", ...common, "--a", a);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /needs --a FILE and --b FILE/);
    await Deno.remove(model, { recursive: true });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loupe features search --variant reads the steered model; plan --variant checks the file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const edits = [{ feature: 989, add: 6 }, { feature: 12, mul: 0 }];
    const variantFile = `${dir}/v.json`;
    await Deno.writeTextFile(
      variantFile,
      variantToJson(variantFromEdits({
        baseModel: "stories260K",
        sae: { id: SAE, layer: LAYER, dSae: 1024 },
        edits,
        abortWhen: [],
      })),
    );
    const gpu = await testGpu();
    const engine = await Engine.load(DEFAULT_MODEL, { gpu });
    const sae = await Sae.load(SAE, engine);
    const site = attachSae(engine, LAYER, sae);
    const plain = await site.search(TEXTS, { top: 5 });
    const steered = await site.search(TEXTS, { top: 5, interventions: site.steer(edits) });
    site.detach();
    sae.dispose();
    engine.dispose();
    // Feature 989, nudged everywhere, now fires on every token.
    assert.ok(steered.features.some((f) => f.feature === 989), "989 ranks once steered");
    assert.notDeepEqual(steered.features, plain.features);

    const args = ["--sae", SAE, "--layer", LAYER, "--variant", variantFile];
    const r = await loupe(
      "features",
      "search",
      ...args,
      ...TEXTS.flatMap((t) => ["--text", t]),
      "--top",
      "5",
      "--json",
    );
    assert.equal(r.code, 0, r.stderr);
    const got = JSON.parse(r.stdout);
    assert.deepEqual(
      got.features.map((f: { feature: number }) => f.feature),
      steered.features.map((f) => f.feature),
    );
    const plan = await loupe("plan", "--model", `${DEFAULT_MODEL}/config.json`, ...args);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /^variant: 2 edits, 0 abort conditions for stories260K/m);
    const wrong = await loupe(
      "plan",
      "--model",
      `${DEFAULT_MODEL}/config.json`,
      "--sae",
      SAE,
      "--layer",
      "model.layers.3",
      "--variant",
      variantFile,
    );
    assert.equal(wrong.code, 2, wrong.stderr);
    assert.match(
      wrong.stderr,
      /the variant is for model\.layers\.2, but the SAE is attached to model\.layers\.3/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
