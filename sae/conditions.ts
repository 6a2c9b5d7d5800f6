// Conditions on a feature's activation at one token, for conditional edits
// (FeatureEdit.when, Ember's set_when) and for stopping a generation
// (SteeringOptions.abortWhen). Both are evaluated on the GPU inside the pass:
// the condition feature is read from the features as encoded (before any
// edit), on the same token as the edit or the stop.

import { UsageError } from "../engine/errors.ts";
import type { Tensor } from "../engine/ops/tensor.ts";

/** Which positions an edit or a stop condition acts on. */
export type EditScope = "all" | "generated";

/**
 * A test of feature `feature`'s activation v on one token: v > above and/or
 * v < below (strict; at least one given; with both, above < below).
 */
export interface FeatureCondition {
  /** Feature index in [0, d_sae). */
  feature: number;
  /** Holds while v > above. */
  above?: number;
  /** Holds while v < below. */
  below?: number;
}

/** Stops a generation at the first token where the condition holds (see SteeringOptions.abortWhen). */
export interface AbortCondition extends FeatureCondition {
  /** Why: what the generation reports when it stops (GenerateStream.aborted.reason). */
  reason: string;
  /**
   * "all" (default): prompt and generated positions; "generated": only the
   * positions whose input token was generated.
   */
  scope?: EditScope;
}

/**
 * The largest finite f32. An absent bound is this (negated for `above`), so
 * that the GPU compares two finite numbers: v > -F32_MAX and v < F32_MAX hold
 * for every finite activation.
 */
export const F32_MAX = 3.4028234663852886e38;

/** A condition resolved against the SAE: bounds as f32, slot = column of the compact features. */
export interface PlannedCondition {
  feature: number;
  slot: number;
  /** Holds while v > lo (f32). */
  lo: number;
  /** Holds while v < hi (f32). */
  hi: number;
}

/** A stop condition for one pass: code and first row resolved by the intervention. */
export interface PlannedStop extends PlannedCondition {
  code: number;
  fromRow: number;
}

/** The plain-TS rule the kernels apply: lo < v < hi, compared in f32. */
export function conditionHolds(v: number, c: { lo: number; hi: number }): boolean {
  const f = Math.fround(v);
  return f > c.lo && f < c.hi;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Validates `c` against d_sae; returns its f32 bounds. `where` names it in errors. */
export function checkCondition(
  c: FeatureCondition,
  dSae: number,
  where: string,
): { lo: number; hi: number } {
  if (c === null || typeof c !== "object") {
    throw new UsageError(`${where}: a condition is { feature, above?, below? }`);
  }
  if (!Number.isInteger(c.feature) || c.feature < 0 || c.feature >= dSae) {
    throw new UsageError(`${where}: feature must be an integer in [0, ${dSae}), got ${c.feature}`);
  }
  if (c.above === undefined && c.below === undefined) {
    throw new UsageError(`${where}: give above, below or both`);
  }
  for (const k of ["above", "below"] as const) {
    if (c[k] !== undefined && !finite(c[k])) {
      throw new UsageError(`${where}: ${k} must be a finite number, got ${c[k]}`);
    }
  }
  const lo = c.above === undefined ? -F32_MAX : Math.fround(c.above);
  const hi = c.below === undefined ? F32_MAX : Math.fround(c.below);
  if (!(lo < hi)) {
    throw new UsageError(`${where}: above (${c.above}) must be less than below (${c.below})`);
  }
  return { lo, hi };
}

/** Validates a stop condition (reason, scope) beside its feature test. */
export function checkAbortCondition(
  c: AbortCondition,
  dSae: number,
  where: string,
): { lo: number; hi: number } {
  const bounds = checkCondition(c, dSae, where);
  if (typeof c.reason !== "string" || c.reason.trim() === "") {
    throw new UsageError(`${where}: reason must be a non-empty string`);
  }
  checkScope(c.scope, where);
  return bounds;
}

/** Refuses a scope other than "all" and "generated". */
export function checkScope(scope: unknown, where: string): void {
  if (scope !== undefined && scope !== "all" && scope !== "generated") {
    throw new UsageError(`${where}: scope must be "all" or "generated", got ${scope}`);
  }
}

/**
 * What a pass needs to raise stops: the engine's flag on the SAE's device
 * (engine/hooks.ts StopSignal), the absolute position of x's row 0, and the
 * conditions with the code the signal gave each reason and the first row of x
 * they apply to.
 */
export interface SteerStop {
  /** The flag (StopSignal.flag) on the SAE's device. */
  flag: Tensor<"u32">;
  /** Absolute position of x's row 0. */
  positionStart: number;
  /** Each condition with its reason's code (1..255) and the first row of x it checks. */
  conditions: readonly (FeatureCondition & { code: number; fromRow: number })[];
}
