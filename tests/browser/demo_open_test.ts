// The demo's "open a model" path and its device-loss recovery, in Chromium:
// the served stories260K generates greedily; a simulated device loss
// (device.destroy() through the page's test hook) replaces the page with a
// message naming the reason and the adapter limits, and its "Reload with q8"
// button loads the model again at q8, which generates; then the picker
// (?open=1) opens the same model and SAE from local files through the file
// inputs (the SAE in q8 through the picker's SAE format), and greedy generation
// gives the served model's tokens. Any console
// error fails it; a screenshot per step goes to a temporary folder.
// Locally, no Chromium or no WebGPU adapter skips it; in CI either is a failure.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, ElementHandle, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { startDemo } from "../../demo/demo.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";
import { FIXTURES } from "../util/fixtures.ts";

const MODEL = `${FIXTURES}models/stories260K`;
const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"];
const SAE_FILE = `${FIXTURES}saes/stories260K-layer2/goodfire.pth`;
const QUERY = "max=10&corpus=2&corpusTokens=16";

type Demo = {
  loupeDemo: {
    lastIds(): number[] | null;
    loseDevice(): void;
    session: { sae: { quant: string } };
  };
};

const text = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? "");

async function ready(page: Page) {
  await page.waitForFunction(
    () =>
      document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden ||
      document.body.dataset.picker === "true" || document.body.dataset.lost === "true",
    { timeout: 60_000, polling: 100 },
  );
}

/** Clicks Generate and returns the token ids (prompt + greedy continuation). */
async function generate(page: Page): Promise<number[]> {
  const before = await page.evaluate(() => Number(document.body.dataset.generations ?? 0));
  await page.click("#generate");
  await page.waitForFunction(
    (k) => Number(document.body.dataset.generations ?? 0) > k,
    { timeout: 60_000, polling: 100 },
    before,
  );
  await page.waitForFunction(() => document.getElementById("feature-panel")!.dataset.ready);
  return await page.evaluate(() => (globalThis as unknown as Demo).loupeDemo.lastIds()!);
}

async function run(chromium: string) {
  const server = await startDemo({ port: 0 });
  await esbuild.stop();
  const shots = await Deno.makeTempDir({ prefix: "loupe-demo-open-shots-" });
  const tmp = await Deno.makeTempDir({ prefix: "loupe-demo-open-files-" });
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
    const shot = (name: string) =>
      page.screenshot({ path: `${shots}/${++step}-${name}.png`, fullPage: true });

    // 1. The served model: greedy tokens to compare against.
    let t = performance.now();
    await page.goto(`${server.url}/?${QUERY}`, { waitUntil: "load" });
    await ready(page);
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      await shot("no-webgpu");
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo-open SKIPPED: ${nogpu} (screenshot in ${shots})`);
      return;
    }
    assert.match(await text(page, "#names"), /^stories260K \(f32\) · SAE/);
    const served = await generate(page);
    assert.ok(served.length > 10, `served tokens: ${served}`);
    lap("served load + generate", t);
    await shot("served");

    // 2. Device loss: the message, then a reload at q8 that generates.
    t = performance.now();
    await page.evaluate(() => (globalThis as unknown as Demo).loupeDemo.loseDevice());
    await page.waitForFunction(() => document.body.dataset.lost === "true", { timeout: 20_000 });
    const lost = await text(page, "#lost");
    assert.match(lost, /The GPU device was lost/);
    assert.match(lost, /WebGPU reported: destroyed/);
    assert.match(lost, /max buffer \d+ MiB, max storage binding \d+ MiB/);
    assert.match(lost, /The model held [\d.]+ [kM]B of weights/);
    assert.match(lost, /Reload with q8 weights/);
    await shot("device-lost");
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.click('#lost button.reload[data-params*="q8"]'),
    ]);
    await ready(page);
    assert.match(page.url(), /quant=q8/);
    assert.match(await text(page, "#names"), /^stories260K \(q8\) · SAE/);
    const q8 = await generate(page);
    assert.ok(q8.length > 10, `q8 tokens: ${q8}`);
    lap("device loss + q8 reload + generate", t);
    await shot("reloaded-q8");

    // 3. The picker: the same model and SAE from local files.
    t = performance.now();
    await page.goto(`${server.url}/?open=1&${QUERY}`, { waitUntil: "load" });
    await ready(page);
    assert.equal(await page.evaluate(() => document.body.dataset.picker), "true");
    await shot("picker");
    // A directory input takes a folder: Chromium lists it and sets webkitRelativePath.
    const picked = `${tmp}/stories260K`;
    await Deno.mkdir(picked);
    for (const f of MODEL_FILES) await Deno.copyFile(`${MODEL}/${f}`, `${picked}/${f}`);
    const folder = (await page.$("#open-model-folder")) as ElementHandle<HTMLInputElement>;
    await folder.uploadFile(picked);
    const saeInput = (await page.$("#open-sae-files")) as ElementHandle<HTMLInputElement>;
    await saeInput.uploadFile(SAE_FILE);
    // The change event that records the files may land after uploadFile returns.
    await page.waitForFunction(() =>
      document.getElementById("open-model-picked")!.textContent &&
      document.getElementById("open-sae-picked")!.textContent, { timeout: 10_000 });
    assert.match(
      await text(page, "#open-model-picked"),
      /^local folder stories260K: 4 files, 1\.\d MB$/,
    );
    assert.match(await text(page, "#open-sae-picked"), /^local files: 1 file, /);
    // The SAE in q8 (the format the full-size run uses): the same greedy tokens (no edits).
    await page.select("#open-sae-quant", "q8");
    await shot("picked");
    await page.click("#open-load");
    await shot("loading-local");
    await ready(page);
    assert.equal(await page.evaluate(() => document.body.dataset.ready), "true");
    assert.match(
      await text(page, "#names"),
      /^local folder stories260K \(f32\) · SAE local files on model\.layers\.2/,
    );
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as Demo).loupeDemo.session.sae.quant),
      "q8",
    );
    const local = await generate(page);
    assert.deepEqual(local, served, "greedy tokens from local files equal the served model's");
    lap("picker load + generate", t);
    await shot("local-generated");

    assert.deepEqual(errors, [], "no console errors");
    lap("total", t0);
    console.log(`  demo-open: ${times.join(", ")}\n  screenshots: ${shots}`);
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
    await Deno.remove(tmp, { recursive: true });
  }
}

chromiumTest(
  "demo open",
  "demo open: device loss recovered at q8, model and SAE from local files [chromium]",
  run,
);
