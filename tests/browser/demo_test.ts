// The demo end to end in Chromium: `startDemo()` (what `deno task demo` runs)
// serves the page, the model and the SAE; puppeteer drives it like a user and
// checks it against the fixtures: greedy text from "Once upon a time" equals
// llama2.c's, a clicked token lists its features, the SAE reference's steering
// edit (feature 989 add 4 at layer 2) gives the reference's steered text, and
// the feature map opens a feature on click. Any console error fails it. A
// screenshot per step goes to a temporary folder, printed at the end.
// Locally, no Chromium or no WebGPU adapter skips it; in CI (CI=true) either is
// a failure, as for the other browser tests.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { inferLayer, locateSae, parseDemoArgs, startDemo } from "../../demo/demo.ts";
import { formatFor } from "../../demo/web/cached_load.ts";
import { Tokenizer } from "../../engine/formats/tokenizer.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";
import { FIXTURES } from "../util/fixtures.ts";

const MODEL = `${FIXTURES}models/stories260K`;
const SAE_REF = `${FIXTURES}saes/stories260K-layer2/reference.json`;
/** A small corpus keeps the run short; the page's default is larger. */
const CORPUS = "corpus=4&corpusTokens=64";

interface Expected {
  greedyText: string;
  greedyTokens: number;
  steerPrompt: number[];
  steeredText: string;
  plainText: string;
}

async function expected(): Promise<Expected> {
  const runs = JSON.parse(await Deno.readTextFile(`${MODEL}/llama2c/greedy_reference.json`)).runs;
  const once = runs.find((r: { prompt: string }) => r.prompt === "Once upon a time");
  const ref = JSON.parse(await Deno.readTextFile(SAE_REF));
  const prompt: number[] = ref.prompt_tokens;
  const results = ref.results;
  const tok = Tokenizer.fromText(
    await Deno.readTextFile(`${MODEL}/tokenizer.json`),
    await Deno.readTextFile(`${MODEL}/tokenizer_config.json`),
    `${MODEL}/tokenizer.json`,
  );
  // The page shows a continuation as generate() streams it: decoded in the prompt's context.
  const continuation = (ids: number[]) => {
    const s = tok.decodeStream({ prompt, skipSpecialTokens: true });
    return ids.map((id) => s.push(id)).join("") + s.flush();
  };
  return {
    greedyText: (await Deno.readTextFile(`${MODEL}/llama2c/greedy_once_upon_a_time.txt`)).trim(),
    greedyTokens: once.token_ids.length - once.prompt_tokens.length,
    steerPrompt: prompt,
    steeredText: continuation(results.steer.greedy),
    plainText: continuation(results.noop.greedy),
  };
}

/**
 * Finds `selector` and clicks it in one page task, once it exists: the strip
 * and the feature lists are re-drawn (e.g. when the corpus finishes), so a
 * node puppeteer found may be detached by its click ("Node is either not
 * clickable", "Node is detached from document", each seen once in CI).
 */
async function clickInPage(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel: string) => {
      const node = document.querySelector<HTMLElement>(sel);
      node?.click();
      return node !== null;
    },
    {},
    selector,
  );
}

const text = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? "");
const count = (page: Page) => page.evaluate(() => Number(document.body.dataset.generations ?? 0));

async function waitGenerations(page: Page, n: number, timeout = 90_000) {
  await page.waitForFunction(
    (k) => Number(document.body.dataset.generations ?? 0) >= k,
    { timeout, polling: 100 },
    n,
  );
}

async function run(chromium: string) {
  const want = await expected();
  const server = await startDemo({ port: 0 });
  await esbuild.stop();
  const shots = await Deno.makeTempDir({ prefix: "loupe-demo-shots-" });
  let browser: Browser | null = null;
  const errors: string[] = [];
  const t0 = performance.now();
  const times: string[] = [];
  const lap = (what: string, since: number) =>
    times.push(`${what} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  try {
    const launched = await launchDemoPage(chromium, errors);
    browser = launched.browser;
    const page = launched.page;
    let step = 0;
    const shot = async (name: string) => {
      await page.screenshot({ path: `${shots}/${++step}-${name}.png`, fullPage: true });
    };

    // 1. Load: adapter shown, or WebGPU missing (skip locally, fail in CI).
    let t = performance.now();
    await page.goto(`${server.url}/?max=${want.greedyTokens}&${CORPUS}`, { waitUntil: "load" });
    await page.waitForFunction(
      () => document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden,
      { timeout: 60_000 },
    );
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      await shot("no-webgpu");
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo SKIPPED: ${nogpu} (screenshot in ${shots})`);
      return;
    }
    assert.match(await text(page, "#adapter"), /max binding \d+ MiB/);
    lap("load", t);
    await shot("loaded");

    // 2. Greedy generation from "Once upon a time" equals llama2.c's text.
    t = performance.now();
    await page.click("#generate");
    await waitGenerations(page, 1);
    lap(`greedy ${want.greedyTokens} tokens`, t);
    assert.equal((await text(page, "#output-text")).trim(), want.greedyText);
    const tokens = await page.$$eval("#strip .tok", (e) => e.length);
    assert.equal(tokens, 5 + want.greedyTokens, "strip: prompt + generated tokens");
    await page.waitForFunction(() => document.getElementById("feature-panel")!.dataset.ready);
    await shot("greedy");

    // 3. Click a token: its top features; clicking one opens its panel.
    await clickInPage(page, '#strip .tok[data-pos="12"]');
    await page.waitForSelector("#token-features .token-top .bar-row");
    const rows = await page.$$eval(
      "#token-features .token-top .bar-label",
      (e) => e.map((x) => x.textContent!),
    );
    assert.ok(rows.length > 0 && rows.every((r) => /^#\d+$/.test(r)), `features: ${rows}`);
    // Found and clicked in one page task: the list can be re-rendered between a
    // puppeteer query and its click ("Node is detached from document", seen once in CI).
    await page.waitForFunction(() => {
      const label = document.querySelector<HTMLElement>(
        "#token-features .token-top .bar-row .bar-label",
      );
      label?.click();
      return label !== null;
    });
    const opened = Number(rows[0].slice(1));
    await page.waitForFunction(
      (f) => {
        const p = document.getElementById("feature-panel")!;
        return p.dataset.feature === String(f) && p.dataset.ready === "true";
      },
      {},
      opened,
    );
    const up = await page.$$eval("#feature-panel .effects-up .bar-row", (e) => e.length);
    assert.equal(up, 10, "the panel lists the top 10 tokens the feature pushes up");
    await shot("token-features");

    // 4. Steering: the SAE reference's prompt (as token ids) with 989 add 4.
    t = performance.now();
    await page.evaluate((ids) => {
      const field = document.getElementById("prompt-ids") as HTMLInputElement;
      field.value = ids;
      field.dispatchEvent(new Event("change"));
      (document.getElementById("max-tokens") as HTMLInputElement).value = "32";
    }, want.steerPrompt.join(","));
    await page.$eval("#new-edit-feature", (e) => (e as HTMLInputElement).value = "989");
    await page.click("#add-edit");
    await page.$eval(".edit-row[data-feature='989'] .edit-value", (e) => {
      (e as HTMLInputElement).value = "4";
      e.dispatchEvent(new Event("input"));
    });
    const before = await count(page);
    await page.click("#steer-generate");
    await waitGenerations(page, before + 2);
    lap("plain + steered 32 tokens", t);
    assert.equal(await text(page, "#original-text"), want.plainText);
    assert.equal(await text(page, "#steered-text"), want.steeredText);
    await page.$eval("#steer-card", (e) => e.scrollIntoView());
    await shot("steered");

    // 5. The feature map: drawn, coloured once the corpus is in, a click opens a feature.
    t = performance.now();
    await page.waitForSelector("#corpus-status[data-ready]", { timeout: 90_000 });
    lap("corpus (from the start)", t0);
    await page.click("#map-open");
    await page.waitForSelector("#map[data-ready]", { timeout: 60_000 });
    lap("map", t);
    // Open another feature first (a token's top feature), then 989 from its point.
    await clickInPage(page, '#strip .tok[data-pos="3"]');
    await page.waitForSelector("#token-features .token-top .bar-row");
    await clickInPage(page, "#token-features .token-top .bar-row .bar-label");
    await page.$eval("#map", (e) => e.scrollIntoView({ block: "center" }));
    const [x, y] = await page.evaluate(() => {
      const demo = (globalThis as unknown as {
        loupeDemo: { mapPosition(f: number): [number, number] };
      }).loupeDemo;
      const canvas = document.getElementById("map")!;
      const r = canvas.getBoundingClientRect();
      const [px, py] = demo.mapPosition(989);
      return [r.left + canvas.clientLeft + px, r.top + canvas.clientTop + py];
    });
    await page.mouse.click(x, y);
    await page.waitForFunction(
      () => document.getElementById("feature-panel")!.dataset.feature === "989",
    );
    await page.waitForFunction(() => document.getElementById("feature-panel")!.dataset.ready);
    await page.$eval("#map-card", (e) => e.scrollIntoView());
    await shot("map");

    assert.deepEqual(errors, [], "no console errors");
    lap("total", t0);
    console.log(`  demo: ${times.join(", ")}\n  screenshots: ${shots}`);
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
  }
}

chromiumTest(
  "demo",
  "demo: generate, inspect a token, steer, feature map (fixtures) [chromium]",
  run,
);

Deno.test("demo server: flags, SAE location and layer, and only the page, model and SAE served", async () => {
  assert.deepEqual(parseDemoArgs(["--port", "0", "--host=::1", "--model", "m", "--sae", "s"]), {
    port: 0,
    host: "::1",
    model: "m",
    sae: "s",
  });
  assert.throws(() => parseDemoArgs(["--port", "x"]), /--port must be an integer/);
  assert.throws(() => parseDemoArgs(["--bogus"]), /unknown argument --bogus/);
  const dir = `${FIXTURES}saes/stories260K-layer2`;
  assert.deepEqual(locateSae(dir), { dir, entry: "goodfire.pth" });
  assert.deepEqual(locateSae(`${dir}/saelens`), { dir: `${dir}/saelens`, entry: "" });
  assert.deepEqual(locateSae(`${dir}/goodfire-f32.pth`), { dir, entry: "goodfire-f32.pth" });
  assert.equal(inferLayer(`${dir}/saelens`), "model.layers.2"); // cfg.json's hook_name
  assert.equal(inferLayer("/x/y", "model.layers.4"), "model.layers.4");
  assert.throws(() => inferLayer("/x/y"), /pass --layer/);

  const server = await startDemo({ port: 0 });
  await esbuild.stop();
  try {
    assert.equal(server.hostname, "127.0.0.1");
    const get = async (path: string) => {
      const r = await fetch(`${server.url}${path}`);
      await r.body?.cancel();
      return r.status;
    };
    const config = await (await fetch(`${server.url}/config.json`)).json();
    assert.deepEqual(config, {
      model: "model/",
      sae: "sae/goodfire.pth",
      layer: "model.layers.2",
      modelName: "stories260K",
      saeName: "stories260K-layer2/goodfire.pth",
    });
    for (const path of ["/", "/demo.js", "/style.css", "/model/config.json", "/sae/goodfire.pth"]) {
      assert.equal(await get(path), 200, path);
    }
    // fetch() may normalise some of these before sending; none may reach the file.
    for (
      const path of [
        "/model/%2e%2e/tinystories-656k/config.json",
        "/sae/..%2f..%2fFIXTURES.md",
        "/model/../../FIXTURES.md",
      ]
    ) {
      assert.ok([400, 404].includes(await get(path)), path);
    }
    assert.equal(await get("/fixtures/README.md"), 404);
  } finally {
    await server.close();
  }
  assert.equal(
    await Deno.stat(server.outdir).catch(() => null),
    null,
    "the build folder is removed",
  );
});

Deno.test("demo server: a *.loupe.safetensors --model is served alone, under its name", async () => {
  const dir = await Deno.makeTempDir({ prefix: "loupe-demo-container-" });
  const file = `${dir}/tiny-q4.loupe.safetensors`;
  await Deno.writeFile(file, new Uint8Array([1, 2, 3]));
  await Deno.writeTextFile(`${dir}/secret.txt`, "not served");
  await assert.rejects(
    () => startDemo({ port: 0, model: `${dir}/missing.loupe.safetensors` }),
    /not a model folder \(no config.json\) nor a \*\.loupe\.safetensors file/,
  );
  const server = await startDemo({ port: 0, model: file });
  await esbuild.stop();
  try {
    const config = await (await fetch(`${server.url}/config.json`)).json();
    assert.equal(config.model, "model/tiny-q4.loupe.safetensors");
    assert.equal(config.modelName, "tiny-q4.loupe.safetensors");
    const r = await fetch(`${server.url}/model/tiny-q4.loupe.safetensors`);
    assert.deepEqual(new Uint8Array(await r.arrayBuffer()), new Uint8Array([1, 2, 3]));
    for (const path of ["/model/secret.txt", "/model/config.json", "/model/"]) {
      const s = await fetch(`${server.url}${path}`);
      await s.body?.cancel();
      assert.equal(s.status, 404, path);
    }
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("demo page: a served container is loaded without a format, anything else with it", () => {
  assert.equal(formatFor("model/x.loupe.safetensors", "q4"), undefined);
  assert.equal(formatFor("model/X.LOUPE.SAFETENSORS", "q8"), undefined);
  assert.equal(formatFor("model/", "q4"), "q4");
  assert.equal(formatFor("hf:meta-llama/Llama-3.2-1B", "q8"), "q8");
});
