// The feature map's place on the page. On first open the layout is read from
// the IndexedDB cache (keyed by the SAE's content: Session.saeFingerprint) or computed in a worker
// (map_worker.ts: UMAP of the decoder rows, seconds to minutes, so not at
// load, never on the main thread, cancellable); then drawn by map_canvas.ts,
// coloured by corpus firing density or by activation on the current text.

/// <reference lib="dom" />

import { cacheGet, cachePut } from "./cache.ts";
import type { Corpus } from "./corpus.ts";
import {
  ACTIVATION_TICKS,
  activationRgb,
  densityRgb,
  greyCss,
  LEGEND_TICKS,
  legendGradient,
} from "./featuremap.ts";
import { MapCanvas, type MapTransform } from "./map_canvas.ts";
import { LAYOUT_VERSION, type LayoutMessage, type LayoutTimes } from "./map_layout.ts";
import type { Session } from "./session.ts";
import { $, el } from "./views.ts";

export interface MapPanelHooks {
  session: Session;
  /** Getters, because the corpus is built in the background and may finish at any time. */
  corpus: () => Corpus | null;
  corpusStatus: () => string;
  /** The open feature, read after the layout finishes since the user may pick another meanwhile. */
  chosen: () => number;
  openFeature: (feature: number) => void;
  /** The current text's features [T * d_sae], if there is one. */
  current: () => { features: Float32Array } | null;
}

/** What the map did, for the status line and the tests (`loupeDemo.mapInfo()`). */
export interface MapInfo {
  n: number;
  /** Layout from the cache, or computed (then `times` says where the worker spent it). */
  cached: boolean;
  /** From the click to positions in hand, ms. */
  layoutMs: number;
  times?: LayoutTimes;
  xy: Float32Array;
  transform: MapTransform;
  drawTimes: number[];
}

type Mode = "density" | "activation";

export class FeatureMapPanel {
  readonly #hooks: MapPanelHooks;
  #view: MapCanvas | null = null;
  /** Positions [d_sae * 2], once laid out. */
  #xy: Float32Array | null = null;
  #computing: Promise<void> | null = null;
  #cancel: (() => void) | null = null;
  #info: Omit<MapInfo, "xy" | "transform" | "drawTimes"> | null = null;
  #mode: Mode = "density";
  /** The features array the activation colours were computed from. */
  #colouredFrom: Float32Array | null = null;

  constructor(hooks: MapPanelHooks) {
    this.#hooks = hooks;
    $("map-cancel").addEventListener("click", () => this.#cancel?.());
    $("map-colour").addEventListener("change", (ev) => {
      this.#mode = (ev.target as HTMLSelectElement).value as Mode;
      this.#recolour();
    });
  }

  /** Opens the map (laying it out the first time) with the open feature highlighted. */
  async show() {
    $("map-wrap").hidden = false;
    const canvas = $("map") as HTMLCanvasElement;
    this.#view ??= new MapCanvas(canvas, $("map-tip"), {
      onPick: this.#hooks.openFeature,
      describe: (f) => this.#describe(f),
    });
    if (!this.#xy) {
      this.#computing ??= this.#layout().finally(() => this.#computing = null);
      await this.#computing;
      if (!this.#xy) return;
      this.#view.setLayout(this.#xy);
      this.#recolour();
    }
    this.#view.select(this.#hooks.chosen());
    canvas.dataset.ready = "true";
  }

  select(feature: number) {
    if (this.#mode === "activation" && this.#hooks.current()?.features !== this.#colouredFrom) {
      this.#recolour();
    }
    this.#view?.select(feature);
  }

  /** Where a feature's point is on the canvas, or null before the map is drawn. */
  position(feature: number): [number, number] | null {
    return this.#xy && this.#view ? this.#view.position(feature) : null;
  }

  info(): MapInfo | null {
    if (!this.#info || !this.#xy || !this.#view) return null;
    return {
      ...this.#info,
      xy: this.#xy,
      transform: this.#view.transform(),
      drawTimes: [...this.#view.drawTimes],
    };
  }

  /** Recolours a map that is already laid out; one still computing picks the corpus up itself. */
  corpusReady(_corpus: Corpus) {
    if (this.#xy) this.#recolour();
  }

  async #layout() {
    const { session } = this.#hooks, n = session.sae.dSae, d = session.sae.dIn;
    const status = $("map-status"), t0 = performance.now();
    status.textContent = "reading decoder directions…";
    const key = `map|${LAYOUT_VERSION}|${await session.saeFingerprint()}|${n}x${d}`;
    const hit = await cacheGet<Float32Array>(key);
    if (hit instanceof Float32Array && hit.length === n * 2) {
      this.#xy = hit;
      this.#info = { n, cached: true, layoutMs: performance.now() - t0 };
      status.textContent = `${n} features, layout read from the cache in ${
        this.#info.layoutMs.toFixed(0)
      } ms. Wheel zooms, drag pans, double-click resets; click a point to open its feature.`;
      return;
    }
    const { rows, width } = await session.decoderDirections();
    $("map-cancel").hidden = false;
    try {
      const done = await this.#runWorker(rows, n, width, status);
      if (!done) {
        status.textContent = "layout cancelled";
        return;
      }
      this.#xy = done.xy;
      const layoutMs = performance.now() - t0, t = done.times;
      this.#info = { n, cached: false, layoutMs, times: t };
      status.textContent = `${n} features laid out in ${(layoutMs / 1000).toFixed(1)} s in a ` +
        `worker (projection ${(t.prepareMs / 1000).toFixed(1)} s, neighbour graph ` +
        `${(t.graphMs / 1000).toFixed(1)} s, ${t.epochs} epochs ${
          (t.optimiseMs / 1000).toFixed(1)
        } s; seeded, cached). Wheel zooms, drag pans, double-click resets; click a point to ` +
        `open its feature.`;
      await cachePut(key, done.xy);
    } finally {
      $("map-cancel").hidden = true;
      this.#cancel = null;
    }
  }

  /** The worker's positions, or null when cancelled. `rows`' buffer is transferred. */
  #runWorker(
    rows: Float32Array,
    n: number,
    d: number,
    status: HTMLElement,
  ): Promise<{ xy: Float32Array; times: LayoutTimes } | null> {
    const worker = new Worker(new URL("./map_worker.js", import.meta.url), { type: "module" });
    const owned = rows.byteOffset === 0 && rows.byteLength === rows.buffer.byteLength
      ? rows
      : rows.slice();
    return new Promise((resolve, reject) => {
      const end = () => {
        worker.terminate();
        this.#cancel = null;
      };
      this.#cancel = () => {
        end();
        resolve(null);
      };
      worker.onerror = (ev) => {
        end();
        reject(new Error(`feature map worker: ${ev.message || "failed to start"}`));
      };
      worker.onmessage = (ev: MessageEvent<LayoutMessage>) => {
        const m = ev.data;
        if (m.type === "progress") {
          const what = {
            projecting: "projecting",
            neighbours: "neighbour graph",
            optimising: "UMAP",
          };
          status.textContent =
            `${what[m.phase]} ${(m.fraction * 100).toFixed(0)}% (${n} features, ` +
            `in a worker)`;
        } else if (m.type === "done") {
          end();
          resolve({ xy: m.xy, times: m.times });
        } else {
          end();
          reject(new Error(`feature map: ${m.message}`));
        }
      };
      worker.postMessage({ rows: owned, n, d }, [owned.buffer]);
    });
  }

  #describe(f: number): string {
    const label = this.#hooks.session.sae.labels?.get(f);
    const head = label ? `#${f} ${label}` : `feature ${f}`;
    const c = this.#hooks.corpus();
    return c ? `${head} · fires on ${(c.density[f] * 100).toFixed(2)}% of corpus tokens` : head;
  }

  /** Point colours and order (rare or inactive first, so the rest is drawn on top). */
  #recolour() {
    if (!this.#view || !this.#xy) return;
    const n = this.#xy.length / 2, order = Uint32Array.from({ length: n }, (_, i) => i);
    const cur = this.#mode === "activation" ? this.#hooks.current() : null;
    if (cur) {
      const max = new Float32Array(n), T = cur.features.length / n;
      for (let t = 0; t < T; t++) {
        for (let f = 0; f < n; f++) max[f] = Math.max(max[f], cur.features[t * n + f]);
      }
      let top = 0;
      for (let f = 0; f < n; f++) top = Math.max(top, max[f]);
      order.sort((a, b) => max[a] - max[b]);
      this.#view.setColours((f) => activationRgb(top > 0 ? max[f] / top : 0), order);
      this.#colouredFrom = cur.features;
    } else {
      const density = this.#hooks.corpus()?.density;
      if (density) order.sort((a, b) => density[a] - density[b]);
      this.#view.setColours((f) => densityRgb(density?.[f]), order);
      this.#colouredFrom = null;
    }
    this.#renderLegend(cur !== null);
  }

  #renderLegend(activation: boolean) {
    const c = this.#hooks.corpus();
    const swatch = (text: string) =>
      el(
        "div",
        { style: { marginTop: "8px" } },
        el("span", { class: "swatch", style: { background: greyCss } }),
        text,
      );
    if (activation) {
      $("legend").replaceChildren(
        el("b", {}, "Activation on the current text"),
        el("div", { class: "muted" }, "largest activation over its tokens, as a share of the top"),
        el("div", { class: "legend-bar", style: { background: legendGradient("activation") } }),
        el("div", { class: "legend-ticks" }, ACTIVATION_TICKS.map((t) => el("span", {}, t))),
        swatch("does not fire on the text"),
      );
      return;
    }
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
      swatch("never fires in the corpus"),
      c
        ? el(
          "div",
          {},
          `${c.density.filter((d) => d === 0).length} of ${c.density.length} features never fire`,
        )
        : "",
      this.#mode === "activation" ? el("div", { class: "muted" }, "(no text generated yet)") : "",
    );
  }
}
