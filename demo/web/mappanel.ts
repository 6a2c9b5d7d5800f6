// The feature map's place on the page: computed on first open (UMAP of the
// decoder rows, which takes seconds, so not at load), recoloured when the
// corpus finishes, and explained by a density legend.

/// <reference lib="dom" />

import type { Corpus } from "./corpus.ts";
import { computeMap, LEGEND_TICKS, legendGradient, MapView } from "./featuremap.ts";
import type { Session } from "./session.ts";
import { $, el } from "./views.ts";

export interface MapPanelHooks {
  session: Session;
  /** Names the cached UMAP positions, so another model or SAE recomputes them. */
  cacheKey: string;
  /** Getters, because the corpus is built in the background and may finish at any time. */
  corpus: () => Corpus | null;
  corpusStatus: () => string;
  /** The open feature, read after UMAP finishes since the user may pick another meanwhile. */
  chosen: () => number;
  openFeature: (feature: number) => void;
}

export class FeatureMapPanel {
  readonly #hooks: MapPanelHooks;
  #view: MapView | null = null;
  /** Positions [d_sae * 2], once UMAP has run. */
  #xy: Float32Array | null = null;

  constructor(hooks: MapPanelHooks) {
    this.#hooks = hooks;
  }

  /** Opens the map (computing it the first time) with the open feature highlighted. */
  async show() {
    const { session, cacheKey, corpus, chosen, openFeature } = this.#hooks;
    $("map-wrap").hidden = false;
    const canvas = $("map") as HTMLCanvasElement;
    this.#view ??= new MapView(canvas, openFeature);
    if (!this.#xy) {
      const status = $("map-status");
      status.textContent = "reading decoder directions…";
      const t0 = performance.now();
      const rows = await session.decoderRows();
      this.#xy = await computeMap(cacheKey, rows, session.sae.dSae, session.sae.dIn, (f) => {
        status.textContent = `UMAP ${(f * 100).toFixed(0)}%`;
      });
      status.textContent = `${session.sae.dSae} features, UMAP in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s (seeded; cached). Click a point to open its feature.`;
    }
    this.#view.set(this.#xy, corpus()?.density ?? null);
    this.#view.select(chosen());
    this.#renderLegend();
    canvas.dataset.ready = "true";
  }

  select(feature: number) {
    this.#view?.select(feature);
  }

  /** Where a feature's point is on the canvas, or null before the map is open. */
  position(feature: number) {
    return this.#view?.position(feature) ?? null;
  }

  /** Recolours a map that is already computed; one still computing picks the corpus up itself. */
  corpusReady(corpus: Corpus) {
    if (!this.#xy) return;
    this.#view!.set(this.#xy, corpus.density);
    this.#renderLegend();
  }

  #renderLegend() {
    const c = this.#hooks.corpus();
    $("legend").replaceChildren(
      el("b", {}, "Activation density"),
      el(
        "div",
        { class: "muted" },
        c
          ? `share of the ${c.tokenCount} corpus tokens where the feature fires`
          : `corpus ${this.#hooks.corpusStatus()}; points grey until it is done`,
      ),
      el("div", { class: "legend-bar", style: { background: legendGradient() } }),
      el("div", { class: "legend-ticks" }, LEGEND_TICKS.map((t) => el("span", {}, t))),
      el(
        "div",
        { style: { marginTop: "8px" } },
        el("span", { class: "swatch", style: { background: "#d0d0d0" } }),
        "never fires in the corpus",
      ),
      c
        ? el(
          "div",
          {},
          `${c.density.filter((d) => d === 0).length} of ${c.density.length} features never fire`,
        )
        : "",
    );
  }
}
