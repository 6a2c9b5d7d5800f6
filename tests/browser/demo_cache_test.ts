// The demo's OPFS weight cache, in Chromium: the first load of the served
// stories260K (f32, then q8) saves each format's container to the cache; a
// reload at q8 loads from the cache (no GET of model.safetensors, only HEADs
// that check its ETag), says so, and generates the first load's greedy
// tokens; the "Cached models" card lists both entries with their sizes, and
// Delete removes one; a simulated QuotaExceededError while saving q4 shows
// the message, leaves no entry, and the model still generates. Any console
// error fails it; a screenshot per step goes to a temporary folder.
// Locally, no Chromium or no WebGPU adapter skips it; in CI either is a failure.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { startDemo } from "../../demo/demo.ts";
import { modelPath } from "../util/fixtures.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";

const QUERY = "max=10&corpus=2&corpusTokens=16&tokens=1,403,407";

type Demo = { loupeDemo: { lastIds(): number[] | null } };

const text = (page: Page, sel: string) => page.$eval(sel, (e) => e.textContent ?? "");

async function ready(page: Page) {
  await page.waitForFunction(
    () => document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden,
    { timeout: 90_000, polling: 100 },
  );
}

/** Waits for the cache status to reach `state` (hit, saved, full, error); returns its text. */
async function cacheState(page: Page, state: string): Promise<string> {
  await page.waitForFunction(
    (s) => {
      const e = document.getElementById("weight-cache-status");
      return e && (e.dataset.state === s || e.dataset.state === "error");
    },
    { timeout: 120_000, polling: 100 },
    state,
  );
  const got = await page.$eval("#weight-cache-status", (e) => (e as HTMLElement).dataset.state);
  const said = await text(page, "#weight-cache-status");
  assert.equal(got, state, `cache status: ${said}`);
  return said;
}

async function generate(page: Page): Promise<number[]> {
  const before = await page.evaluate(() => Number(document.body.dataset.generations ?? 0));
  await page.click("#generate");
  await page.waitForFunction(
    (k) => Number(document.body.dataset.generations ?? 0) > k,
    { timeout: 60_000, polling: 100 },
    before,
  );
  return await page.evaluate(() => (globalThis as unknown as Demo).loupeDemo.lastIds()!);
}

/** The listed entries: format and bytes, after the list has `count` rows. */
async function entries(page: Page, count: number) {
  await page.waitForFunction(
    (n) => document.querySelectorAll("#weight-cache-list .cache-entry").length === n,
    { timeout: 20_000, polling: 100 },
    count,
  );
  return await page.$$eval("#weight-cache-list .cache-entry", (rows) =>
    rows.map((r) => ({
      format: r.children[1].textContent,
      bytes: Number((r as HTMLElement).dataset.bytes),
      size: r.querySelector(".cache-size")!.textContent,
    })));
}

/**
 * A q8 container of the bundled model, written in Deno and served alone: the
 * first load saves it to the cache (its URL's folder is where the recorder
 * hashes what is fetched; under the file's own URL nothing matched, and a
 * served container was never cached), the reload is a hit with no GET of it.
 */
async function containerCached(page: Page, requests: string[]) {
  const dir = await Deno.makeTempDir({ prefix: "loupe-demo-cache-container-" });
  const file = `${dir}/stories-q8.loupe.safetensors`;
  // Converted in a process of its own: this one keeps no WebGPU device of Deno's.
  const convert = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("../../demo/cli.ts", import.meta.url).pathname,
      "convert",
      "--model",
      modelPath("stories260K"),
    ]
      .concat(["--quant", "q8", "--out", file]),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const said = new TextDecoder().decode(convert.stderr);
  assert.ok(convert.success, `loupe convert failed: ${said}`);
  const server = await startDemo({ port: 0, model: file });
  await esbuild.stop();
  try {
    await page.goto(`${server.url}/?${QUERY}`, { waitUntil: "load" });
    await ready(page);
    assert.match(await cacheState(page, "saved"), /Saved to the browser cache/);
    requests.length = 0;
    await page.reload({ waitUntil: "load" });
    await ready(page);
    // Listed in the container's own format (the page was asked for none: f32 by default).
    assert.match(
      await cacheState(page, "hit"),
      /Loaded from the browser cache: .*stories-q8.* \(q8\)/,
    );
    assert.match(await text(page, "#names"), /stories-q8\.loupe\.safetensors \(q8\)/);
    const gets = requests.filter((r) => /^GET .*\.safetensors$/.test(r));
    assert.deepEqual(gets, [], "no weight file fetched");
    assert.ok((await generate(page)).length > 3, "the cached container generates");
  } finally {
    await server.close();
    await Deno.remove(dir, { recursive: true });
  }
}

async function run(chromium: string) {
  const server = await startDemo({ port: 0 });
  await esbuild.stop();
  const shots = await Deno.makeTempDir({ prefix: "loupe-demo-cache-shots-" });
  let browser: Browser | null = null;
  const errors: string[] = [];
  const requests: string[] = [];
  try {
    const launched = await launchDemoPage(chromium, errors);
    browser = launched.browser;
    const page = launched.page;
    page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    let step = 0;
    const shot = (name: string) =>
      page.screenshot({ path: `${shots}/${++step}-${name}.png`, fullPage: true });

    // 1. First loads: f32, then q8; each saves its container.
    await page.goto(`${server.url}/?${QUERY}`, { waitUntil: "load" });
    await ready(page);
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      await shot("no-webgpu");
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo-cache SKIPPED: ${nogpu} (screenshot in ${shots})`);
      return;
    }
    assert.match(await cacheState(page, "saved"), /Saved to the browser cache: [\d.]+ [kM]B/);
    await page.goto(`${server.url}/?${QUERY}&quant=q8`, { waitUntil: "load" });
    await ready(page);
    assert.match(await cacheState(page, "saved"), /Saved to the browser cache/);
    const first = await generate(page);
    assert.ok(first.length > 3, `tokens: ${first}`);
    const listed = await entries(page, 2);
    assert.deepEqual(listed.map((e) => e.format).sort(), ["f32", "q8"]);
    const f32 = listed.find((e) => e.format === "f32")!,
      q8 = listed.find((e) => e.format === "q8")!;
    assert.ok(q8.bytes > 0 && q8.bytes < f32.bytes / 2, JSON.stringify(listed));
    assert.match(q8.size!, /^[\d.]+ [kM]B$/);
    await shot("first-load-saved");

    // 2. Reload at q8: from the cache, no weights fetched, same greedy tokens.
    requests.length = 0;
    await page.reload({ waitUntil: "load" });
    await ready(page);
    assert.match(await cacheState(page, "hit"), /Loaded from the browser cache: .* \(q8\)/);
    const second = await generate(page);
    assert.deepEqual(second, first, "greedy tokens from the cache equal the first load's");
    const weightGets = requests.filter((r) => /^GET .*\.safetensors$/.test(r));
    assert.deepEqual(weightGets, [], "no weight file fetched");
    assert.ok(
      requests.some((r) => /^HEAD .*model\.safetensors$/.test(r)),
      `the cache checks the file's validator: ${requests.join(", ")}`,
    );
    await shot("second-load-from-cache");

    // 3. Delete the q8 entry: the f32 one stays.
    await page.$$eval("#weight-cache-list .cache-entry", (rows) => {
      const row = rows.find((r) => r.children[1].textContent === "q8")!;
      (row.querySelector(".cache-delete") as HTMLButtonElement).click();
    });
    assert.deepEqual((await entries(page, 1)).map((e) => e.format), ["f32"]);
    await shot("deleted-q8");

    // 4. A full quota while saving q4: the message, no entry left, the model still works.
    const quotaFull = await page.evaluateOnNewDocument(() => {
      const original = FileSystemFileHandle.prototype.createWritable;
      FileSystemFileHandle.prototype.createWritable = async function (
        this: FileSystemFileHandle,
        ...args: Parameters<typeof original>
      ) {
        const w = await original.apply(this, args);
        if (!this.name.endsWith(".loupe.safetensors")) return w;
        // A stream in front of the file's: past 64 kB, writes fail as a full quota does.
        let written = 0;
        return new WritableStream<Uint8Array>({
          async write(chunk) {
            if ((written += chunk.byteLength) > 64 * 1024) {
              await w.abort(); // as a real stream does when the quota runs out
              throw new DOMException("simulated: the quota is exceeded", "QuotaExceededError");
            }
            await w.write(chunk as Uint8Array<ArrayBuffer>);
          },
          close: () => w.close(),
          abort: (reason) => w.abort(reason),
        }) as unknown as FileSystemWritableFileStream;
      };
    });
    await page.goto(`${server.url}/?${QUERY}&quant=q4`, { waitUntil: "load" });
    await ready(page);
    assert.match(
      await cacheState(page, "full"),
      /Not cached: the browser's storage quota ran out .*QuotaExceeded|simulated/,
    );
    assert.deepEqual((await entries(page, 1)).map((e) => e.format), ["f32"]);
    const files = await page.evaluate(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(
        "loupe-weights",
      );
      const names: string[] = [];
      for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
        names.push(name);
      }
      return names;
    });
    assert.equal(files.length, 2, `only the f32 entry and container are left: ${files}`);
    const uncached = await generate(page);
    assert.ok(uncached.length > 3, `q4 tokens: ${uncached}`);
    await shot("quota-full");

    // 5. A served container (deno task demo --model FILE.loupe.safetensors): saved, then a hit.
    await page.removeScriptToEvaluateOnNewDocument(quotaFull.identifier);
    await containerCached(page, requests);
    await shot("container-from-cache");

    assert.deepEqual(errors, [], "no console errors");
    console.log(`  demo-cache: screenshots: ${shots}`);
  } catch (e) {
    console.log(`  screenshots so far: ${shots}; console errors: ${JSON.stringify(errors)}`);
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

chromiumTest(
  "demo cache",
  "demo cache: weights cached in OPFS, reloaded without fetching them, deleted, quota full [chromium]",
  run,
);
