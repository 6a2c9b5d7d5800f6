// The feature dashboard (after Neuronpedia's): how often the feature fires in
// the corpus, its activation on the current text, the tokens its decoder
// direction pushes up and down through the unembedding, and its
// top-activating corpus contexts.

/// <reference lib="dom" />

import { type Corpus, storyActivations } from "./corpus.ts";
import type { Session } from "./session.ts";
import { barList, el, quoted, tokenStrip } from "./views.ts";

/** The text on screen: its tokens and, per feature, its activations. */
export interface CurrentText {
  ids: number[];
  promptLength: number;
  /** Activations of one feature at every position (null before features are computed). */
  acts(feature: number): Float32Array | null;
}

export interface PanelHooks {
  session: Session;
  corpus(): Corpus | null;
  /** A short corpus status for when it is not ready ("computing 12/48"). */
  corpusStatus(): string;
  current(): CurrentText | null;
  steer(feature: number): void;
  showOnMap(feature: number): void;
  clickToken(pos: number): void;
}

const CONTEXT_BEFORE = 14, CONTEXT_AFTER = 4;

/** Colour scale of a feature: its corpus maximum, else the largest value shown. */
export function featureScale(corpus: Corpus | null, feature: number, acts?: Float32Array | null) {
  const shown = acts ? Math.max(0, ...acts) : 0;
  return Math.max(corpus?.maxAct[feature] ?? 0, shown, 1e-6);
}

function pieces(session: Session, ids: readonly number[]) {
  const specials = new Set([session.bos, ...session.engine.tokenizer.eosIds]);
  return { pieces: ids.map((id) => session.piece(id)), special: ids.map((id) => specials.has(id)) };
}

function contextsView(hooks: PanelHooks, feature: number): HTMLElement {
  const corpus = hooks.corpus();
  if (!corpus) return el("div", { class: "muted" }, `corpus ${hooks.corpusStatus()}…`);
  const list = corpus.top[feature];
  if (list.length === 0) {
    return el("div", { class: "muted" }, `never fires in the ${corpus.tokenCount} corpus tokens`);
  }
  const scale = featureScale(corpus, feature);
  return el(
    "div",
    { class: "contexts" },
    list.map((c) => {
      const story = corpus.stories[c.story];
      const from = Math.max(1, c.pos - CONTEXT_BEFORE),
        to = Math.min(story.ids.length, c.pos + 1 + CONTEXT_AFTER);
      const acts = storyActivations(story, feature).subarray(from, to);
      const p = pieces(hooks.session, story.ids.slice(from, to));
      const strip = tokenStrip({ ...p, acts, scale, selected: c.pos - from });
      strip.title = `story ${c.story}, position ${c.pos}`;
      return el("div", { class: "context" }, el("span", { class: "v" }, c.value.toFixed(2)), strip);
    }),
  );
}

let renderId = 0;

/** Fills `root` with feature `feature`'s dashboard. */
export async function renderFeaturePanel(
  root: HTMLElement,
  feature: number,
  hooks: PanelHooks,
): Promise<void> {
  const id = ++renderId;
  const { session } = hooks;
  const corpus = hooks.corpus();
  const cur = hooks.current();
  const acts = cur?.acts(feature) ?? null;
  const scale = featureScale(corpus, feature, acts);

  const stats = el(
    "div",
    { class: "stats" },
    corpus
      ? [
        el(
          "span",
          {},
          "fires on ",
          el("b", {}, `${(corpus.density[feature] * 100).toFixed(2)}%`),
          " of corpus tokens",
        ),
        el("span", {}, "corpus max ", el("b", {}, corpus.maxAct[feature].toFixed(2))),
      ]
      : el("span", { class: "muted" }, `corpus ${hooks.corpusStatus()}…`),
    acts && el("span", {}, "max here ", el("b", {}, Math.max(0, ...acts).toFixed(2))),
  );

  let onText: HTMLElement;
  if (cur && acts) {
    const strip = tokenStrip({
      ...pieces(session, cur.ids),
      acts,
      scale,
      promptLength: cur.promptLength,
      onClick: hooks.clickToken,
    });
    strip.classList.add("mini");
    onText = strip;
  } else {
    onText = el("div", { class: "muted" }, "no text yet: generate some");
  }

  const effects = el("div", { class: "effects" }, el("div", { class: "muted" }, "computing…"));
  root.replaceChildren(
    el(
      "h2",
      {},
      `Feature #${feature} `,
      el("span", { class: "pill" }, `${session.layer} · ${session.sae.activation.kind} SAE`),
      session.sae.moderated.has(feature) && el("span", { class: "pill warn" }, "moderated"),
    ),
    el("div", { class: "feature-label" }, session.sae.featureLabel(feature) ?? ""),
    stats,
    el(
      "div",
      { class: "controls" },
      el(
        "button",
        { id: "panel-steer", onclick: () => hooks.steer(feature) },
        "Steer with this feature",
      ),
      el("button", { id: "panel-map", onclick: () => hooks.showOnMap(feature) }, "Show on map"),
    ),
    el("div", { class: "section-title" }, "Activation on the current text"),
    onText,
    el(
      "div",
      { class: "section-title" },
      "Logit effects (decoder direction through norm and lm_head)",
    ),
    effects,
    el("div", { class: "section-title" }, "Top-activating corpus contexts"),
    contextsView(hooks, feature),
  );
  root.dataset.feature = String(feature);

  const { up, down } = await session.logitEffects(feature, 10);
  if (id !== renderId) return;
  const bars = (list: typeof up) =>
    list.map((e) => ({
      label: quoted(session.piece(e.token)),
      value: e.value,
      title: `token ${e.token}`,
    }));
  effects.replaceChildren(
    el("div", {}, el("h3", {}, "pushes up"), barList(bars(up), "#2b8a3e", "effects-up")),
    el("div", {}, el("h3", {}, "pushes down"), barList(bars(down), "#c92a2a", "effects-down")),
  );
  root.dataset.ready = "true";
}

/** The clicked token's top features, each opening its dashboard. */
export function renderTokenFeatures(
  root: HTMLElement,
  session: Session,
  cur: CurrentText,
  pos: number,
  features: Float32Array,
  open: (feature: number) => void,
  k = 10,
): void {
  const d = session.sae.dSae;
  const row = features.subarray(pos * d, (pos + 1) * d);
  const order = Array.from(row.keys()).filter((f) => row[f] > 0).sort((a, b) => row[b] - row[a]);
  const firing = order.length;
  const piece = session.piece(cur.ids[pos]);
  root.replaceChildren(
    el(
      "div",
      { class: "section-title" },
      `Token ${quoted(piece)} at position ${pos}: ${firing} features fire; top ${
        Math.min(k, firing)
      }`,
    ),
    firing
      ? barList(
        order.slice(0, k).map((f) => ({
          label: `#${f}`,
          value: row[f],
          onClick: () => open(f),
          title: `open feature ${f}` +
            (session.sae.featureLabel(f) ? `: ${session.sae.featureLabel(f)}` : ""),
        })),
        "#e8590c",
        "token-top",
      )
      : el("div", { class: "muted" }, "no feature fires here"),
  );
  root.dataset.pos = String(pos);
}
