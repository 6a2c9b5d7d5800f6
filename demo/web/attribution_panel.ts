// The demo's gradient views (issue 16). (a) Clicking a token shows "which
// features drove this token": feature attribution (activation x gradient at
// the SAE layer, the error held constant; sae/attribution.ts) of log p(token)
// at the previous position, over every (position, feature) of the text
// before it, sorted by |value|, beside the token's own features. (b) The
// "Attribution graph" card computes the pruned attribution graph of the
// prompt's greedy next token (sae/attribution_graph.ts) and draws it
// (graph_view.ts). Both run on the unsteered model.

/// <reference lib="dom" />

import { attributionGraph, attributionGraphJson, featureAttribution } from "../../mod.ts";
import type { Session } from "./session.ts";
import { renderGraph } from "./graph_view.ts";
import { $, barList, el, quoted } from "./views.ts";

/** What the panel needs from the page. */
export interface AttributionPanelOptions {
  session: Session;
  /** The prompt's token ids. */
  promptIds(): number[];
  /** Opens a feature's panel. */
  openFeature(feature: number): void;
}

/** Above this estimate a token's attribution waits for a click (a few seconds on llvmpipe). */
export const ATTRIBUTE_AT_ONCE_FLOPS = 1e11;

/**
 * About the work of one attribution over `tokens` tokens: a forward and a
 * backward (twice the forward) of 2 flops per weight per token, with the
 * weights counted as Llama's matrices (attention as four hidden x hidden
 * ones, whatever the grouping; the MLP's three; embedding and lm_head).
 */
export function attributionFlops(
  c: { hiddenSize: number; intermediateSize: number; numHiddenLayers: number; vocabSize: number },
  tokens: number,
): number {
  const h = c.hiddenSize;
  const weights = c.numHiddenLayers * (4 * h * h + 3 * h * c.intermediateSize) +
    2 * c.vocabSize * h;
  return 3 * 2 * weights * tokens;
}

const errorText = (e: unknown) => (e as Error)?.message ?? String(e);

/** 3.2e12 as "3.2 TFLOP", 9.5e11 as "950 GFLOP", 4.1e8 as "0.41 GFLOP". */
export function flopText(flops: number): string {
  const [scale, unit] = flops >= 1e12 ? [1e12, "TFLOP"] : [1e9, "GFLOP"];
  const v = flops / scale;
  return `${v >= 10 ? Math.round(v) : v.toPrecision(2)} ${unit}`;
}

/** One (position, feature) entry of a token's attribution. */
interface Entry {
  position: number;
  feature: number;
  value: number;
}

export class AttributionPanel {
  readonly #o: AttributionPanelOptions;
  /** Attributions estimated above this many flops wait for a click (tests lower it). */
  atOnceFlops = ATTRIBUTE_AT_ONCE_FLOPS;
  readonly #list: HTMLElement;
  #request = 0;

  constructor(o: AttributionPanelOptions) {
    this.#o = o;
    // The token's features and its attribution side by side.
    const features = $("token-features");
    const row = el("div", { class: "token-views" });
    features.replaceWith(row);
    this.#list = el("div", { id: "token-attribution" });
    row.append(features, this.#list);
    const card = el(
      "section",
      { class: "card", id: "graph-card" },
      el(
        "h2",
        {},
        "Attribution graph ",
        el("span", { class: "muted small" }, "which features carry the prompt to its next token"),
      ),
      el(
        "div",
        { class: "muted small" },
        "Direct effects between the SAE's active features, its error nodes and the token " +
          "embeddings on the greedy next token's logit, with attention patterns, norm scales and " +
          "MLP gates frozen (circuit-tracer's recipe); pruned to 80% of node influence and 98% " +
          "of edge influence. Blue edges raise their target, red lower it; click a node.",
      ),
      el(
        "div",
        { class: "controls" },
        el("button", { id: "graph-run", class: "primary" }, "Compute graph for the prompt"),
        el("span", { id: "graph-status", class: "muted small status" }),
      ),
      el("div", { id: "graph-view" }),
      el("div", { id: "graph-details" }),
    );
    $("strip-card").after(card);
    $("graph-run").addEventListener("click", () => void this.graph().catch((e) => this.#fail(e)));
  }

  #fail(e: unknown): void {
    $("graph-status").textContent = `error: ${errorText(e)}`;
    console.error(e);
  }

  /**
   * Shows the features that drove token `pos` of `ids` (nothing for position
   * 0). Cheap attributions start at once; a costly one (`atOnceFlops`)
   * waits for a click, since it holds the engine, and with it the chat, while
   * it runs: at 8B on SwiftShader one took 6.6 minutes.
   */
  async showToken(ids: readonly number[], pos: number, k = 10, force = false): Promise<void> {
    const s = this.#o.session, request = ++this.#request, root = this.#list;
    delete root.dataset.ready;
    if (pos < 1) {
      root.replaceChildren(el("div", { class: "muted small" }, "The first token has no context."));
      return;
    }
    const flops = attributionFlops(s.engine.config, pos);
    if (!force && flops > this.atOnceFlops) {
      const start = () =>
        void this.showToken(ids, pos, k, true).catch((e) => {
          root.replaceChildren(el("div", { class: "muted small" }, `error: ${errorText(e)}`));
          console.error(e);
        });
      root.replaceChildren(
        el(
          "button",
          { id: "attribute-token", onclick: start },
          `What drove ${quoted(s.piece(ids[pos]))}?`,
        ),
        el(
          "div",
          { class: "muted small" },
          `One forward and one backward pass over ${pos} tokens, about ${flopText(flops)}: ` +
            `on a software adapter, minutes at 8B, and generation waits for it.`,
        ),
      );
      root.dataset.deferred = "true";
      return;
    }
    delete root.dataset.deferred;
    root.replaceChildren(el("div", { class: "muted small" }, "attributing…"));
    const t0 = performance.now();
    const r = await featureAttribution(s.site, ids.slice(0, pos), { target: ids[pos] });
    let entries: Entry[], metric: number;
    try {
      const a = await r.attribution.toArray(), d = s.sae.dSae;
      metric = r.metric;
      entries = [];
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== 0) entries.push({ position: Math.floor(i / d), feature: i % d, value: a[i] });
      }
    } finally {
      r.dispose();
    }
    if (request !== this.#request) return; // another token was clicked meanwhile
    entries.sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || x.position - y.position);
    const top = entries.slice(0, k);
    const ms = performance.now() - t0;
    const list = barList(
      top.map((e) => ({
        label: `#${e.feature} @${e.position} ${quoted(s.piece(ids[e.position]))}`,
        value: e.value,
        onClick: () => this.#o.openFeature(e.feature),
        title: `feature ${e.feature} at position ${e.position}` +
          (s.sae.featureLabel(e.feature) ? `: ${s.sae.featureLabel(e.feature)}` : ""),
      })),
      "#7c3aed",
      "attribution-bars",
    );
    list.querySelectorAll<HTMLElement>(".bar-row").forEach((row, i) => {
      row.dataset.feature = String(top[i].feature);
      row.dataset.position = String(top[i].position);
      row.dataset.value = String(top[i].value);
    });
    root.replaceChildren(
      el(
        "div",
        { class: "section-title" },
        `What drove ${quoted(s.piece(ids[pos]))}: log p = ${metric.toFixed(3)}; top ${top.length}`,
      ),
      el(
        "div",
        { class: "muted small" },
        `activation × gradient of log p at the SAE layer (error held constant), unsteered; ` +
          `${entries.length} nonzero (position, feature) pairs, ${ms.toFixed(0)} ms`,
      ),
      list,
    );
    root.dataset.ready = "true";
    root.dataset.token = String(pos);
  }

  /** Computes, prunes and draws the prompt's attribution graph. */
  async graph(): Promise<void> {
    const s = this.#o.session, ids = this.#o.promptIds(), card = $("graph-card");
    delete card.dataset.ready;
    const status = $("graph-status");
    status.textContent = `computing the graph of ${ids.length} tokens…`;
    const t0 = performance.now();
    const g = await attributionGraph([s.site], ids);
    const ms = performance.now() - t0;
    const doc = attributionGraphJson(g, {
      tokenText: (id) => s.piece(id),
      featureLabel: (_, f) => s.sae.featureLabel(f),
    });
    renderGraph($("graph-view"), $("graph-details"), doc, {
      piece: (id) => s.piece(id),
      label: (f) => s.sae.featureLabel(f),
      openFeature: this.#o.openFeature,
    });
    const gap = doc.metadata.loupe.edge_sum_plus_bias - g.logit;
    status.textContent = `target ${quoted(s.piece(g.target))} (p = ${g.probability.toFixed(3)}, ` +
      `logit ${g.logit.toFixed(3)}): ${g.nodes.length} nodes before pruning, ` +
      `${doc.nodes.length} kept with ${doc.links.length} edges; edges + bias − logit = ` +
      `${gap.toExponential(1)}; ${(ms / 1000).toFixed(1)} s`;
    Object.assign(card.dataset, {
      ready: "true",
      nodes: String(doc.nodes.length),
      links: String(doc.links.length),
      total: String(g.nodes.length),
      target: String(g.target),
      ms: String(Math.round(ms)),
    });
  }
}
