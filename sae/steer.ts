// Feature edits on the residual stream, recorded on the GPU with no readback.
// Two methods, algebraically identical (tests hold them to 1e-5 relative):
//   full:  x' = decode(f') + (x - decode(f))    the seed's recipe, as written
//   cheap: x' = x + W_dec^T (f' - f)            over the edited features only
// cheap is the default: for ReLU and JumpReLU SAEs it reads two rows per
// edited feature instead of both whole matrices. TopK SAEs still need a full
// encode in cheap mode (whether a feature fires depends on every other one),
// but skip both dense decodes.

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Tensor } from "../engine/ops/tensor.ts";
import { saeDecode } from "../shaders/sae_decode.ts";
import { editFeature, type FeatureOp } from "../shaders/sae_edit.ts";
import type { SaeGpuWeights } from "../shaders/sae_encode.ts";
import { steerApply, steerGatherDense, steerGatherEncode } from "../shaders/sae_steer.ts";
import type { SaeActivation } from "./format.ts";
import { UsageError } from "../engine/errors.ts";
import { tokenBlocks } from "./blocks.ts";

/**
 * One edit of one feature: exactly one of add, set, mul, clamp, ablate, at
 * `positions` (token indices of x) or at every position. Edits apply in order,
 * so two edits of one feature compose.
 */
export interface FeatureEdit {
  /** Feature index in [0, d_sae). */
  feature: number;
  /** f' = f + add. */
  add?: number;
  /** f' = set. */
  set?: number;
  /** f' = f * mul. */
  mul?: number;
  /** f' = min(max(f, lo), hi). */
  clamp?: [number, number];
  /** f' = 0. */
  ablate?: true;
  /** Token indices of x to edit; every position when absent. */
  positions?: readonly number[];
}

/**
 * "cheap": x' = x + (f' - f) W_dec, touching only the edited features (the
 * default); "full": x' = decode(f') + (x - decode(f)), the whole decode.
 * Equal up to rounding.
 */
export type SteerMethod = "cheap" | "full";

/** An edit resolved against the SAE and x: slot = column of the compact features. */
export interface PlannedEdit {
  feature: number;
  slot: number;
  op: FeatureOp;
  positions: readonly number[] | null;
}

/** Validates edits and numbers their features; nothing is recorded if any edit is wrong. */
export function planEdits(edits: readonly FeatureEdit[], dSae: number, T: number): PlannedEdit[] {
  const slots = new Map<number, number>();
  return edits.map((e, i) => {
    const where = `steer: edit ${i} (feature ${e.feature})`;
    if (!Number.isInteger(e.feature) || e.feature < 0 || e.feature >= dSae) {
      throw new UsageError(`${where}: feature must be an integer in [0, ${dSae})`);
    }
    const given = (["add", "set", "mul", "clamp", "ablate"] as const).filter((k) =>
      e[k] !== undefined
    );
    if (given.length !== 1) {
      throw new UsageError(
        `${where}: give exactly one of add, set, mul, clamp, ablate (got ${
          given.join(", ") || "none"
        })`,
      );
    }
    const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);
    let op: FeatureOp;
    if (e.clamp !== undefined) {
      const [min, max] = e.clamp;
      if (!finite(min) || !finite(max) || min > max) {
        throw new UsageError(`${where}: clamp needs finite [min, max] with min <= max`);
      }
      op = { op: "clamp", min, max };
    } else if (e.ablate !== undefined) {
      if (e.ablate !== true) throw new UsageError(`${where}: ablate must be true`);
      op = { op: "ablate" };
    } else {
      const kind = given[0] as "add" | "set" | "mul";
      const value = e[kind];
      if (!finite(value)) throw new UsageError(`${where}: ${kind} must be a finite number`);
      op = { op: kind, value: value! };
    }
    const positions = e.positions ?? null;
    for (const t of positions ?? []) {
      if (!Number.isInteger(t) || t < 0 || t >= T) {
        throw new UsageError(`${where}: position ${t} is outside the ${T} tokens of x`);
      }
    }
    if (!slots.has(e.feature)) slots.set(e.feature, slots.size);
    return { feature: e.feature, slot: slots.get(e.feature)!, op, positions };
  });
}

/** Scratch tensors owned by the SAE, reused across calls (see Sae.scratch). */
export type Scratch = (name: string, shape: readonly number[]) => Tensor<"f32">;

export interface SteerContext {
  weights: SaeGpuWeights;
  activation: SaeActivation;
  scratch: Scratch;
  /** Dense encode into out [T, d_sae] (activation included). */
  encode(rec: Recorder, x: Tensor<"f32">, out: Tensor<"f32">): void;
}

function uniqueSlots(plan: readonly PlannedEdit[]) {
  const seen = new Map<number, { slot: number; feature: number }>();
  for (const p of plan) seen.set(p.slot, { slot: p.slot, feature: p.feature });
  return [...seen.values()];
}

/** x [T, d_in] += W_dec^T (f' - f) over the edited features. */
export function steerCheap(
  rec: Recorder,
  ctx: SteerContext,
  x: Tensor<"f32">,
  plan: readonly PlannedEdit[],
): void {
  const T = x.shape[0];
  const slots = uniqueSlots(plan);
  // Slots keep their numbers when a token block drops some edits: E spans them all.
  const E = Math.max(...slots.map((s) => s.slot)) + 1;
  const f0 = ctx.scratch("steer.f0", [T, E]);
  const f1 = ctx.scratch("steer.f1", [T, E]);
  const act = ctx.activation.kind;
  if (act === "topk") {
    const dense = ctx.scratch("steer.dense", [T, ctx.weights.wEnc.rows]);
    ctx.encode(rec, x, dense);
    steerGatherDense(rec, dense, f0, f1, slots);
  } else {
    steerGatherEncode(rec, x, ctx.weights, act, f0, f1, slots);
  }
  for (const p of plan) editFeature(rec, f1, p.slot, p.op, p.positions);
  steerApply(rec, x, ctx.weights.wDec, f0, f1, slots);
}

/** x = decode(f') + (x - decode(f)), with dense features. */
export function steerFull(
  rec: Recorder,
  ctx: SteerContext,
  x: Tensor<"f32">,
  plan: readonly PlannedEdit[],
): void {
  const T = x.shape[0];
  const { wDec, bDec } = ctx.weights;
  const f0 = ctx.scratch("steer.dense", [T, wDec.rows]);
  const f1 = ctx.scratch("steer.edited", [T, wDec.rows]);
  const err = ctx.scratch("steer.error", [T, wDec.cols]);
  ctx.encode(rec, x, f0);
  rec.copy(f0.buffer, f0.offset, f1.buffer, f1.offset, f0.byteLength);
  for (const p of plan) editFeature(rec, f1, p.feature, p.op, p.positions);
  saeDecode(rec, f0, wDec, bDec, err, { alpha: -1, residual: x });
  saeDecode(rec, f1, wDec, bDec, x, { residual: err });
}

/**
 * Records `plan` on x [T, d_in] in place through `record`: "cheap" over the
 * edited features alone when the activation allows it; else ("full", or a TopK
 * SAE, which needs dense features) token block by token block, each block
 * taking the edits at its own positions. `where` names the call in errors.
 */
export function recordSteer(
  record: (fn: (rec: Recorder) => void) => void,
  ctx: SteerContext,
  where: string,
  dSae: number,
  x: Tensor<"f32">,
  plan: readonly PlannedEdit[],
  method: SteerMethod,
): void {
  if (method !== "cheap" && method !== "full") {
    throw new Error(`${where}: method must be "cheap" or "full", got ${method}`);
  }
  const needsDense = method === "full" || ctx.activation.kind === "topk";
  if (!needsDense) return record((rec) => steerCheap(rec, ctx, x, plan));
  record((rec) =>
    tokenBlocks(where, dSae, x, (xb, s) => {
      const n = xb.shape[0];
      const local = plan.map((p) => ({
        ...p,
        positions: p.positions &&
          p.positions.filter((t) => t >= s && t < s + n).map((t) => t - s),
      })).filter((p) => !p.positions || p.positions.length > 0);
      if (local.length === 0) return;
      (method === "full" ? steerFull : steerCheap)(rec, ctx, xb, local);
    })
  );
}
