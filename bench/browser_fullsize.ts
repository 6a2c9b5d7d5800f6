// The full-size run of the demo page in headless Chromium (issue 17 item 6):
// the synthetic Llama-3.1-8B-Instruct checkpoint and its 65,536-feature layer-19
// SAE (`deno task scale` builds both) served by demo/demo.ts, loaded by the
// page at q4, one chat turn, the features of a token, a steering edit on the
// token's top feature and the steered reply to the same conversation. Prints
// load time, prefill and decode tokens/s, the adapter's and the device's
// limits, device bytes, JS heap, peak RSS of the Chromium processes and the
// OPFS quota; --json prints one {name, shape, format, adapter, figures,
// ratios} line at the end. Not a test: it takes tens of minutes on SwiftShader.
//
//   deno task bench-fullsize [--model DIR] [--sae FILE] [--layer NAME] [--quant q4]
//     [--sae-quant f32|q8] [--context N] [--max N] [--timeout-min N] [--json]
//
// Defaults: `deno task scale 8b`'s folder, its SAE on model.layers.19, q4, the
// SAE in f32 (q8 re-reads Goodfire's transposed decoder once per 256 MiB range
// of features, sae/upload.ts: 4 GiB more through fetch and SwiftShader's
// transpose), context 1024, 12 new tokens. The 2-layer slice (`deno task scale
// 8b-slice`): --model ~/.cache/loupe/synthetic/llama-3.1-8b-instruct-2-layers
// --sae that folder's sae/Llama-3.1-8B-Instruct-SAE-l19.pth --layer model.layers.1

/// <reference lib="dom" />

import * as esbuild from "esbuild";
import puppeteer, { type Page } from "puppeteer-core";
import { startDemo } from "../demo/demo.ts";
import { CHROMIUM_ARGS, findChromium } from "../tests/browser/harness.ts";
import { HeapSampler, ownNice, reniceTree, RssSampler, until } from "./browser_watch.ts";
import type { BenchResult } from "./result.ts";
import { syntheticRoot } from "./synthetic.ts";

interface Options {
  model: string;
  sae: string;
  layer: string;
  quant: string;
  saeQuant: string;
  context: number;
  max: number;
  timeoutMin: number;
  json: boolean;
}

const SYSTEM = "You are a helpful assistant.";
const USER = "Hello! Tell me one short fact about the Moon.";
const GIB = 2 ** 30;

function parseArgs(args: readonly string[]): Options {
  const dir = `${syntheticRoot()}/llama-3.1-8b-instruct`;
  const o: Options = {
    model: dir,
    sae: `${dir}/sae/Llama-3.1-8B-Instruct-SAE-l19.pth`,
    layer: "model.layers.19",
    quant: "q4",
    saeQuant: "f32",
    context: 1024,
    max: 12,
    timeoutMin: 120,
    json: false,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    switch (flag) {
      case "--model":
        o.model = value();
        break;
      case "--sae":
        o.sae = value();
        break;
      case "--layer":
        o.layer = value();
        break;
      case "--quant":
        o.quant = value();
        break;
      case "--sae-quant":
        o.saeQuant = value();
        break;
      case "--context":
        o.context = Number(value());
        break;
      case "--max":
        o.max = Number(value());
        break;
      case "--timeout-min":
        o.timeoutMin = Number(value());
        break;
      case "--json":
        o.json = true;
        break;
      default:
        throw new Error(`unknown argument ${args[i]}`);
    }
  }
  return o;
}

/** What the page reports about its device, session and storage. */
interface PageState {
  adapterLimits: Record<string, number>;
  deviceLimits: Record<string, number>;
  adapter: string;
  memory: { weights: number; kvCache: number; scratch: number };
  saeQuant: string;
  dSae: number;
  heapLimit: number;
  quota: number;
  usage: number;
}

const LIMITS = [
  "maxBufferSize",
  "maxStorageBufferBindingSize",
  "maxComputeWorkgroupStorageSize",
  "maxComputeInvocationsPerWorkgroup",
  "maxStorageBuffersPerShaderStage",
];

function pageState(page: Page): Promise<PageState> {
  return page.evaluate(async (names: string[]) => {
    // deno-lint-ignore no-explicit-any
    const demo = (globalThis as any).loupeDemo;
    const engine = demo.session.engine, sae = demo.session.sae;
    const device: GPUDevice = engine.deviceOf(demo.session.layer).device;
    // deno-lint-ignore no-explicit-any
    const pick = (l: any) => Object.fromEntries(names.map((n) => [n, Number(l[n])]));
    // deno-lint-ignore no-explicit-any
    const adapter = await (navigator as any).gpu.requestAdapter();
    const est = await navigator.storage.estimate();
    const info = adapter.info as GPUAdapterInfo;
    return {
      adapterLimits: pick(adapter.limits),
      deviceLimits: pick(device.limits),
      adapter: [info.vendor, info.architecture, info.description].filter((x) => x).join(" "),
      memory: engine.memory,
      saeQuant: sae.quant,
      dSae: sae.dSae,
      // deno-lint-ignore no-explicit-any
      heapLimit: (performance as any).memory?.jsHeapSizeLimit ?? 0,
      quota: est.quota ?? 0,
      usage: est.usage ?? 0,
    };
  }, LIMITS);
}

/** The chat status line after a reply: "N tokens in X s, the first after Y s (prefill of the P-token ...". */
function parseStatus(s: string): { n: number; ms: number; firstMs: number; prompt: number } {
  const m = /(\d+) tokens in ([\d.]+) s, the first after ([\d.]+) s \(prefill of the (\d+)-token/
    .exec(s);
  if (!m) throw new Error(`unexpected chat status: ${s}`);
  return { n: +m[1], ms: +m[2] * 1000, firstMs: +m[3] * 1000, prompt: +m[4] };
}

export async function browserFullsize(o: Options): Promise<BenchResult> {
  const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
  const chromium = findChromium();
  if (!chromium.path) throw new Error(`no Chromium at ${chromium.tried.join(", ")}`);
  const deadline = Date.now() + o.timeoutMin * 60_000;
  const server = await startDemo({ port: 0, model: o.model, sae: o.sae, layer: o.layer });
  await esbuild.stop();
  // Without puppeteer's network monitoring: DevTools' Network domain costs the
  // renderer's main thread ~17 ms per MB received (measured: 4.8 s -> 2.7 s of
  // CPU for 128 MiB of Range reads), a third of the load's bytes budget here.
  const browser = await puppeteer.launch({
    executablePath: chromium.path,
    headless: true,
    args: CHROMIUM_ARGS,
    protocolTimeout: o.timeoutMin * 60_000,
    networkEnabled: false,
  });
  const errors: string[] = [];
  const root = browser.process()!.pid!;
  const rss = new RssSampler(root);
  // Chromium's own priority boosts undone every 10 s (new threads included).
  const nice = ownNice();
  const renice = setInterval(() => void reniceTree(root, nice), 10_000);
  void reniceTree(root, nice);
  let heap: HeapSampler | null = null;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on("console", (m) => {
      const text = m.text();
      if (m.type() === "error" && !/404 \(Not Found\)/.test(text)) errors.push(text);
      if (m.type() === "error" || m.type() === "warn") log(`  page ${m.type()}: ${text}`);
    });
    page.on("pageerror", (e) => errors.push(`uncaught: ${(e as Error).message ?? e}`));
    // Which requests fail (the console line of a 404 does not name its URL).
    page.on("response", (r) => {
      if (r.status() >= 400) log(`  page request ${r.status()}: ${r.url()}`);
    });
    const cdp = await page.createCDPSession();
    await cdp.send("Performance.enable");
    heap = new HeapSampler(cdp);
    const q = new URLSearchParams({
      quant: o.quant,
      saeQuant: o.saeQuant,
      context: String(o.context),
      max: String(o.max),
      corpus: "1",
      corpusTokens: "4",
    });
    log(`loading ${o.model} (${o.quant}) and ${o.sae} (${o.saeQuant}) in ${server.url}/?${q}`);
    const t0 = performance.now();
    await page.goto(`${server.url}/?${q}`, { waitUntil: "load" });
    const ready = await until(
      page,
      "the load",
      () =>
        document.body.dataset.ready === "true"
          ? "ready"
          : document.body.dataset.picker === "true" || !document.getElementById("nogpu")!.hidden ||
              !document.getElementById("lost")!.hidden
          ? `failed: ${document.body.innerText.slice(0, 2000)}`
          : null,
      deadline,
      log,
      () => document.getElementById("progress-text")?.textContent ?? null,
      2000,
    );
    if (ready !== "ready") throw new Error(`the page did not load: ${ready}`);
    const loadMs = performance.now() - t0;
    log(`loaded in ${(loadMs / 1000).toFixed(1)} s`);
    const state = await pageState(page);
    log(`page state: ${JSON.stringify(state)}`);

    // The background corpus first (1 story of 4 tokens), so it does not share the chat's steps.
    let t = performance.now();
    await until(
      page,
      "the corpus",
      () => document.getElementById("corpus-status")!.dataset.ready ? "ready" : null,
      deadline,
      log,
      () => document.getElementById("corpus-status")!.textContent,
    );
    const corpusMs = performance.now() - t;

    const send = async (text: string, replies: number) => {
      await page.$eval("#chat-input", (e, v) => (e as HTMLTextAreaElement).value = v, text);
      await page.click("#chat-send");
      const s = performance.now();
      await until(
        page,
        `chat reply ${replies}`,
        (replies) =>
          Number(document.body.dataset.chatReplies ?? 0) >= replies
            ? "done"
            : /^error/.test(document.getElementById("gen-status")!.textContent ?? "")
            ? document.getElementById("gen-status")!.textContent
            : null,
        deadline,
        log,
        () => document.getElementById("chat-status")!.textContent,
        3000,
        replies,
      );
      const status = await page.$eval("#chat-status", (e) => e.textContent ?? "");
      const ids = await page.$$eval(
        "#chat-log .role-assistant",
        (e) => (e[e.length - 1] as HTMLElement).dataset.ids ?? "",
      );
      log(`reply ${replies}: ${status} (${((performance.now() - s) / 1000).toFixed(1)} s)`);
      return { ...parseStatus(status), ids };
    };
    await page.$eval("#chat-system", (e, v) => (e as HTMLTextAreaElement).value = v, SYSTEM);
    const plain = await send(USER, 1);

    // A token of the user's message: its top features in the panel.
    t = performance.now();
    const pos = await page.$$eval("#strip .tok", (nodes) => {
      const users = nodes.filter((n) => n.classList.contains("role-user"));
      const node = (users[Math.min(6, users.length - 1)] ?? nodes[0]) as HTMLElement;
      node.click();
      return Number(node.dataset.pos);
    });
    await page.waitForSelector("#token-features .token-top .bar-row", { timeout: 600_000 });
    const features = await page.$$eval(
      "#token-features .token-top .bar-label",
      (e) => e.map((x) => x.textContent ?? ""),
    );
    const featuresMs = performance.now() - t;
    log(`features of token ${pos}: ${features.join(" ")} (${featuresMs.toFixed(0)} ms)`);
    const top = Number(/^#(\d+)/.exec(features[0] ?? "")?.[1]);
    if (!Number.isInteger(top)) throw new Error(`no top feature for token ${pos}: ${features}`);

    // Steer: the top feature added at the slider's maximum (10) on every position; the
    // same conversation again.
    await page.$eval("#new-edit-feature", (e, f) => (e as HTMLInputElement).value = f, String(top));
    await page.click("#add-edit");
    await page.$eval(".edit-row .edit-value", (e) => {
      const input = e as HTMLInputElement;
      input.value = input.max;
      input.dispatchEvent(new Event("input"));
    });
    const edits = await page.evaluate(() =>
      // deno-lint-ignore no-explicit-any
      JSON.stringify((globalThis as any).loupeDemo.edits())
    );
    await page.click("#chat-reset");
    await page.click("#chat-steer");
    await page.select("#chat-scope", "all");
    const steered = await send(USER, 2);
    log(
      `edits ${edits}; steered reply ${steered.ids === plain.ids ? "EQUALS" : "differs from"} ` +
        `the unsteered one`,
    );
    const shot = `${await Deno.makeTempDir({ prefix: "loupe-fullsize-" })}/fullsize.png`;
    await page.screenshot({ path: shot, fullPage: true });
    log(`screenshot: ${shot}`);

    const metrics = Object.fromEntries(
      (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]),
    );
    const after = await pageState(page);
    rss.stop();
    heap.stop();
    const figures: Record<string, number> = {
      load_s: loadMs / 1000,
      corpus_s: corpusMs / 1000,
      prompt_tokens: plain.prompt,
      new_tokens: plain.n,
      first_token_s: plain.firstMs / 1000,
      prefill_tok_s: plain.prompt / (plain.firstMs / 1000),
      decode_tok_s: (plain.n - 1) / ((plain.ms - plain.firstMs) / 1000),
      steered_prefill_tok_s: steered.prompt / (steered.firstMs / 1000),
      steered_decode_tok_s: (steered.n - 1) / ((steered.ms - steered.firstMs) / 1000),
      features_ms: featuresMs,
      weights_bytes: after.memory.weights,
      kv_bytes: after.memory.kvCache,
      scratch_bytes: after.memory.scratch,
      d_sae: after.dSae,
      ...Object.fromEntries(LIMITS.map((k) => [`adapter_${k}`, state.adapterLimits[k]])),
      ...Object.fromEntries(LIMITS.map((k) => [`device_${k}`, state.deviceLimits[k]])),
      js_heap_limit: state.heapLimit,
      js_heap_peak_used: heap.peakUsed,
      js_heap_peak_total: heap.peakTotal,
      js_heap_used_end: metrics.JSHeapUsedSize ?? 0,
      rss_peak_total: rss.peakTotal,
      ...Object.fromEntries([...rss.peaks].map(([k, v]) => [`rss_peak_${k}`, v])),
      opfs_quota: after.quota,
      opfs_usage: after.usage,
      console_errors: errors.length,
    };
    const result: BenchResult = {
      name: "fullsize-browser",
      shape: `${o.model.split("/").pop()} + ${o.sae.split("/").pop()} @ ${o.layer}`,
      format: `${o.quant}+sae-${after.saeQuant}`,
      adapter: `${state.adapter} (Chromium)`,
      figures,
      ratios: {
        steered_differs: steered.ids === plain.ids ? 0 : 1,
        weights_over_max_buffer: after.memory.weights / state.deviceLimits.maxBufferSize,
        heap_peak_over_limit: state.heapLimit ? heap.peakUsed / state.heapLimit : 0,
      },
    };
    for (const [k, v] of Object.entries(figures)) {
      log(
        `  ${k.padEnd(44)} ${
          /bytes|rss|heap|opfs|max.*Size/i.test(k) && v > GIB / 8
            ? `${(v / GIB).toFixed(2)} GiB`
            : Number.isInteger(v)
            ? v
            : v.toFixed(3)
        }`,
      );
    }
    if (errors.length) log(`console errors: ${JSON.stringify(errors)}`);
    return result;
  } finally {
    clearInterval(renice);
    rss.stop();
    heap?.stop();
    await browser.close().catch(() => {});
    await server.close();
  }
}

if (import.meta.main) {
  const o = parseArgs(Deno.args);
  const r = await browserFullsize(o);
  if (o.json) console.log(JSON.stringify(r));
  Deno.exit(0);
}
