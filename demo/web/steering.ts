// The steering editor: a list of feature edits (add to a feature, set it, or
// multiply it), each with a slider. Edits apply at the SAE's layer at every position, the
// seed's recipe x' = decode(f') + (x - decode(f)) (sae/attach.ts steering()).

/// <reference lib="dom" />

import { type FeatureEdit, UsageError } from "../../mod.ts";
import { el } from "./views.ts";

export interface Edit {
  feature: number;
  mode: "add" | "set" | "mul";
  value: number;
}

const RANGE = { min: -10, max: 10, step: 0.25 };

/** "989:add=4,12:set=2,5:mul=0.5" -> edits (bad entries are errors: the URL is typed by hand). */
export function parseEdits(spec: string): Edit[] {
  if (!spec.trim()) return [];
  return spec.split(",").map((part) => {
    const m = /^\s*(\d+):(add|set|mul)=(-?[\d.]+)\s*$/.exec(part);
    if (!m) {
      throw new Error(`steer=${spec}: expected FEATURE:add=V, :set=V or :mul=V, got "${part}"`);
    }
    return { feature: Number(m[1]), mode: m[2] as Edit["mode"], value: Number(m[3]) };
  });
}

export function toFeatureEdits(edits: readonly Edit[]): FeatureEdit[] {
  return edits.map((e): FeatureEdit =>
    e.mode === "add"
      ? { feature: e.feature, add: e.value }
      : e.mode === "set"
      ? { feature: e.feature, set: e.value }
      : { feature: e.feature, mul: e.value }
  );
}

/** Ember's modes (sae/variant.ts) as the editor's. */
const FROM_MODE = { nudge: "add", pin: "set", mul: "mul" } as const;

/**
 * The editor's edits of library edits (a loaded variant's: add/set/mul, or
 * mode nudge/pin/mul with a value). Anything it cannot show (clamp, ablate,
 * positions, conditions, scope "generated": any other key) is refused, naming
 * the edit, rather than dropped: a variant loaded without part of an edit
 * would steer differently from what its file says.
 */
export function fromFeatureEdits(edits: readonly FeatureEdit[], where: string): Edit[] {
  return edits.map((e, i) => {
    const keys = Object.entries(e)
      .filter(([k, v]) => k !== "feature" && v !== undefined && !(k === "scope" && v === "all"))
      .map(([k]) => k);
    const refuse = (what: string) => {
      throw new UsageError(
        `${where}: edit ${i} (feature ${e.feature}) has ${what}; the demo's editor shows ` +
          "nudge (add), pin (set) or mul at every position (the CLI's --variant applies the rest)",
      );
    };
    if (keys.length === 2 && keys.includes("mode") && keys.includes("value")) {
      const mode = FROM_MODE[e.mode as keyof typeof FROM_MODE];
      if (!mode) refuse(`mode ${e.mode}`);
      return { feature: e.feature, mode, value: e.value! };
    }
    const mode = keys[0];
    if (keys.length !== 1 || (mode !== "add" && mode !== "set" && mode !== "mul")) {
      refuse(keys.join(" + ") || "no value");
    }
    const m = mode as Edit["mode"];
    return { feature: e.feature, mode: m, value: e[m]! };
  });
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
    this.#check(feature);
    this.#edits.push({ feature, mode, value });
    this.#render();
  }

  /** Replaces every edit (a loaded variant's). */
  set(edits: readonly Edit[]) {
    edits.forEach((e) => this.#check(e.feature));
    this.#edits = edits.map((e) => ({ ...e }));
    this.#render();
  }

  #check(feature: number) {
    if (!Number.isInteger(feature) || feature < 0 || feature >= this.#dSae) {
      throw new UsageError(`steering: feature ${feature} is outside [0, ${this.#dSae})`);
    }
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
        ["add", "set", "mul"].map((m) => el("option", { value: m, selected: m === e.mode }, m)),
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
