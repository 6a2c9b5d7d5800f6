// Steering variants in the page: the steering editor's edits saved as a
// variant file (sae/variant.ts, Ember's shape: base_model, the SAE's id, layer
// and width, edits [{index_in_sae, value, mode}]) and downloaded, and a
// variant file loaded back into the editor. A variant for another SAE (layer
// or width) is refused; one for another base model loads with a warning, since
// model names differ between a folder and a hub id of the same weights.

/// <reference lib="dom" />

import {
  checkVariantSae,
  parseVariant,
  UsageError,
  type Variant,
  variantEdits,
  variantFromEdits,
  variantToJson,
} from "../../mod.ts";
import { showError } from "./search_panel.ts";
import type { Session } from "./session.ts";
import { type Edit, fromFeatureEdits, toFeatureEdits } from "./steering.ts";
import { $ } from "./views.ts";

export interface VariantHooks {
  session: Session;
  /** The model's and the SAE's names, as the page header shows them. */
  modelName: string;
  saeName: string;
  edits(): Edit[];
  setEdits(edits: Edit[]): void;
}

export class VariantPanel {
  readonly #hooks: VariantHooks;

  constructor(hooks: VariantHooks) {
    this.#hooks = hooks;
    $("variant-save").addEventListener("click", () => {
      try {
        this.save();
      } catch (e) {
        showError($("variant-status"), e);
      }
    });
    const input = $("variant-file") as HTMLInputElement;
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      try {
        this.load(await file.text(), file.name);
      } catch (e) {
        showError($("variant-status"), e);
      } finally {
        input.value = ""; // the same file can be loaded again
      }
    });
  }

  /** The editor's edits as a variant of this page's model and SAE. */
  variant(): Variant {
    const { session, modelName, saeName } = this.#hooks;
    return variantFromEdits({
      baseModel: modelName,
      sae: { id: saeName, layer: session.layer, dSae: session.sae.dSae },
      edits: toFeatureEdits(this.#hooks.edits()),
    });
  }

  /** Downloads the variant as `variant-MODEL-N.json`. */
  save(): void {
    const edits = this.#hooks.edits();
    if (edits.length === 0) throw new UsageError("no edits to save: add one first");
    const json = variantToJson(this.variant());
    const name = `variant-${this.#hooks.modelName}-${edits.map((e) => e.feature).join("-")}.json`
      .replace(/[^\w.-]+/g, "_");
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    // The download has the blob once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#status(`saved ${edits.length} edit${edits.length > 1 ? "s" : ""} as ${name}`);
  }

  /** Parses a variant file and replaces the editor's edits with its own. */
  load(text: string, name: string): void {
    const { session, modelName } = this.#hooks;
    const v = parseVariant(text, name);
    checkVariantSae(v, session.sae, session.layer, name);
    if (v.abort_when.length) {
      throw new UsageError(
        `${name} has an abort_when condition, which the demo does not apply; use the CLI's --variant`,
      );
    }
    const edits = fromFeatureEdits(variantEdits(v), name);
    this.#hooks.setEdits(edits);
    const other = v.base_model !== modelName ? ` (made for ${v.base_model}, not ${modelName})` : "";
    this.#status(`loaded ${edits.length} edit${edits.length > 1 ? "s" : ""} from ${name}${other}`);
  }

  #status(text: string) {
    const status = $("variant-status");
    status.classList.remove("error");
    status.textContent = text;
    status.dataset.ready = "true";
  }
}
