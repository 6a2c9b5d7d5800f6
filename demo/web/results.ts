// Ranked feature lists for the search, label-search and contrast panels: one
// table row per feature with its rank, index, score bar and value, a few more
// numbers and its label; a click opens the feature. Each row carries its index
// and full-precision score as data attributes (what the browser test reads).

/// <reference lib="dom" />

import { el } from "./views.ts";

/** A ranked feature: what the library's results have in common. */
export interface Ranked {
  feature: number;
  label?: string;
  moderated?: true;
}

export interface Column<R> {
  title: string;
  /** Cell text. */
  text(r: R): string;
  /** Cell tooltip. */
  hint?: string;
}

export interface TableOptions<R extends Ranked> {
  /** The score ranked by, drawn as a bar scaled to the largest |score| in the list. */
  score(r: R): number;
  scoreTitle: string;
  color: string;
  /** More numbers after the score. */
  columns?: Column<R>[];
  open(feature: number): void;
  /** Shown instead of an empty table. */
  empty: string;
}

/** Signed number with 3 decimals (scores) or a percentage. */
export const num = (v: number) => (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(3);
export const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function featureTable<R extends Ranked>(rows: R[], o: TableOptions<R>): HTMLElement {
  if (rows.length === 0) return el("div", { class: "muted" }, o.empty);
  const max = Math.max(1e-12, ...rows.map((r) => Math.abs(o.score(r))));
  const cols = o.columns ?? [];
  return el(
    "table",
    { class: "ranked" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {}, "#"),
        el("th", {}, "feature"),
        el("th", { colspan: 2 }, o.scoreTitle),
        cols.map((c) => el("th", { title: c.hint }, c.title)),
        el("th", { class: "label-col" }, "label"),
      ),
    ),
    el(
      "tbody",
      {},
      rows.map((r, i) => {
        const s = o.score(r);
        return el(
          "tr",
          {
            class: r.feature === openFeature ? "result-row open" : "result-row",
            "data-feature": r.feature,
            "data-score": s,
            title: `open feature ${r.feature}`,
            onclick: () => o.open(r.feature),
          },
          el("td", { class: "rank" }, String(i + 1)),
          el("td", { class: "fid" }, `#${r.feature}`),
          el(
            "td",
            { class: "score-bar" },
            el(
              "span",
              { class: "bar-track" },
              el("span", {
                class: "bar-fill",
                style: {
                  width: `${(100 * Math.abs(s) / max).toFixed(1)}%`,
                  background: o.color,
                },
              }),
            ),
          ),
          el("td", { class: "num" }, num(s)),
          cols.map((c) => el("td", { class: "num" }, c.text(r))),
          el(
            "td",
            { class: "label-col" },
            r.moderated ? el("span", { class: "pill warn" }, "moderated") : "",
            r.label ?? el("span", { class: "muted" }, "—"),
          ),
        );
      }),
    ),
  );
}

/** The feature whose dashboard is open: its rows are marked, in tables drawn later too. */
let openFeature = -1;

/** Marks the open feature's rows in every ranked table (the others unmarked). */
export function markOpen(feature: number): void {
  openFeature = feature;
  document.querySelectorAll<HTMLElement>("tr.result-row").forEach((r) =>
    r.classList.toggle("open", r.dataset.feature === String(feature))
  );
}
