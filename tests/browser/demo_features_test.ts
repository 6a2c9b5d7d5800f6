// The demo's feature tools in Chromium, driven like a user: search by example
// (the top feature and its score equal what sae/search.ts computes in Deno for
// the same texts against the same built-in background), a clicked result opens
// its dashboard, labels loaded from a file name the results and are searchable,
// contrast ranks both directions (sorted, top of each side equal to Deno's),
// and a steering variant saved to a file and loaded back restores the same
// edits and the same steered text. Any console error fails it. A screenshot
// per step goes to a temporary folder, printed at the end. Locally, no
// Chromium or no WebGPU adapter skips it; in CI (CI=true) either fails.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { DEFAULT_MODEL, DEFAULT_SAE, parseDemoArgs, startDemo } from "../../demo/demo.ts";
import { BUILTIN_BACKGROUND, corpusStats } from "../../demo/web/background.ts";
import type { Corpus } from "../../demo/web/corpus.ts";
import { Engine } from "../../engine/engine.ts";
import { attachSae, parseVariant, Sae, statsOfFeatures } from "../../sae/mod.ts";
import { testGpu } from "../util/gpu.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";

const LAYER = "model.layers.2";
/** No corpus: it would only share the GPU here (search uses the built-in background). */
const CORPUS = "corpus=0";

const SEARCH_TEXTS = [
  "Lily had a red ball. She liked to play with the ball.",
  "Tom threw the ball to his dog.",
];
const SET_A = ["The dog ran to the park.", "The big dog barked at the cat.", "Max the dog ran."];
const SET_B = ["Mom baked a cake.", "The girl ate a sweet cookie.", "They had soup for dinner."];

/** |got - want| <= rel * max(|want|, 1e-2): the two adapters round differently. */
function close(what: string, got: number, want: number, rel = 1e-3) {
  const allowed = rel * Math.max(Math.abs(want), 1e-2);
  assert.ok(Math.abs(got - want) <= allowed, `${what}: page ${got}, Deno ${want} (±${allowed})`);
}

/** What the library computes in Deno for the page's inputs (same model, SAE and texts). */
async function expected() {
  const gpu = await testGpu();
  const engine = await Engine.load(DEFAULT_MODEL, { gpu });
  try {
    const sae = await Sae.load(`${DEFAULT_SAE}/goodfire.pth`, engine, { module: LAYER });
    const site = attachSae(engine, LAYER, sae);
    const search = await site.search(SEARCH_TEXTS, { background: BUILTIN_BACKGROUND, top: 5 });
    const contrast = await site.contrast(SET_A, SET_B, { top: 5 });
    sae.dispose();
    return { search, contrast };
  } finally {
    engine.dispose();
  }
}

/** Rows of a ranked table: feature index, full-precision score, label cell. */
function rows(page: Page, sel: string) {
  return page.$$eval(
    `${sel} tr.result-row`,
    (e) =>
      e.map((r) => ({
        feature: Number((r as HTMLElement).dataset.feature),
        score: Number((r as HTMLElement).dataset.score),
        label: r.querySelector(".label-col")?.textContent ?? "",
      })),
  );
}

function assertSorted(what: string, scores: number[], sign: 1 | -1) {
  for (let i = 1; i < scores.length; i++) {
    assert.ok(sign * (scores[i - 1] - scores[i]) >= 0, `${what}: not sorted at ${i}: ${scores}`);
  }
}

async function setText(page: Page, id: string, value: string) {
  await page.$eval(`#${id}`, (e, v) => {
    (e as HTMLTextAreaElement).value = v as string;
    e.dispatchEvent(new Event("input"));
  }, value);
}

async function waitPanel(page: Page, feature: number) {
  await page.waitForFunction(
    (f) => {
      const p = document.getElementById("feature-panel")!;
      return p.dataset.feature === String(f) && p.dataset.ready === "true";
    },
    { timeout: 30_000 },
    feature,
  );
}

async function fileInput(page: Page, sel: string) {
  const input = await page.$(sel);
  assert.ok(input, `no ${sel} on the page`);
  return input as ElementHandle<HTMLInputElement>;
}

function demoEdits(page: Page) {
  return page.evaluate(() =>
    (globalThis as unknown as { loupeDemo: { edits(): unknown[] } }).loupeDemo.edits()
  );
}

/** Clicks "Generate with steering" and returns the steered text once the page is idle again. */
async function steer(page: Page): Promise<string> {
  const before = await page.evaluate(() => Number(document.body.dataset.generations ?? 0));
  await page.click("#steer-generate");
  await page.waitForFunction(
    (n) =>
      Number(document.body.dataset.generations ?? 0) > n &&
      !(document.getElementById("steer-generate") as HTMLButtonElement).disabled,
    { timeout: 60_000, polling: 100 },
    before,
  );
  return await page.$eval("#steered-text", (e) => e.textContent!);
}

/** Lets the browser download into `dir`, runs `click`, and returns the file it saved. */
async function download(browser: Browser, dir: string, click: () => Promise<void>) {
  const cdp = await browser.target().createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: dir });
  await click();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const done = [...Deno.readDirSync(dir)].find((e) => /^variant-.*\.json$/.test(e.name));
    if (done) return `${dir}/${done.name}`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no variant file downloaded into ${dir} within 10 s`);
}

async function run(chromium: string) {
  const t0 = performance.now();
  const times: string[] = [];
  // Computed while Chromium starts and loads the page (that is mostly waiting).
  const reference = expected().then((r) => {
    lap("Deno reference (alongside)", t0);
    return r;
  });
  reference.catch(() => {}); // awaited below; a failure before that must not go unhandled
  const lap = (what: string, since: number) =>
    times.push(`${what} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  const files = await Deno.makeTempDir({ prefix: "loupe-demo-features-files-" });
  // Served with the SAE (--labels); the page loads it at start.
  await Deno.writeTextFile(`${files}/served.json`, JSON.stringify({ "989": "story openings" }));
  let t = performance.now();
  const server = await startDemo({ port: 0, labels: `${files}/served.json` });
  await esbuild.stop();
  lap("build and serve", t);
  const shots = await Deno.makeTempDir({ prefix: "loupe-demo-features-shots-" });
  let browser: Browser | null = null;
  const errors: string[] = [];
  try {
    t = performance.now();
    const launched = await launchDemoPage(chromium, errors);
    browser = launched.browser;
    const page = launched.page;
    let step = 0;
    const shot = async (name: string, card: string) => {
      await page.$eval(card, (e) => e.scrollIntoView());
      await page.screenshot({ path: `${shots}/${++step}-${name}.png` });
    };

    lap("launch", t);
    t = performance.now();
    await page.goto(`${server.url}/?max=16&${CORPUS}`, { waitUntil: "load" });
    await page.waitForFunction(
      () => document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden,
      { timeout: 60_000 },
    );
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo features SKIPPED: ${nogpu}`);
      return;
    }
    lap("load", t);
    await page.waitForSelector("#labels-status[data-ready]");
    assert.match(
      await page.$eval("#labels-status", (e) => e.textContent!),
      /^1 label from sae\/labels\.json/,
    );

    // 1. Search by example against the built-in background: Deno's ranking.
    t = performance.now();
    await setText(page, "search-texts", SEARCH_TEXTS.join("\n"));
    await page.select("#search-background", "builtin");
    await page.click("#search-run");
    await page.waitForSelector("#search-results[data-ready]", { timeout: 90_000 });
    lap("search", t);
    const found = await rows(page, "#search-results");
    assert.ok(found.length > 0, "search: no results");
    assertSorted("search scores", found.map((r) => r.score), 1);
    const want = await reference;
    const best = want.search.features[0];
    assert.equal(found[0].feature, best.feature, "search: top feature differs from Deno's");
    close(`search: feature ${best.feature} log-odds`, found[0].score, best.logOdds);
    assert.match(await page.$eval("#search-status", (e) => e.textContent!), /16 built-in/);
    await page.click("#search-results tr.result-row");
    await waitPanel(page, best.feature);
    await shot("search", "#search-card");

    // 2. Labels from a file: shown in results and the dashboard, searchable by text.
    t = performance.now();
    const labelsFile = `${files}/labels.json`;
    await Deno.writeTextFile(
      labelsFile,
      JSON.stringify({ [best.feature]: "balls and playing catch", "3": "the word dog" }),
    );
    await fileInput(page, "#labels-file").then((input) => input.uploadFile(labelsFile));
    await page.waitForFunction(
      () =>
        /^2 labels from labels\.json/.test(document.getElementById("labels-status")!.textContent!),
    );
    await page.waitForFunction(
      () => document.querySelector("#feature-panel .feature-label")?.textContent !== "",
    );
    assert.equal(
      await page.$eval("#feature-panel .feature-label", (e) => e.textContent),
      "balls and playing catch",
    );
    await page.type("#label-query", "ball");
    await page.waitForSelector("#label-results[data-ready]");
    const byLabel = await rows(page, "#label-results");
    assert.deepEqual(byLabel.map((r) => r.feature), [best.feature]);
    await page.click("#search-run");
    await page.waitForSelector("#search-results[data-ready]", { timeout: 30_000 });
    assert.equal((await rows(page, "#search-results"))[0].label, "balls and playing catch");
    lap("labels and a second search", t);
    await shot("labels", "#search-card");

    // 3. Contrast: both directions, sorted, each side's top equal to Deno's.
    t = performance.now();
    await setText(page, "contrast-a", SET_A.join("\n"));
    await setText(page, "contrast-b", SET_B.join("\n"));
    await page.click("#contrast-run");
    await page.waitForSelector("#contrast-card[data-ready]", { timeout: 30_000 });
    lap("contrast", t);
    const a = await rows(page, "#contrast-results-a"), b = await rows(page, "#contrast-results-b");
    assert.ok(a.length > 0 && b.length > 0, `contrast: ${a.length} A and ${b.length} B rows`);
    assert.ok(a.every((r) => r.score > 0) && b.every((r) => r.score < 0), "contrast: signs");
    assertSorted("contrast A", a.map((r) => r.score), 1);
    assertSorted("contrast B", b.map((r) => r.score), -1);
    assert.equal(a[0].feature, want.contrast.a[0].feature, "contrast: top of A differs");
    assert.equal(b[0].feature, want.contrast.b[0].feature, "contrast: top of B differs");
    close("contrast: top of A's t", a[0].score, want.contrast.a[0].t);
    close("contrast: top of B's t", b[0].score, want.contrast.b[0].t);
    await shot("contrast", "#contrast-card");

    // 4. Variant: steer, save the edits to a file, clear them, load the file back.
    t = performance.now();
    const edits = [
      { feature: 989, mode: "add", value: 4 },
      { feature: 12, mode: "mul", value: 0.5 },
    ];
    for (const e of edits) {
      await page.$eval(
        "#new-edit-feature",
        (el, f) => (el as HTMLInputElement).value = f,
        String(e.feature),
      );
      await page.click("#add-edit");
      const row = `.edit-row[data-feature='${e.feature}']`;
      await page.select(`${row} .edit-mode`, e.mode);
      await page.$eval(`${row} .edit-value`, (el, v) => {
        (el as HTMLInputElement).value = v as string;
        el.dispatchEvent(new Event("input"));
      }, String(e.value));
    }
    assert.deepEqual(await demoEdits(page), edits);
    const steered = await steer(page);
    const plain = await page.$eval("#original-text", (e) => e.textContent!);
    assert.notEqual(steered, plain, "the edits change the completion");
    const saved = await download(browser, files, () => page.click("#variant-save"));
    const variant = parseVariant(await Deno.readTextFile(saved), saved);
    assert.equal(variant.base_model, "stories260K");
    assert.deepEqual(variant.sae, {
      id: "stories260K-layer2/goodfire.pth",
      layer: LAYER,
      d_sae: 1024,
    });
    assert.deepEqual(variant.edits, [
      { index_in_sae: 989, value: 4, mode: "nudge" },
      { index_in_sae: 12, value: 0.5, mode: "mul" },
    ]);
    assert.deepEqual(variant.abort_when, []);
    while ((await page.$$(".edit-remove")).length) await page.click(".edit-remove");
    assert.deepEqual(await demoEdits(page), []);
    await fileInput(page, "#variant-file").then((input) => input.uploadFile(saved));
    await page.waitForFunction(
      () => /^loaded 2 edits/.test(document.getElementById("variant-status")!.textContent!),
    );
    assert.deepEqual(await demoEdits(page), edits, "the loaded edits are the saved ones");
    assert.equal(await steer(page), steered, "the loaded variant steers to the same text");
    lap("variant (2 generations of 16 tokens)", t);
    await shot("variant", "#steer-card");
    // Variants the editor cannot apply as written are refused in the panel, edits kept.
    for (
      const [name, change, message] of [
        ["wide", { sae: { ...variant.sae, d_sae: 2048 } }, /d_sae 2048/],
        ["clamp", { edits: [{ index_in_sae: 5, value: 1, mode: "clamp" }] }, /mode clamp/],
      ] as const
    ) {
      const bad = `${files}/bad-${name}.json`;
      await Deno.writeTextFile(bad, JSON.stringify({ ...variant, ...change }));
      await fileInput(page, "#variant-file").then((input) => input.uploadFile(bad));
      await page.waitForSelector("#variant-status.error");
      assert.match(await page.$eval("#variant-status", (e) => e.textContent!), message);
      assert.deepEqual(await demoEdits(page), edits, `${name}: the edits are kept`);
      await page.$eval("#variant-status", (e) => e.classList.remove("error"));
    }
    await shot("variant-refused", "#steer-card");

    assert.deepEqual(errors, [], "no console errors");
    lap("total", t0);
    console.log(`  demo features: ${times.join(", ")}\n  screenshots: ${shots}`);
  } catch (e) {
    console.log(
      `  ${times.join(", ")}\n  screenshots so far: ${shots}; console errors: ${
        JSON.stringify(errors)
      }`,
    );
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    await Deno.remove(files, { recursive: true }).catch(() => {});
  }
}

Deno.test("demo server: --labels is parsed, and a missing labels file is refused before serving", async () => {
  assert.deepEqual(parseDemoArgs(["--labels", "l.json", "--port=0"]), {
    labels: "l.json",
    port: 0,
  });
  await assert.rejects(
    startDemo({ port: 0, labels: "/nonexistent/labels.json" }),
    /--labels \/nonexistent\/labels\.json: no such file/,
  );
});

Deno.test("demo: the page corpus's statistics equal statsOfFeatures of its dense features, BOS left out", () => {
  const d = 6;
  // Two stories' dense features [T, d] (row 0 is BOS), and the same kept sparse.
  const dense = [
    [[9, 0, 0, 1, 0, 0], [0, 2, 0, 0, 0, 0.5], [0, 0, 0, 0, 0, 0], [3, 1, 0, 0, 0, 0]],
    [[9, 0, 0, 0, 0, 4], [0, 0, 7, 0, 0, 0.25]],
  ];
  const stories = dense.map((rows) => {
    const start = [0], idx: number[] = [], val: number[] = [];
    for (const row of rows) {
      row.forEach((v, f) => v > 0 && (idx.push(f), val.push(v)));
      start.push(idx.length);
    }
    return {
      ids: rows.map((_, t) => t),
      start: Uint32Array.from(start),
      idx: Uint16Array.from(idx),
      val: Float32Array.from(val),
    };
  });
  const got = corpusStats({ stories } as unknown as Corpus, d);
  const want = statsOfFeatures(dense.map((rows) => Float32Array.from(rows.slice(1).flat())), d);
  assert.deepEqual(got, want);
  assert.equal(got.tokens, 4);
});

chromiumTest(
  "demo features",
  "demo: feature search, labels, contrast, variant save/load (bundled model) [chromium]",
  run,
);
