// Contrast: which features tell set A from set B? Both sets (one prompt per
// line) run through the model in batched passes, and sae/search.ts ranks the
// features by Welch's t of their per-token activations, both directions, with
// the differences in mean activation and firing rate beside it.

/// <reference lib="dom" />

import { type ContrastScore, type FeatureNote, UsageError } from "../../mod.ts";
import { type Column, featureTable, num, pct } from "./results.ts";
import { promptLines, showError } from "./search_panel.ts";
import type { Session } from "./session.ts";
import { $ } from "./views.ts";

export interface ContrastHooks {
  session: Session;
  open(feature: number): void;
}

export class ContrastPanel {
  readonly #hooks: ContrastHooks;
  #running = false;

  constructor(hooks: ContrastHooks) {
    this.#hooks = hooks;
    $("contrast-run").addEventListener("click", () => void this.run());
  }

  async run(): Promise<void> {
    if (this.#running) return;
    const status = $("contrast-status"), button = $("contrast-run") as HTMLButtonElement;
    const outA = $("contrast-results-a"), outB = $("contrast-results-b");
    const top = Math.max(
      1,
      Math.min(
        100,
        Math.floor(
          Number(
            ($("contrast-top") as HTMLInputElement)
              .value,
          ) || 10,
        ),
      ),
    );
    this.#running = true;
    button.disabled = true;
    status.classList.remove("error");
    delete $("contrast-card").dataset.ready;
    try {
      const a = promptLines("contrast-a"), b = promptLines("contrast-b");
      if (a.length === 0 || b.length === 0) {
        throw new UsageError("both sets need at least one prompt (one per line)");
      }
      const t0 = performance.now();
      status.textContent = "running both sets through the model…";
      const r = await this.#hooks.session.site.contrast(a, b, { top });
      status.textContent = `A: ${a.length} prompts, ${r.tokens.a} tokens; B: ${b.length} ` +
        `prompts, ${r.tokens.b} tokens; ranked by Welch's t over tokens (a ranking score, not ` +
        `a p-value); ${(performance.now() - t0).toFixed(0)} ms`;
      const columns: Column<ContrastScore & FeatureNote>[] = [
        { title: "meanDiff", text: (f) => num(f.meanDiff) },
        {
          title: "rateDiff",
          text: (f) => (f.rateDiff >= 0 ? "+" : "−") + pct(Math.abs(f.rateDiff)),
          hint: "firing rate on A minus on B",
        },
      ];
      outA.replaceChildren(featureTable(r.a, {
        score: (f) => f.t,
        scoreTitle: "t",
        color: "#2b8a3e",
        columns,
        open: this.#hooks.open,
        empty: "no feature is more active on A",
      }));
      outB.replaceChildren(featureTable(r.b, {
        score: (f) => f.t,
        scoreTitle: "t",
        color: "#c92a2a",
        columns,
        open: this.#hooks.open,
        empty: "no feature is more active on B",
      }));
      $("contrast-results").hidden = false;
      $("contrast-card").dataset.ready = "true";
    } catch (e) {
      showError(status, e);
    } finally {
      this.#running = false;
      button.disabled = false;
    }
  }
}
