// The demo page: load the model and SAE named in /config.json, then generate
// (greedy or sampled, streamed), inspect tokens and features, steer, and map
// the SAE's features, search features by example or label, contrast two sets
// of prompts, and save or load steering variants. A model with a chat template
// gets the chat view (chat_panel.ts) in place of the prompt box. URL parameters prefill it
// (used by the browser tests):
//   ?open  the model/SAE picker first             ?quant=q8  ?context=N  ?layer=NAME
//   ?tokens=1,403,407  a prompt as token ids     ?prompt=TEXT
//   ?max=N  tokens to generate                   ?steer=989:add=4,12:set=2,5:mul=0.5
//   ?corpus=N  stories in the feature corpus     ?corpusTokens=N  tokens per story
//   ?saeQuant=q8  the SAE's matrices in q8 (f32 by default)

/// <reference lib="dom" />

import { DeviceLostError, Gpu } from "../../mod.ts";
import { ChatPanel, type ChatShown } from "./chat_panel.ts";
import { hasChatTemplate, type Role } from "./chat_session.ts";
import { ContrastPanel } from "./contrast_panel.ts";
import { buildCorpus, type Corpus, DEFAULT_CORPUS } from "./corpus.ts";
import {
  loadChosen,
  requestAdapter,
  showAdapter,
  showLoadFailure,
  watchDevice,
} from "./loading.ts";
import { pickSources, servedChoice } from "./open_picker.ts";
import { formatFor, WeightCache, weightFormatOf } from "./cached_load.ts";
import { CachePanel } from "./cache_panel.ts";
import { FeatureMapPanel } from "./mappanel.ts";
import {
  type CurrentText,
  featureScale,
  renderFeaturePanel,
  renderTokenFeatures,
} from "./panel.ts";
import { markOpen } from "./results.ts";
import { AttributionPanel } from "./attribution_panel.ts";
import { SearchPanel } from "./search_panel.ts";
import type { Session } from "./session.ts";
import { type Edit, parseEdits, SteeringEditor, toFeatureEdits } from "./steering.ts";
import { VariantPanel } from "./variant_panel.ts";
import { $, el, tokenNode, tokenStrip } from "./views.ts";

interface DemoConfig {
  model: string;
  sae: string;
  layer: string;
  modelName: string;
  saeName: string;
  /** A labels file served with the SAE (Neuronpedia export or {index: label}), if any. */
  labels?: string;
}

interface Shown extends CurrentText {
  /** Features [T * d_sae] at the SAE's layer (with the edits applied). */
  features: Float32Array;
  edits: Edit[];
}

const url = new URL(globalThis.location.href);
let session: Session;
let cacheKey = "";
let corpus: Corpus | null = null;
let corpusStatus = "not started";
let shown: Shown | null = null;
let chosen = -1;
let selectedPos = -1;
let map: FeatureMapPanel;
let lastPlain: { key: string; text: string } | null = null;
let busy = false;
let editor: SteeringEditor;
let attribution: AttributionPanel;
let deviceGpu: Gpu;
/** With a chat model: the role of each token of `shown` (the conversation). */
let roles: Role[] | null = null;

// ---- prompt and generation ------------------------------------------------

function promptIds(): number[] {
  const ids = ($("prompt-ids") as HTMLInputElement).value.trim();
  if (ids) return ids.split(",").map(Number);
  return session.encode(($("prompt") as HTMLTextAreaElement).value);
}

function showPromptIds(value: string) {
  const ids = value.split(",").map(Number);
  ($("prompt") as HTMLTextAreaElement).value = session.engine.tokenizer.decode(ids, {
    skipSpecialTokens: true,
  });
  $("prompt-ids-note").hidden = false;
  $("prompt-ids-note").textContent =
    `prompt given as ${ids.length} token ids (edit the text to replace them)`;
}

function generateParams() {
  const num = (id: string) => Number(($(id) as HTMLInputElement).value);
  const mode = (document.querySelector("input[name=mode]:checked") as HTMLInputElement).value;
  return {
    maxNewTokens: Math.max(1, Math.min(500, Math.floor(num("max-tokens")))),
    temperature: mode === "greedy" ? 0 : num("temperature"),
    topK: mode === "greedy" ? 0 : Math.max(0, Math.floor(num("top-k"))),
    seed: Math.floor(num("seed")),
  };
}

function specials(ids: readonly number[]) {
  const set = new Set([session.bos, ...session.engine.tokenizer.eosIds]);
  // Chat templates' markers (<|start_header_id|>, ...) are dimmed too.
  return ids.map((id) => set.has(id) || /^<\|.*\|>$/.test(session.piece(id)));
}

/** Generates from the prompt, streaming into the strip (and `into`); returns the text. */
async function generate(edits: Edit[], into: HTMLElement | null): Promise<string> {
  const prompt = promptIds();
  const params = generateParams();
  const room = session.engine.contextLength - prompt.length;
  if (room < 1) {
    throw new Error(
      `the prompt (${prompt.length} tokens) leaves no room in the context of ${session.engine.contextLength}`,
    );
  }
  params.maxNewTokens = Math.min(params.maxNewTokens, room);
  const status = $("gen-status");
  const strip = el("div", { class: "strip-tokens" });
  prompt.forEach((id) => strip.append(tokenNode(session.piece(id), specials([id])[0])));
  $("strip").replaceChildren(strip);
  $("token-features").replaceChildren();
  roles = null;
  $("strip-label").textContent = edits.length ? `steered: ${describeEdits(edits)}` : "";
  let text = "", shownCount = 0;
  if (into) into.textContent = "";
  const t0 = performance.now();
  const r = await session.generate(
    prompt,
    { ...params, edits: toFeatureEdits(edits) },
    (id, piece) => {
      ++shownCount;
      text += piece;
      if (into) into.textContent = text;
      strip.append(tokenNode(session.piece(id), specials([id])[0]));
      status.textContent = `generating… ${shownCount} tokens`;
    },
  );
  const ms = performance.now() - t0;
  const ids = prompt.concat(r.ids);
  const d = session.sae.dSae;
  // A final EOS is never fed: its row stays zero.
  const features = new Float32Array(ids.length * d);
  features.set(r.features.subarray(0, Math.min(r.fed, ids.length) * d));
  shown = {
    ids,
    promptLength: prompt.length,
    features,
    edits,
    acts: (f) => Float32Array.from({ length: ids.length }, (_, t) => features[t * d + f]),
  };
  status.textContent = `${r.ids.length} tokens in ${(ms / 1000).toFixed(2)} s (${
    (r.ids.length / (ms / 1000)).toFixed(0)
  } tok/s), SAE features of every position cached on the GPU while generating`;
  $("output-text").textContent =
    session.engine.tokenizer.decode(prompt, { skipSpecialTokens: true }) + text;
  selectedPos = -1;
  document.body.dataset.generations = String(Number(document.body.dataset.generations ?? 0) + 1);
  if (chosen < 0) chosen = mostActive(shown);
  openFeature(chosen);
  return text;
}

/** The feature with the largest mean activation over the generated positions. */
function mostActive(s: Shown): number {
  const d = session.sae.dSae, sums = new Float64Array(d);
  for (let t = Math.min(s.promptLength, s.ids.length - 1); t < s.ids.length; t++) {
    for (let f = 0; f < d; f++) sums[f] += s.features[t * d + f];
  }
  return sums.indexOf(Math.max(...sums));
}

function describeEdits(edits: Edit[]): string {
  return edits.map((e) => `#${e.feature} ${e.mode} ${e.value}`).join(", ");
}

function renderStrip() {
  if (!shown) return;
  const acts = chosen >= 0 ? shown.acts(chosen) : null;
  $("strip").replaceChildren(tokenStrip({
    pieces: shown.ids.map((id) => session.piece(id)),
    special: specials(shown.ids),
    acts,
    scale: featureScale(corpus, chosen, acts),
    selected: selectedPos,
    promptLength: shown.promptLength,
    onClick: clickToken,
  }));
  if (roles) {
    $("strip").querySelectorAll<HTMLElement>(".tok").forEach((node) => {
      node.classList.add(`role-${roles![Number(node.dataset.pos)]}`);
    });
  }
  $("strip-help").textContent = chosen >= 0
    ? `Coloured by feature #${chosen} (orange = active). Click a token for its top features.`
    : "Click a token to see its SAE features.";
}

function clickToken(pos: number) {
  if (!shown) return;
  selectedPos = pos;
  renderStrip();
  renderTokenFeatures($("token-features"), session, shown, pos, shown.features, openFeature);
  attribution.showToken(shown.ids, pos).catch(reportError);
}

/** Guards a button's async work: one at a time, errors shown, not swallowed. */
function action(fn: () => Promise<unknown>) {
  return async () => {
    if (busy) return;
    busy = true;
    document.querySelectorAll("button.primary").forEach((b) =>
      (b as HTMLButtonElement).disabled = true
    );
    try {
      await fn();
    } catch (e) {
      $("gen-status").textContent = `error: ${(e as Error).message}`;
      throw e;
    } finally {
      busy = false;
      document.querySelectorAll("button.primary").forEach((b) =>
        (b as HTMLButtonElement).disabled = false
      );
    }
  };
}

// ---- features, steering, map ----------------------------------------------

function openFeature(feature: number) {
  chosen = feature;
  renderStrip();
  if (shown && selectedPos >= 0) {
    renderTokenFeatures(
      $("token-features"),
      session,
      shown,
      selectedPos,
      shown.features,
      openFeature,
    );
  }
  map.select(feature);
  markOpen(feature);
  const panel = $("feature-panel");
  delete panel.dataset.ready;
  renderFeaturePanel(panel, feature, {
    session,
    corpus: () => corpus,
    corpusStatus: () => corpusStatus,
    current: () => shown,
    steer: (f) => editor.add(f),
    showOnMap: (f) => void map.show().then(() => map.select(f)),
    clickToken,
  }).catch(reportError);
}

async function steeredGenerate() {
  const edits = editor.edits();
  const key = JSON.stringify([promptIds(), generateParams()]);
  if (lastPlain?.key !== key) {
    lastPlain = { key, text: await generate([], $("original-text")) };
  }
  $("original-text").textContent = lastPlain.text;
  // Show the steered feature: the strip and panel then say what the edit did to it.
  if (edits.length) chosen = edits[0].feature;
  await generate(edits, $("steered-text"));
}

async function startCorpus() {
  const stories = Number(url.searchParams.get("corpus") ?? DEFAULT_CORPUS.stories);
  const tokens = Number(url.searchParams.get("corpusTokens") ?? DEFAULT_CORPUS.tokens);
  const settings = { ...DEFAULT_CORPUS, stories, tokens };
  const t0 = performance.now();
  const status = $("corpus-status");
  corpusStatus = `computing: 0/${stories} sequences`;
  status.textContent = `Corpus: ${corpusStatus}`;
  const key = `${cacheKey}|${await session.saeFingerprint()}`;
  const c = await buildCorpus(session, key, settings, (done, total) => {
    corpusStatus = `computing: ${done}/${total} sequences`;
    status.textContent = `Corpus: ${corpusStatus}`;
  });
  corpus = c;
  corpusStatus = "ready";
  const took = c.cached
    ? "read from the IndexedDB cache"
    : `computed in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  status.textContent = `Corpus for the feature panels and map: ${stories} sequences of ` +
    `${tokens} tokens the model sampled from BOS (T=${settings.temperature}, seeds ` +
    `${settings.seed}…${settings.seed + stories - 1}), ${c.tokenCount} tokens, ${took}.`;
  status.dataset.ready = "true";
  if (chosen >= 0) openFeature(chosen);
  map.corpusReady(c);
}

/** The chat view's conversation in the token strip: every message, then the last reply. */
function showChat(c: ChatShown) {
  const d = session.sae.dSae;
  shown = {
    ids: c.ids,
    promptLength: c.promptLength,
    features: c.features,
    edits: c.edits,
    acts: (f) => Float32Array.from({ length: c.ids.length }, (_, t) => c.features[t * d + f]),
  };
  roles = c.roles;
  selectedPos = -1;
  $("token-features").replaceChildren();
  $("strip-label").textContent = `the whole conversation (${c.ids.length} tokens; ` +
    `underlined: system, user, assistant)${
      c.edits.length ? `, steered: ${describeEdits(c.edits)}` : ""
    }`;
  if (chosen < 0 || c.edits.length) {
    chosen = c.edits.length ? c.edits[0].feature : mostActive(shown);
  }
  openFeature(chosen);
}

/** A chat model: the chat view replaces the prompt box and the completion buttons. */
function useChatView() {
  $("chat-card").hidden = false;
  for (const id of ["prompt", "generate", "steer-generate", "steer-compare"]) $(id).hidden = true;
  $("prompt-card").querySelector("h2")!.textContent = "Generation settings";
  $("steer-where").textContent = "as the chat view chooses (generated tokens or every position)";
  new ChatPanel({
    session,
    params: generateParams,
    edits: () => editor.edits(),
    show: showChat,
    action,
  });
}

function reportError(e: unknown) {
  // After a device loss every pending pass fails, a mapAsync abort sometimes before
  // device.lost resolves: such errors wait briefly for it, and the recovery box says why once.
  const mayBeLoss = e instanceof DeviceLostError || (e as Error)?.name === "AbortError";
  if (mayBeLoss && !document.body.dataset.lost) {
    const timeout = new Promise<boolean>((ok) => setTimeout(() => ok(false), 1000));
    void Promise.race([deviceGpu.lost.then(() => true), timeout]).then((lost) => {
      if (!lost) showError(e);
    });
    return;
  }
  if (!document.body.dataset.lost) showError(e);
}

function showError(e: unknown) {
  console.error(e);
  $("gen-status").textContent = `error: ${(e as Error).message ?? e}`;
}

async function main() {
  const cfg: DemoConfig = await (await fetch("config.json")).json();
  const adapter = await requestAdapter();
  const gpu = await Gpu.create({ adapter });
  deviceGpu = gpu;
  showAdapter(adapter, gpu);
  // ?open shows the picker; otherwise the served model, and the picker after a cancel or error.
  let message = "", chosenQuant = "";
  const weightCache = await WeightCache.open(), cachePanel = new CachePanel(weightCache);
  for (;;) {
    const chosen = url.searchParams.has("open")
      ? await pickSources(cfg, url.searchParams, message)
      : servedChoice(cfg, url.searchParams);
    const loaded = await loadChosen(chosen, gpu, { cache: weightCache, panel: cachePanel });
    if ("session" in loaded) {
      session = loaded.session;
      watchDevice(gpu, chosen, () => session);
      if (chosen.sae !== cfg.sae) delete cfg.labels;
      const format = formatFor(chosen.model, chosen.quant) ?? weightFormatOf(session.engine);
      $("names").textContent =
        `${chosen.modelName} (${format}) · SAE ${chosen.saeName} on ${chosen.layer}`;
      // The corpus is keyed by the model's content hash (and format), not its name and size.
      chosenQuant = loaded.contentKey ?? chosen.quant;
      Object.assign(cfg, {
        layer: chosen.layer,
        modelName: chosen.modelName,
        saeName: chosen.saeName,
      });
      break;
    }
    if (loaded.recovered) return;
    // A failed or cancelled load leaves nothing on the GPU: ask again, saying why.
    message = loaded.message;
    url.searchParams.set("open", "1");
  }
  // The format changes the model's text, so the corpus is cached per format.
  // The corpus depends on the model's and the SAE's content: both are hashed
  // (the SAE's fingerprint is added when the corpus starts, off the load path).
  cacheKey = [
    chosenQuant,
    cfg.layer,
    session.sae.dSae,
    session.engine.config.vocabSize,
  ].join("|");
  $("loading").hidden = true;
  $("app").append(cachePanel.card);
  void cachePanel.refresh();
  $("app").hidden = false;
  $("steer-layer").textContent = cfg.layer;

  map = new FeatureMapPanel({
    session,
    current: () => shown,
    corpus: () => corpus,
    corpusStatus: () => corpusStatus,
    chosen: () => chosen,
    openFeature,
  });
  editor = new SteeringEditor($("edits"), session.sae.dSae, openFeature);
  const search = new SearchPanel({
    session,
    corpus: () => corpus,
    corpusStatus: () => corpusStatus,
    open: openFeature,
    labelsChanged: () => chosen >= 0 && openFeature(chosen),
  });
  new ContrastPanel({ session, open: openFeature });
  attribution = new AttributionPanel({ session, promptIds, openFeature });
  new VariantPanel({
    session,
    modelName: cfg.modelName,
    saeName: cfg.saeName,
    edits: () => editor.edits(),
    setEdits: (edits) => editor.set(edits),
  });
  if (cfg.labels) void search.fetchLabels(cfg.labels);
  const idsInput = $("prompt-ids") as HTMLInputElement;
  // A prompt given as token ids (?tokens=, or set on the hidden field with a change event).
  idsInput.addEventListener("change", () => showPromptIds(idsInput.value));
  const ids = url.searchParams.get("tokens");
  if (ids) {
    idsInput.value = ids;
    showPromptIds(ids);
  }
  const prompt = url.searchParams.get("prompt");
  if (prompt !== null) ($("prompt") as HTMLTextAreaElement).value = prompt;
  const max = url.searchParams.get("max");
  if (max) ($("max-tokens") as HTMLInputElement).value = max;
  for (const e of parseEdits(url.searchParams.get("steer") ?? "")) {
    editor.add(e.feature, e.mode, e.value);
  }

  $("prompt").addEventListener("input", () => {
    ($("prompt-ids") as HTMLInputElement).value = "";
    $("prompt-ids-note").hidden = true;
  });
  $("generate").addEventListener(
    "click",
    action(async () => {
      lastPlain = {
        key: JSON.stringify([promptIds(), generateParams()]),
        text: await generate([], $("original-text")),
      };
    }),
  );
  $("steer-generate").addEventListener("click", action(steeredGenerate));
  $("add-edit").addEventListener(
    "click",
    () => editor.add(Number(($("new-edit-feature") as HTMLInputElement).value)),
  );
  // Not an action(): the layout runs in a worker and must not lock generation out.
  $("map-open").addEventListener("click", () => void map.show().catch(reportError));
  if (hasChatTemplate(session)) useChatView();
  // For tests and the console: where a feature's point is on the map.
  (globalThis as { loupeDemo?: unknown }).loupeDemo = {
    session,
    mapPosition: (f: number) => map.position(f),
    mapInfo: () => map.info(),
    edits: () => editor.edits(),
    /** Token ids of the last generation (prompt + generated). */
    lastIds: () => shown?.ids ?? null,
    /** Token attributions estimated above `flops` wait for a click (tests). */
    attributeAtOnce: (flops: number) => attribution.atOnceFlops = flops,
    /** Simulates a GPU device loss (tests). */
    loseDevice: () => session.engine.deviceOf(cfg.layer).device.destroy(),
  };
  document.body.dataset.ready = "true";
  startCorpus().catch(reportError);
}

main().catch(showLoadFailure);
