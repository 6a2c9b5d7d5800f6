// The demo's chat view in Chromium: `startDemo()` serves the llama3-tiny
// fixture (it has a chat template) with a tiny seeded SAELens SAE on layer 2
// written to a temporary folder (no fixture SAE reads d_in 128). Puppeteer
// chats two turns with a steering edit (on the generated tokens), the second
// with the unsteered reply side by side, and checks the reply tokens against
// the library in Deno for the same conversation and settings (greedy), that
// the token strip covers every message of the conversation, and that a
// clicked token lists its features. Any console error fails it. Screenshots
// per step go to a temporary folder, printed at the end. No Chromium or no
// WebGPU skips it locally and fails it in CI, as demo_test.ts does.

/// <reference lib="dom" />

import assert from "node:assert/strict";
import type { Browser, Page } from "puppeteer-core";
import * as esbuild from "esbuild";
import { startDemo } from "../../demo/demo.ts";
import { Engine } from "../../engine/engine.ts";
import type { ChatMessage } from "../../engine/formats/tokenizer.ts";
import { type FeatureEdit, Sae, steering } from "../../sae/mod.ts";
import { chromiumTest, CI, launchDemoPage } from "./demo_browser.ts";
import { modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

const MODEL = modelPath("llama3-tiny");
const LAYER = "model.layers.2";
const D_SAE = 256;
const MAX = 10;
const SYSTEM = "You are a helpful assistant.";
const USER = ["Hello there", "Tell me a story"];
const EDIT = { feature: 7, mode: "add", value: 8 } as const;
/** Optional files the loaders probe for with HEAD; their 404s are expected. */
const OPTIONAL_FILES =
  /\/(chat_template\.jinja|tokenizer_config\.json|generation_config\.json|model\.safetensors)$/;

async function writeSae(): Promise<string> {
  const w = randomSae(17, 128, D_SAE);
  return await writeFolder(
    saeLensFiles(w, 128, D_SAE, {
      hook_name: "blocks.2.hook_resid_post",
      architecture: "standard",
    }),
  );
}

interface Replies {
  first: number[];
  second: number[];
  secondPlain: number[];
  /** The conversation's tokens before the second reply. */
  secondPrompt: number[];
}

/** The same two turns through the library: greedy, the edit on generated tokens only. */
async function libraryReplies(saeDir: string): Promise<Replies> {
  const gpu = await testGpu();
  const engine = await Engine.load(MODEL, { gpu });
  const sae = await Sae.load(saeDir, engine, { module: LAYER });
  try {
    // The template's end of turn ends a reply (engine.generate stops on the tokenizer's eos ids).
    const eot = engine.tokenizer.tokenToId("<|eot_id|>");
    assert.ok(eot !== undefined && engine.tokenizer.eosIds.includes(eot), "<|eot_id|> ends a turn");
    const edits: FeatureEdit[] = [{ feature: EDIT.feature, add: EDIT.value, scope: "generated" }];
    const reply = async (messages: ChatMessage[], steer: boolean) => {
      const prompt = engine.tokenizer.encodeChat(messages, { addGenerationPrompt: true });
      const ids: number[] = [];
      let text = "";
      for await (
        const s of engine.generate(prompt, {
          maxNewTokens: MAX,
          temperature: 0,
          interventions: steer ? { [LAYER]: steering(sae, edits) } : undefined,
        })
      ) {
        ids.push(s.token);
        text += s.text;
      }
      return { prompt, ids, text };
    };
    const turn1: ChatMessage[] = [{ role: "system", content: SYSTEM }, {
      role: "user",
      content: USER[0],
    }];
    const first = await reply(turn1, true);
    const turn2 = [...turn1, { role: "assistant", content: first.text }, {
      role: "user",
      content: USER[1],
    }];
    const second = await reply(turn2, true);
    const plain = await reply(turn2, false);
    return {
      first: first.ids,
      second: second.ids,
      secondPlain: plain.ids,
      secondPrompt: second.prompt,
    };
  } finally {
    sae.dispose();
    engine.dispose();
  }
}

const ids = (page: Page, sel: string) =>
  page.$$eval(sel, (e) => e.map((x) => (x as HTMLElement).dataset.ids ?? ""));

async function send(page: Page, text: string, replies: number) {
  await page.$eval("#chat-input", (e, t) => (e as HTMLTextAreaElement).value = t as string, text);
  await page.click("#chat-send");
  await page.waitForFunction(
    (k) => Number(document.body.dataset.chatReplies ?? 0) >= k,
    { timeout: 240_000, polling: 100 },
    replies,
  );
  const first = await page.$$eval(
    "#chat-log .role-assistant",
    (e) => e.map((x) => (x as HTMLElement).dataset.firstTokenMs).join("/"),
  );
  return `${await page.$eval("#chat-status", (e) => e.textContent ?? "")}; first token ms ${first}`;
}

async function run(chromium: string) {
  let t0 = performance.now();
  const saeDir = await writeSae();
  const want = await libraryReplies(saeDir);
  assert.notDeepEqual(want.second, want.secondPlain, "the edit changes the library's reply");
  const library = `library ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  const server = await startDemo({ port: 0, model: MODEL, sae: saeDir });
  await esbuild.stop();
  const shots = await Deno.makeTempDir({ prefix: "loupe-chat-shots-" });
  let browser: Browser | null = null;
  let current: Page | null = null;
  const errors: string[] = [];
  const times: string[] = [];
  try {
    const launched = await launchDemoPage(chromium, errors, OPTIONAL_FILES);
    browser = launched.browser;
    const page = launched.page;
    current = page;
    t0 = performance.now();
    let step = 0;
    const shot = async (name: string) => {
      await page.screenshot({ path: `${shots}/${++step}-${name}.png`, fullPage: true });
    };

    const steer = `${EDIT.feature}:${EDIT.mode}=${EDIT.value}`;
    await page.goto(`${server.url}/?max=${MAX}&steer=${steer}&corpus=1&corpusTokens=16`, {
      waitUntil: "load",
    });
    await page.waitForFunction(
      () => document.body.dataset.ready === "true" || !document.getElementById("nogpu")!.hidden,
      { timeout: 60_000 },
    );
    const nogpu = await page.$eval("#nogpu", (e) => (e as HTMLElement).hidden ? "" : e.textContent);
    if (nogpu) {
      await shot("no-webgpu");
      if (CI) throw new Error(`the demo found no WebGPU: ${nogpu}`);
      console.log(`  demo chat SKIPPED: ${nogpu} (screenshot in ${shots})`);
      return;
    }
    assert.equal(await page.$eval("#chat-card", (e) => (e as HTMLElement).hidden), false);
    assert.equal(await page.$eval("#generate", (e) => (e as HTMLElement).hidden), true);
    await shot("chat-loaded");

    // Turn 1: steered on the generated tokens (the default scope).
    await page.click("#chat-steer");
    assert.equal(
      await page.$eval("#chat-scope", (e) => (e as HTMLSelectElement).value),
      "generated",
    );
    let t = performance.now();
    times.push(`load ${((t - t0) / 1000).toFixed(1)} s`);
    const status1 = await send(page, USER[0], 1);
    times.push(`turn 1 ${((performance.now() - t) / 1000).toFixed(1)} s (${status1})`);
    assert.deepEqual(await ids(page, "#chat-log > .role-assistant"), [want.first.join(",")]);
    await shot("turn-1");

    // Turn 2: steered and unsteered side by side, from the same conversation.
    await page.click("#chat-compare");
    t = performance.now();
    await send(page, USER[1], 3);
    times.push(`turn 2 ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const pair = await ids(page, "#chat-log .chat-pair .role-assistant");
    assert.deepEqual(pair, [want.second.join(","), want.secondPlain.join(",")]);
    await shot("turn-2-side-by-side");

    // The token strip covers the whole conversation: every message, then the reply.
    const strip = await page.$$eval("#strip .tok", (e) =>
      e.map((x) => ({
        pos: Number((x as HTMLElement).dataset.pos),
        role: [...x.classList].find((c) => c.startsWith("role-")) ?? "",
      })));
    assert.equal(strip.length, want.secondPrompt.length + want.second.length);
    const roles = strip.map((s) => s.role);
    for (const r of ["role-system", "role-user", "role-assistant"]) {
      assert.ok(roles.includes(r), `the strip has ${r} tokens`);
    }
    // system, user, assistant, user, assistant (the reply): five runs of roles.
    const runs = roles.filter((r, i) => r !== roles[i - 1]);
    assert.deepEqual(runs, [
      "role-system",
      "role-user",
      "role-assistant",
      "role-user",
      "role-assistant",
    ]);
    // A token of the first user message: its top features.
    const userPos = roles.indexOf("role-user") + 4;
    // Found and clicked in one page task: the strip is re-rendered when the corpus is ready.
    await page.waitForFunction(
      (pos) => {
        const node = document.querySelector<HTMLElement>(`#strip .tok[data-pos="${pos}"]`);
        node?.click();
        return node !== null;
      },
      {},
      userPos,
    );
    await page.waitForSelector("#token-features .token-top .bar-row");
    const rows = await page.$$eval(
      "#token-features .token-top .bar-label",
      (e) => e.map((x) => x.textContent!),
    );
    assert.ok(rows.length > 0 && rows.every((r) => /^#\d+$/.test(r)), `features: ${rows}`);
    await page.$eval("#strip-card", (e) => e.scrollIntoView());
    await shot("strip-token-features");

    assert.deepEqual(errors, [], "no console errors");
    console.log(`  demo chat: ${library}, ${times.join(", ")}; screenshots: ${shots}`);
  } catch (e) {
    const status = await current?.evaluate(() =>
      ["chat-status", "gen-status", "corpus-status"].map((id) =>
        `${id}: ${document.getElementById(id)?.textContent}`
      ).join("; ")
    ).catch(() => "");
    await current?.screenshot({ path: `${shots}/failed.png`, fullPage: true }).catch(() => {});
    console.log(`  ${library}, ${times.join(", ")}; ${status}`);
    console.log(`  screenshots so far: ${shots}; console errors: ${JSON.stringify(errors)}`);
    throw e;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    await Deno.remove(saeDir, { recursive: true }).catch(() => {});
  }
}

chromiumTest(
  "demo chat",
  "demo chat: two turns with steering, side by side, strip over the conversation " +
    "(llama3-tiny) [chromium]",
  run,
);
