// Variants: a steered configuration saved as JSON, in the spirit of Goodfire
// Ember's variants (base_model, the SAE, edits as {index_in_sae, value,
// mode}), plus Loupe's scope, conditions (when) and abort_when:
//
//   { "format": "loupe-variant", "version": 1, "base_model": "...",
//     "sae": { "id": "...", "layer": "model.layers.N", "d_sae": N },
//     "edits": [{ "index_in_sae": 12, "value": 4, "mode": "nudge",
//                 "scope": "generated", "when": { "index_in_sae": 7, "above": 0.5 } }],
//     "abort_when": [{ "index_in_sae": 9, "above": 2, "reason": "..." }] }
//
// Files are untrusted: parseVariant checks every field and names it in its
// FormatError; a variant for another SAE (d_sae, layer) is refused with a
// UsageError before anything runs.

import { FormatError, UsageError } from "../engine/errors.ts";
import type { Intervention } from "../engine/hooks.ts";
import { type SaeAttachment, steering, type SteeringOptions } from "./attach.ts";
import {
  type AbortCondition,
  checkAbortCondition,
  type EditScope,
  type FeatureCondition,
} from "./conditions.ts";
import { readText } from "./labels.ts";
import type { Sae } from "./sae.ts";
import { EDIT_MODES, type EditMode, type FeatureEdit, planSteer } from "./steer.ts";

/** The `format` of a variant file. */
export const VARIANT_FORMAT = "loupe-variant";
/** The `version` this Loupe reads and writes. */
export const VARIANT_VERSION = 1;

/** A condition on one feature's activation: above < v < below (strict; at least one). */
export interface VariantCondition {
  /** The feature. */
  index_in_sae: number;
  /** Holds while the activation is above this. */
  above?: number;
  /** Holds while the activation is below this. */
  below?: number;
}

/** One edit, Ember's way: `mode` with `value` (clamp: at most value; `min` adds a floor). */
export interface VariantEdit {
  /** The feature edited. */
  index_in_sae: number;
  /** nudge: added; pin: set; mul: factor; clamp: upper bound. */
  value: number;
  /** nudge, pin, mul or clamp. */
  mode: EditMode;
  /** mode "clamp" only: the lower bound (f' = min(max(f, min), value)). */
  min?: number;
  /** "all" (default) or "generated" (only positions whose input token was generated). */
  scope?: EditScope;
  /** Edit a token only while this condition holds on it. */
  when?: VariantCondition;
}

/** Stop generating at the first token where the condition holds, reporting `reason`. */
export interface VariantAbort extends VariantCondition {
  /** What the generation reports when it stops here. */
  reason: string;
  /** "all" (default) or "generated". */
  scope?: EditScope;
}

/** A saved steering configuration (the JSON file, field for field). */
export interface Variant {
  /** Always "loupe-variant". */
  format: "loupe-variant";
  /** Always 1. */
  version: 1;
  /** The model it was made for (its source as given to Loupe, or a hub id). */
  base_model: string;
  /** The SAE: its source (`id`), the module it reads (`layer`) and its width. */
  sae: { id: string; layer: string; d_sae: number };
  /** Applied in order at the SAE's layer. */
  edits: VariantEdit[];
  /** Stop conditions (may be empty). */
  abort_when: VariantAbort[];
}

type Json = Record<string, unknown>;

/** Field checks against one file; every error names the file and the field. */
class Reader {
  constructor(readonly where: string) {}
  fail(field: string, msg: string): never {
    throw new FormatError(this.where, `${field}: ${msg}`);
  }
  object(v: unknown, field: string, keys: readonly string[]): Json {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      this.fail(field, "must be an object");
    }
    const extra = Object.keys(v as Json).filter((k) => !keys.includes(k));
    if (extra.length) {
      this.fail(
        field,
        `unknown field${extra.length > 1 ? "s" : ""} ${extra.join(", ")} (known: ${
          keys.join(", ")
        })`,
      );
    }
    return v as Json;
  }
  string(v: unknown, field: string): string {
    if (typeof v !== "string" || v.trim() === "") {
      this.fail(field, `must be a non-empty string, got ${show(v)}`);
    }
    return v;
  }
  number(v: unknown, field: string): number {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.fail(field, `must be a finite number, got ${show(v)}`);
    }
    return v;
  }
  index(v: unknown, field: string, dSae: number): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v >= dSae) {
      this.fail(field, `must be a feature index in [0, ${dSae}) (sae.d_sae), got ${show(v)}`);
    }
    return v;
  }
  scope(v: unknown, field: string): EditScope | undefined {
    if (v === undefined) return undefined;
    if (v !== "all" && v !== "generated") {
      this.fail(field, `must be "all" or "generated", got ${show(v)}`);
    }
    return v;
  }
  condition(v: Json, field: string, dSae: number): VariantCondition {
    const c: VariantCondition = {
      index_in_sae: this.index(v.index_in_sae, `${field}.index_in_sae`, dSae),
    };
    if (v.above !== undefined) c.above = this.number(v.above, `${field}.above`);
    if (v.below !== undefined) c.below = this.number(v.below, `${field}.below`);
    if (c.above === undefined && c.below === undefined) {
      this.fail(field, "give above, below or both");
    }
    if (c.above !== undefined && c.below !== undefined && !(c.above < c.below)) {
      this.fail(field, `above (${c.above}) must be less than below (${c.below})`);
    }
    return c;
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? s.slice(0, 40) + "..." : s;
}

const TOP = ["format", "version", "base_model", "sae", "edits", "abort_when"] as const;
const EDIT = ["index_in_sae", "value", "mode", "min", "scope", "when"] as const;
const COND = ["index_in_sae", "above", "below"] as const;
const ABORT = ["index_in_sae", "above", "below", "reason", "scope"] as const;

/** Parses and checks a variant file's text; `where` (its path) names it in every FormatError. */
export function parseVariant(text: string, where: string): Variant {
  const r: Reader = new Reader(where);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FormatError(where, `not JSON (${(e as Error).message})`);
  }
  const top = r.object(raw, "variant", TOP);
  if (top.format !== VARIANT_FORMAT) {
    r.fail("format", `must be "${VARIANT_FORMAT}", got ${show(top.format)}`);
  }
  if (top.version !== VARIANT_VERSION) {
    r.fail(
      "version",
      typeof top.version === "number" && top.version > VARIANT_VERSION
        ? `${top.version} is newer than this Loupe reads (${VARIANT_VERSION})`
        : `must be ${VARIANT_VERSION}, got ${show(top.version)}`,
    );
  }
  const base_model = r.string(top.base_model, "base_model");
  const s = r.object(top.sae, "sae", ["id", "layer", "d_sae"]);
  const dSae = s.d_sae;
  if (typeof dSae !== "number" || !Number.isInteger(dSae) || dSae < 1) {
    r.fail("sae.d_sae", `must be a positive integer, got ${show(dSae)}`);
  }
  const sae = { id: r.string(s.id, "sae.id"), layer: r.string(s.layer, "sae.layer"), d_sae: dSae };
  if (!Array.isArray(top.edits)) r.fail("edits", "must be a list");
  const edits = (top.edits as unknown[]).map((raw, i): VariantEdit => {
    const field = `edits[${i}]`;
    const e = r.object(raw, field, EDIT);
    const mode = e.mode as EditMode;
    if (!EDIT_MODES.includes(mode)) {
      r.fail(`${field}.mode`, `must be one of ${EDIT_MODES.join(", ")}, got ${show(e.mode)}`);
    }
    const out: VariantEdit = {
      index_in_sae: r.index(e.index_in_sae, `${field}.index_in_sae`, dSae),
      value: r.number(e.value, `${field}.value`),
      mode,
    };
    if (e.min !== undefined) {
      if (mode !== "clamp") r.fail(`${field}.min`, `only mode "clamp" takes min (mode is ${mode})`);
      out.min = r.number(e.min, `${field}.min`);
      if (out.min > out.value) r.fail(`${field}.min`, `${out.min} is above value ${out.value}`);
    }
    const scope = r.scope(e.scope, `${field}.scope`);
    if (scope) out.scope = scope;
    if (e.when !== undefined) {
      out.when = r.condition(r.object(e.when, `${field}.when`, COND), `${field}.when`, dSae);
    }
    return out;
  });
  const aborts = top.abort_when === undefined ? [] : top.abort_when;
  if (!Array.isArray(aborts)) r.fail("abort_when", "must be a list");
  const abort_when = (aborts as unknown[]).map((raw, i): VariantAbort => {
    const field = `abort_when[${i}]`;
    const a = r.object(raw, field, ABORT);
    const out: VariantAbort = {
      ...r.condition(a, field, dSae),
      reason: r.string(a.reason, `${field}.reason`),
    };
    const scope = r.scope(a.scope, `${field}.scope`);
    if (scope) out.scope = scope;
    return out;
  });
  return { format: VARIANT_FORMAT, version: VARIANT_VERSION, base_model, sae, edits, abort_when };
}

function conditionJson(c: VariantCondition): VariantCondition {
  return {
    index_in_sae: c.index_in_sae,
    ...(c.above !== undefined ? { above: c.above } : {}),
    ...(c.below !== undefined ? { below: c.below } : {}),
  };
}

/** The file text of `v` (checked by parsing it back), keys in a fixed order. */
export function variantToJson(v: Variant): string {
  const ordered = {
    format: VARIANT_FORMAT,
    version: VARIANT_VERSION,
    base_model: v.base_model,
    sae: { id: v.sae.id, layer: v.sae.layer, d_sae: v.sae.d_sae },
    edits: v.edits.map((e) => ({
      index_in_sae: e.index_in_sae,
      value: e.value,
      mode: e.mode,
      ...(e.min !== undefined ? { min: e.min } : {}),
      ...(e.scope !== undefined ? { scope: e.scope } : {}),
      ...(e.when !== undefined ? { when: conditionJson(e.when) } : {}),
    })),
    abort_when: v.abort_when.map((a) => ({
      ...conditionJson(a),
      reason: a.reason,
      ...(a.scope !== undefined ? { scope: a.scope } : {}),
    })),
  };
  const text = JSON.stringify(ordered, null, 2) + "\n";
  parseVariant(text, "variantToJson"); // a variant that cannot be read back is not written
  return text;
}

/** What variantFromEdits needs besides the edits. */
export interface VariantSource {
  /** The model's source or id. */
  baseModel: string;
  /** The SAE's source or id, its module and its width. */
  sae: { id: string; layer: string; dSae: number };
  /** The edits, as steering() takes them (no positions). */
  edits: readonly FeatureEdit[];
  /** Stop conditions, as SteeringOptions.abortWhen. */
  abortWhen?: readonly AbortCondition[];
}

function toCondition(c: FeatureCondition): VariantCondition {
  return conditionJson({ index_in_sae: c.feature, above: c.above, below: c.below });
}

/**
 * A variant of steering edits (as steering() takes them). add/set/mul/ablate
 * become nudge/pin/mul/pin 0; clamp [min, max] becomes mode clamp, value max,
 * min. Edits at explicit `positions` cannot be saved (a variant applies to any
 * text): UsageError.
 */
export function variantFromEdits(src: VariantSource): Variant {
  const dSae = src.sae.dSae;
  const abortWhen = src.abortWhen ?? [];
  planSteer(src.edits, [], dSae, Number.MAX_SAFE_INTEGER, { scopes: true });
  abortWhen.forEach((a, i) => checkAbortCondition(a, dSae, `variant: abortWhen ${i}`));
  const edits = src.edits.map((e, i): VariantEdit => {
    if (e.positions !== undefined) {
      throw new UsageError(
        `variant: edit ${i} (feature ${e.feature}) has positions; a variant holds edits at every ` +
          `position (or scope "generated") only`,
      );
    }
    let m: Pick<VariantEdit, "mode" | "value" | "min">;
    if (e.mode !== undefined) m = { mode: e.mode, value: e.value! };
    else if (e.add !== undefined) m = { mode: "nudge", value: e.add };
    else if (e.set !== undefined) m = { mode: "pin", value: e.set };
    else if (e.mul !== undefined) m = { mode: "mul", value: e.mul };
    else if (e.ablate) m = { mode: "pin", value: 0 };
    else m = { mode: "clamp", value: e.clamp![1], min: e.clamp![0] };
    return {
      index_in_sae: e.feature,
      mode: m.mode,
      value: m.value,
      ...(m.min !== undefined ? { min: m.min } : {}),
      ...(e.scope !== undefined ? { scope: e.scope } : {}),
      ...(e.when !== undefined ? { when: toCondition(e.when) } : {}),
    };
  });
  return {
    format: VARIANT_FORMAT,
    version: VARIANT_VERSION,
    base_model: src.baseModel,
    sae: { id: src.sae.id, layer: src.sae.layer, d_sae: dSae },
    edits,
    abort_when: abortWhen.map((a) => ({
      ...toCondition(a),
      reason: a.reason,
      ...(a.scope !== undefined ? { scope: a.scope } : {}),
    })),
  };
}

function fromCondition(c: VariantCondition): FeatureCondition {
  return {
    feature: c.index_in_sae,
    ...(c.above !== undefined ? { above: c.above } : {}),
    ...(c.below !== undefined ? { below: c.below } : {}),
  };
}

/** The variant's edits, as steering() and Sae.steer take them. */
export function variantEdits(v: Variant): FeatureEdit[] {
  return v.edits.map((e) => ({
    feature: e.index_in_sae,
    ...(e.mode === "clamp" && e.min !== undefined
      ? { clamp: [e.min, e.value] as [number, number] }
      : { mode: e.mode, value: e.value }),
    ...(e.scope !== undefined ? { scope: e.scope } : {}),
    ...(e.when !== undefined ? { when: fromCondition(e.when) } : {}),
  }));
}

/** The variant's abort_when, as SteeringOptions.abortWhen takes it. */
export function variantAbortWhen(v: Variant): AbortCondition[] {
  return v.abort_when.map((a) => ({
    ...fromCondition(a),
    reason: a.reason,
    ...(a.scope !== undefined ? { scope: a.scope } : {}),
  }));
}

/** Refuses a variant made for another SAE width or another layer (UsageError naming `where`). */
export function checkVariantSae(
  v: Variant,
  sae: Pick<Sae, "dSae" | "describe">,
  layer: string,
  where: string,
): void {
  if (v.sae.d_sae !== sae.dSae) {
    throw new UsageError(
      `${where}: the variant is for an SAE with d_sae ${v.sae.d_sae} (${v.sae.id}), but ` +
        `${sae.describe} has ${sae.dSae} features`,
    );
  }
  if (v.sae.layer !== layer) {
    throw new UsageError(
      `${where}: the variant is for ${v.sae.layer}, but the SAE is attached to ${layer}`,
    );
  }
}

/**
 * The variant as interventions on `site` (its edits and abort_when through
 * steering()), after checking it fits the SAE; moderated features are refused
 * unless opts.includeModerated.
 */
export function variantInterventions(
  site: Pick<SaeAttachment, "sae" | "module">,
  v: Variant,
  opts: Omit<SteeringOptions, "abortWhen"> = {},
  where = "variant",
): Record<string, Intervention> {
  checkVariantSae(v, site.sae, site.module, where);
  return {
    [site.module]: steering(site.sae, variantEdits(v), { ...opts, abortWhen: variantAbortWhen(v) }),
  };
}

/** Reads and parses a variant file (path or URL). */
export async function loadVariant(src: string): Promise<Variant> {
  return parseVariant(await readText(src), src);
}
