// The steering editor: a list of feature edits (add to a feature, or set it),
// each with a slider. Edits apply at the SAE's layer at every position, the
// seed's recipe x' = decode(f') + (x - decode(f)) (sae/attach.ts steering()).

/// <reference lib="dom" />

import type { FeatureEdit } from "../../mod.ts";
import { el } from "./views.ts";

export interface Edit {
  feature: number;
  mode: "add" | "set";
  value: number;
}

const RANGE = { min: -10, max: 10, step: 0.25 };

/** "989:add=4,12:set=2" -> edits (bad entries are errors: the URL is typed by hand). */
export function parseEdits(spec: string): Edit[] {
  if (!spec.trim()) return [];
  return spec.split(",").map((part) => {
    const m = /^\s*(\d+):(add|set)=(-?[\d.]+)\s*$/.exec(part);
    if (!m) {
      throw new Error(`steer=${spec}: expected FEATURE:add=V or FEATURE:set=V, got "${part}"`);
    }
    return { feature: Number(m[1]), mode: m[2] as Edit["mode"], value: Number(m[3]) };
  });
}

export function toFeatureEdits(edits: readonly Edit[]): FeatureEdit[] {
  return edits.map((e) =>
    e.mode === "add" ? { feature: e.feature, add: e.value } : { feature: e.feature, set: e.value }
  );
}

export class SteeringEditor {
  readonly #root: HTMLElement;
  readonly #dSae: number;
  readonly #open: (feature: number) => void;
  #edits: Edit[] = [];

  constructor(root: HTMLElement, dSae: number, open: (feature: number) => void) {
    this.#root = root;
    this.#dSae = dSae;
    this.#open = open;
    this.#render();
  }

  edits(): Edit[] {
    return this.#edits.map((e) => ({ ...e }));
  }

  add(feature: number, mode: Edit["mode"] = "add", value = 4) {
    if (!Number.isInteger(feature) || feature < 0 || feature >= this.#dSae) {
      throw new Error(`steering: feature ${feature} is outside [0, ${this.#dSae})`);
    }
    this.#edits.push({ feature, mode, value });
    this.#render();
  }

  #render() {
    if (this.#edits.length === 0) {
      this.#root.replaceChildren(
        el(
          "div",
          { class: "muted" },
          "No edits. Add a feature (or use “Steer with this feature” on its panel).",
        ),
      );
      return;
    }
    this.#root.replaceChildren(...this.#edits.map((e, i) => {
      const val = el("span", { class: "val" }, e.value.toFixed(2));
      const slider = el("input", {
        type: "range",
        class: "edit-value",
        ...RANGE,
        value: e.value,
        oninput: (ev: Event) => {
          e.value = Number((ev.target as HTMLInputElement).value);
          val.textContent = e.value.toFixed(2);
        },
      });
      const mode = el(
        "select",
        {
          class: "edit-mode",
          onchange: (ev: Event) => e.mode = (ev.target as HTMLSelectElement).value as Edit["mode"],
        },
        ["add", "set"].map((m) => el("option", { value: m, selected: m === e.mode }, m)),
      );
      return el(
        "div",
        { class: "edit-row", "data-feature": e.feature },
        el("span", {
          class: "fname",
          onclick: () => this.#open(e.feature),
          title: "open its panel",
        }, `#${e.feature}`),
        mode,
        slider,
        val,
        el("button", {
          class: "edit-remove",
          title: "remove",
          onclick: () => {
            this.#edits.splice(i, 1);
            this.#render();
          },
        }, "×"),
      );
    }));
  }
}
