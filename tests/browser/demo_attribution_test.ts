// The demo's gradient views in Chromium, driven like a user: generate, click a
// generated token -> the features that drove it (top entry and value equal to
// featureAttribution in Deno for the same prefix and token); compute the
// prompt's attribution graph -> the kept node and link counts equal the
// library's graph (attributionGraph + attributionGraphJson) in Deno; click a
// graph node -> its details. Any console error fails it; a screenshot per step
// goes to a temporary folder, printed at the end. Locally, no Chromium or no
// WebGPU adapter skips it; in CI (CI=true) either fails.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { DEFAULT_MODEL, DEFAULT_SAE, startDemo } from "../../demo/demo.ts";
import { Engine } from "../../engine/engine.ts";
import { attachSae, Sae } from "../../sae/mod.ts";
import { featureAttribution } from "../../sae/attribution.ts";
import { attributionGraph } from "../../sae/attribution_graph.ts";
import { attributionGraphJson } from "../../sae/attribution_graph_json.ts";
import { testGpu } from "../util/gpu.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";

const LAYER = "model.layers.2";
const PROMPT = [1, 403, 407, 261, 378];

/** What the library computes in Deno for the page's token and prompt. */
async function expected(ids: number[], pos: number) {
  const gpu = await testGpu();
  const engine = await Engine.load(DEFAULT_MODEL, { gpu });
  const sae = await Sae.load(`${DEFAULT_SAE}/goodfire.pth`, engine, { module: LAYER });
  const site = attachSae(engine, LAYER, sae);
  try {
    const r = await featureAttribution(site, ids.slice(0, pos), { target: ids[pos] });
    const a = await r.attribution.toArray();
    r.dispose();
    let best = 0;
    for (let i = 1; i < a.length; i++) if (Math.abs(a[i]) > Math.abs(a[best])) best = i;
    const t0 = performance.now();
    const g = await attributionGraph([site], PROMPT);
    const ms = performance.now() - t0;
    const doc = attributionGraphJson(g);
    return {
      top: { position: Math.floor(best / sae.dSae), feature: best % sae.dSae, value: a[best] },
      nodes: doc.nodes.length,
      links: doc.links.length,
      total: g.nodes.length,
      target: g.target,
      ms,
    };
  } finally {
    site.detach();
    sae.dispose();
    engine.dispose();
  }
}

async function run(chromium: string) {
  const times: string[] = [];
  const lap = (what: string, since: number) =>
    times.push(`${what} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  let t = performance.now();
  const server = await startDemo({ port: 0 });
  await esbuild.stop();
  lap("build and serve", t);
  const shots = await Deno.makeTempDir({ prefix: "loupe-demo-attribution-shots-" });
  let browser: Browser | null = null;
  const errors: string[] = [];
  try {
    const launched = await launchDemoPage(chromium, errors);
    browser = launched.browser;
    const page: Page = launched.page;
    let step = 0;
    const shot = async (name: string, card: string) => {
      await page.$eval(card, (e) => e.scrollIntoView());
      await page.screenshot({ path: `${shots}/${++step}-${name}.png` });
    };
    t = performance.now();
    await page.goto(`${server.url}/?tokens=${PROMPT.join(",")}&max=6&corpus=0`, {
      waitUntil: "load",
    });
    await page.waitForFunction(
      () => document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden,
      { timeout: 60_000 },
    );
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo attribution SKIPPED: ${nogpu}`);
      return;
    }
    lap("load", t);

    // 1. Generate, click the second generated token: what drove it.
    t = performance.now();
    await page.click("#generate");
    await page.waitForFunction(() => document.body.dataset.generations === "1", {
      timeout: 60_000,
    });
    const ids = await page.evaluate(() =>
      (globalThis as unknown as { loupeDemo: { lastIds(): number[] } }).loupeDemo.lastIds()
    );
    const pos = PROMPT.length + 1;
    assert.ok(ids.length > pos, `generated ${ids.length - PROMPT.length} tokens`);
    const want = expected(ids, pos);
    want.catch(() => {}); // awaited below
    await page.click(`#strip .tok[data-pos="${pos}"]`);
    await page.waitForSelector(`#token-attribution[data-ready][data-token="${pos}"]`, {
      timeout: 60_000,
    });
    lap("generate and attribute", t);
    const rows = await page.$$eval("#token-attribution .bar-row", (e) =>
      e.map((r) => {
        const d = (r as HTMLElement).dataset;
        return { feature: Number(d.feature), position: Number(d.position), value: Number(d.value) };
      }));
    assert.ok(rows.length > 0, "no attribution rows");
    for (let i = 1; i < rows.length; i++) {
      assert.ok(Math.abs(rows[i - 1].value) >= Math.abs(rows[i].value), "rows sorted by |value|");
    }
    await shot("token-attribution", "#strip-card");

    // 1b. A costly attribution (as at 8B) waits for a click; then it runs.
    await page.evaluate(() =>
      (globalThis as unknown as { loupeDemo: { attributeAtOnce(f: number): void } }).loupeDemo
        .attributeAtOnce(0)
    );
    await page.click(`#strip .tok[data-pos="${pos - 1}"]`);
    await page.waitForSelector("#token-attribution[data-deferred] #attribute-token");
    assert.match(
      await page.$eval("#token-attribution", (e) => e.textContent ?? ""),
      /about [\d.]+ [GT]FLOP/,
    );
    await shot("token-attribution-deferred", "#strip-card");
    await page.click("#attribute-token");
    await page.waitForSelector(`#token-attribution[data-ready][data-token="${pos - 1}"]`, {
      timeout: 60_000,
    });

    // 2. The prompt's attribution graph.
    t = performance.now();
    await page.click("#graph-run");
    await page.waitForSelector("#graph-card[data-ready]", { timeout: 300_000 });
    lap("graph in the page", t);
    const card = await page.$eval("#graph-card", (e) => ({ ...(e as HTMLElement).dataset }));
    const drawn = await page.$$eval("#graph-view .graph-node", (e) => e.length);
    const lines = await page.$$eval("#graph-view line", (e) => e.length);
    await shot("graph", "#graph-card");

    // 3. Click a feature node: its details.
    await page.click("#graph-view .graph-node.type-cross");
    await page.waitForSelector("#graph-details[data-node]");
    const details = await page.$eval("#graph-details", (e) => e.textContent ?? "");
    assert.match(details, /feature #\d+ .*at position \d+/);
    assert.match(details, /strongest (inputs|outputs):/);
    await shot("graph-node", "#graph-card");

    const w = await want;
    // SwiftShader vs llvmpipe: f32 sums in another order (seen ~1e-6 relative).
    const top = rows[0];
    assert.deepEqual([top.position, top.feature], [w.top.position, w.top.feature], "top entry");
    const tol = 1e-3 * Math.max(Math.abs(w.top.value), 1e-3);
    assert.ok(Math.abs(top.value - w.top.value) <= tol, `top value ${top.value} vs ${w.top.value}`);
    assert.equal(Number(card.target), w.target, "graph target");
    assert.equal(Number(card.total), w.total, "unpruned node count");
    assert.equal(Number(card.nodes), w.nodes, "kept nodes");
    assert.equal(Number(card.links), w.links, "kept links");
    assert.equal(drawn, w.nodes, "drawn nodes");
    assert.equal(lines, w.links, "drawn edges");
    assert.deepEqual(errors, [], "no console errors");
    console.log(
      `  demo attribution: ${times.join(", ")}; graph ${w.total} nodes -> ${w.nodes} kept, ` +
        `${w.links} links; Chromium ${card.ms} ms, Deno ${w.ms.toFixed(0)} ms; top ` +
        `#${top.feature}@${top.position} ${top.value} (Deno ${w.top.value})\n  screenshots: ${shots}`,
    );
  } catch (e) {
    console.log(
      `  ${times.join(", ")}\n  screenshots so far: ${shots}; errors: ${JSON.stringify(errors)}`,
    );
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

chromiumTest(
  "demo attribution",
  "demo: token attribution and the attribution graph (bundled model) [chromium]",
  run,
);
