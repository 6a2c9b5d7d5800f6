// The "Cached models" card: what the OPFS weight cache holds (model, format,
// size, when), a delete button per entry, and a status line saying whether
// this model came from the cache, is being saved to it, or could not be.

/// <reference lib="dom" />

import { formatBytes } from "../../mod.ts";
import type { CacheEntry, WeightCache } from "./weight_cache.ts";
import { el } from "./views.ts";

export class CachePanel {
  readonly card: HTMLElement;
  readonly #status = el("div", { id: "weight-cache-status", class: "small" });
  readonly #list = el("div", { id: "weight-cache-list" });
  readonly #cache: WeightCache | null;

  constructor(cache: WeightCache | null) {
    this.#cache = cache;
    this.card = el(
      "section",
      { class: "card", id: "weight-cache" },
      el("h2", {}, "Cached models"),
      el(
        "div",
        { class: "muted small" },
        "Quantized weights kept in this browser's private storage (OPFS), keyed by a hash of " +
          "the source files and the format; the next visit loads them from disk.",
      ),
      this.#status,
      this.#list,
    );
    if (!cache) {
      this.status("This browser offers no Origin Private File System: nothing is cached.");
    }
  }

  /** The status line; `state` goes to data-state for tests ("hit", "saving", "saved", "full", "error"). */
  status(text: string, state = "") {
    this.#status.textContent = text;
    this.#status.dataset.state = state;
  }

  async refresh(): Promise<void> {
    if (!this.#cache) return;
    const entries = await this.#cache.list();
    const total = entries.reduce((n, e) => n + e.bytes, 0);
    this.#list.replaceChildren(
      entries.length
        ? el(
          "table",
          { class: "small" },
          el("tr", {}, ["model", "format", "size", "saved", ""].map((h) => el("th", {}, h))),
          entries.map((e) => this.#row(e)),
        )
        : el("div", { class: "muted small" }, "Nothing cached."),
      entries.length ? el("div", { class: "muted small" }, `${formatBytes(total)} in all`) : "",
    );
  }

  #row(e: CacheEntry): HTMLElement {
    return el(
      "tr",
      { class: "cache-entry", "data-key": e.key, "data-bytes": e.bytes },
      el("td", { title: `key ${e.key}` }, e.model),
      el("td", {}, e.format),
      el("td", { class: "cache-size" }, formatBytes(e.bytes)),
      el("td", {}, new Date(e.created).toLocaleString()),
      el(
        "td",
        {},
        el("button", {
          class: "cache-delete",
          onclick: async () => {
            await this.#cache!.remove(e.key);
            await this.refresh();
          },
        }, "Delete"),
      ),
    );
  }
}
