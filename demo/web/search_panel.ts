// Feature search: "which features are about this?" by example (texts run
// through the model, their SAE features summed on the GPU and ranked against
// a background corpus by sae/search.ts) and, when labels are loaded, by label
// text. Labels come from a file the user picks, or from config.json when the
// server publishes one with the SAE. A result opens its feature's dashboard.

/// <reference lib="dom" />

import { collectFeatureStats, FeatureLabels, type FeatureStats, UsageError } from "../../mod.ts";
import {
  BACKGROUND_CHOICES,
  type BackgroundChoice,
  BUILTIN_BACKGROUND,
  corpusStats,
} from "./background.ts";
import type { Corpus } from "./corpus.ts";
import { featureTable, num, pct } from "./results.ts";
import type { Session } from "./session.ts";
import { $, el } from "./views.ts";

export interface SearchHooks {
  session: Session;
  corpus(): Corpus | null;
  corpusStatus(): string;
  open(feature: number): void;
  /** After labels load: the open feature's dashboard shows its label. */
  labelsChanged(): void;
}

/** Non-empty lines of a text area: one prompt per line. */
export function promptLines(id: string): string[] {
  return ($(id) as HTMLTextAreaElement).value.split(/\r?\n/).map((l) => l.trim()).filter((l) =>
    l !== ""
  );
}

/** Shows an error in a panel's status line; only unexpected ones go to the console. */
export function showError(status: HTMLElement, e: unknown) {
  status.textContent = `error: ${(e as Error).message ?? e}`;
  status.classList.add("error");
  if (!(e instanceof UsageError)) console.error(e);
}

export class SearchPanel {
  readonly #hooks: SearchHooks;
  #builtin: Promise<FeatureStats> | null = null;
  #corpusStats: { corpus: Corpus; stats: FeatureStats } | null = null;
  #running = false;

  constructor(hooks: SearchHooks) {
    this.#hooks = hooks;
    const select = $("search-background") as HTMLSelectElement;
    select.replaceChildren(
      ...Object.entries(BACKGROUND_CHOICES).map(([value, text]) =>
        el("option", { value }, `background: ${text}`)
      ),
    );
    $("search-run").addEventListener("click", () => void this.search());
    $("label-query").addEventListener("input", () => this.labelSearch());
    const file = $("labels-file") as HTMLInputElement;
    file.addEventListener("change", async () => {
      const f = file.files?.[0];
      if (!f) return;
      try {
        this.useLabels(await f.text(), f.name);
      } catch (e) {
        showError($("labels-status"), e);
      }
    });
    this.#renderLabelState();
  }

  /** Statistics of the chosen background, or undefined for none. */
  async #background(choice: BackgroundChoice): Promise<FeatureStats | undefined> {
    const { session } = this.#hooks;
    if (choice === "none") return undefined;
    if (choice === "corpus") {
      const corpus = this.#hooks.corpus();
      if (!corpus) {
        throw new UsageError(
          `the page's corpus is not ready (${this.#hooks.corpusStatus()}); ` +
            "search against the built-in sentences meanwhile",
        );
      }
      if (this.#corpusStats?.corpus !== corpus) {
        this.#corpusStats = { corpus, stats: corpusStats(corpus, session.sae.dSae) };
      }
      return this.#corpusStats.stats;
    }
    // Computed once per page (the same texts give the same sums).
    this.#builtin ??= collectFeatureStats(session.site, BUILTIN_BACKGROUND);
    try {
      return await this.#builtin;
    } catch (e) {
      this.#builtin = null;
      throw e;
    }
  }

  async search(): Promise<void> {
    if (this.#running) return;
    const status = $("search-status"), out = $("search-results"), button = $("search-run");
    const choice = ($("search-background") as HTMLSelectElement).value as BackgroundChoice;
    const rankBy = ($("search-rank") as HTMLSelectElement).value as "logOdds" | "meanDiff";
    const top = Math.max(
      1,
      Math.min(
        100,
        Math.floor(
          Number(
            ($("search-top") as HTMLInputElement)
              .value,
          ) || 15,
        ),
      ),
    );
    this.#running = true;
    (button as HTMLButtonElement).disabled = true;
    status.classList.remove("error");
    delete out.dataset.ready;
    try {
      const texts = promptLines("search-texts");
      if (texts.length === 0) throw new UsageError("type at least one text (one per line)");
      const t0 = performance.now();
      status.textContent = "running the texts through the model…";
      const background = await this.#background(choice);
      const r = await this.#hooks.session.site.search(texts, { background, rankBy, top });
      const ms = performance.now() - t0;
      const other = rankBy === "logOdds" ? "meanDiff" : "logOdds";
      status.textContent =
        `${texts.length} text${texts.length > 1 ? "s" : ""}, ${r.tokens.texts} ` +
        `tokens, against ${
          choice === "none"
            ? "no background"
            : `${BACKGROUND_CHOICES[choice]} (${r.tokens.background} tokens)`
        }; ranked by ${
          rankBy === "logOdds" ? "log-odds ratio of firing" : "difference in mean activation"
        }; ${ms.toFixed(0)} ms`;
      out.replaceChildren(featureTable(r.features, {
        score: (f) => f[rankBy],
        scoreTitle: rankBy,
        color: "#e8590c",
        columns: [
          { title: other, text: (f) => num(f[other]) },
          {
            title: "fires here",
            text: (f) => pct(f.rateTexts),
            hint: "share of the texts' tokens",
          },
          {
            title: "background",
            text: (f) => pct(f.rateBackground),
            hint: "share of the background's tokens",
          },
        ],
        open: this.#hooks.open,
        empty: "no feature fires on these texts",
      }));
      out.dataset.rankBy = rankBy;
      out.dataset.ready = "true";
    } catch (e) {
      showError(status, e);
    } finally {
      this.#running = false;
      (button as HTMLButtonElement).disabled = false;
    }
  }

  /** Attaches labels to the SAE, replacing any before (and the moderation they brought). */
  useLabels(text: string, name: string): void {
    const labels = FeatureLabels.parse(text, name);
    this.#hooks.session.sae.useLabels(labels);
    this.#renderLabelState();
    this.labelSearch();
    this.#hooks.labelsChanged();
  }

  /** Loads the labels file the server publishes with the SAE; a failure shows in the panel. */
  async fetchLabels(url: string): Promise<void> {
    try {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`labels ${url}: HTTP ${r.status}`);
      this.useLabels(await r.text(), url);
    } catch (e) {
      showError($("labels-status"), e);
    }
  }

  labelSearch(): void {
    const out = $("label-results");
    const { sae } = this.#hooks.session;
    const q = ($("label-query") as HTMLInputElement).value;
    delete out.dataset.ready;
    if (!sae.labels || !q.trim()) {
      out.replaceChildren();
      return;
    }
    const matches = sae.labels.search(q, { top: 15, exclude: sae.moderated });
    out.replaceChildren(featureTable(matches.map((m) => ({ ...m, feature: m.index })), {
      score: (m) => m.score,
      scoreTitle: "match",
      color: "#1864ab",
      open: this.#hooks.open,
      empty: `no label shares a word with “${q.trim()}”`,
    }));
    out.dataset.ready = "true";
  }

  #renderLabelState() {
    const labels = this.#hooks.session.sae.labels, status = $("labels-status");
    const query = $("label-query") as HTMLInputElement;
    status.classList.remove("error");
    query.disabled = !labels;
    if (!labels) {
      status.textContent = "No labels: load a Neuronpedia explanation export or a " +
        '{"index": "label"} JSON to name features and search them by label.';
      return;
    }
    const hidden = this.#hooks.session.sae.moderated.size;
    status.textContent =
      `${labels.size} label${labels.size === 1 ? "" : "s"} from ${labels.source}` +
      (hidden ? `; ${hidden} moderated features hidden from search and steering` : "");
    status.dataset.ready = "true";
  }
}
