// Turns what a user asks of a pass (modules to cache, interventions, the
// cleanup layer, debug checks) into taps on the Llama graph. Nothing here runs
// when nobody asks: the graph looks a module up only in a non-empty map.

import { sameShape, Tensor } from "./ops/tensor.ts";
import { unknownModule } from "./model/modules.ts";
import type { Tap, TapContext } from "./model/llama.ts";
import type { Gpu } from "./gpu/gpu.ts";

/**
 * An intervention rewrites a module's output x [tokens, width] on the GPU,
 * inside the pass. Return the new output (same shape), or [newOutput,
 * directEffect] so that `cleanupLayer` subtracts the direct effect later, or
 * nothing to leave x as it is. x is live only during the call: clone() it to
 * use it later. Rows of x are positions ctx.positionStart, +1, ...
 */
export type Intervention = (
  x: Tensor<"f32">,
  ctx: InterventionContext,
) => InterventionResult | Promise<InterventionResult>;

/**
 * A flag on the GPU through which interventions stop a generation without a
 * readback of their own: engine.generate copies it back with each step's
 * token and ends the generation when it is raised (GenerateStream.aborted).
 * Kernels lower it with atomicMin to position * STOP_CODES + code, so it
 * holds the earliest position any stop was raised at (and there the lowest
 * code), whatever order threads run in; STOP_NONE while nothing was raised.
 * Positions above 0xfffffe are reported as 0xfffffe.
 */
export interface StopSignal {
  /** The flag on `gpu`, u32 [1] (made on first use, STOP_NONE until raised). */
  flag(gpu: Gpu): Tensor<"u32">;
  /** The code (1 .. STOP_CODES - 1) standing for `reason`, registered on first use. */
  code(reason: string): number;
}

/** StopSignal's flag value while no stop was raised. */
export const STOP_NONE = 0xffffffff;
/** Codes per position in a StopSignal's flag: codes are 1 .. STOP_CODES - 1. */
export const STOP_CODES = 256;

/** What an intervention gets beside the activation. */
export interface InterventionContext extends TapContext {
  /**
   * In engine.generate: the first position whose input token was generated
   * (the prompt's positions come before it). Absent in forward and trace,
   * where no position is generated.
   */
  generatedFrom?: number;
  /** In engine.generate: lets the intervention stop the generation (see StopSignal). */
  stop?: StopSignal;
}

/** What generate adds to every intervention's context. */
export interface GenerationContext {
  /** See InterventionContext.generatedFrom. */
  generatedFrom: number;
  /** See InterventionContext.stop. */
  stop: StopSignal;
}

/** What an intervention returns: nothing (x unchanged), x's replacement, or [replacement, directEffect]. */
export type InterventionResult = void | Tensor<"f32"> | [Tensor<"f32">, Tensor<"f32">];

/** Caching and interventions, as forward, trace and generate take them. */
export interface HookOptions {
  /** Module outputs to keep, by name. */
  cache?: readonly string[];
  /** Module name -> intervention. */
  interventions?: Readonly<Record<string, Intervention>> | ReadonlyMap<string, Intervention>;
  /** A later module whose output has every returned direct effect subtracted. */
  cleanupLayer?: string;
  /** Read every intervention's result back and refuse NaN or Inf (slow). */
  debug?: boolean;
}

export interface Hooks {
  taps: Map<string, Tap>;
  /** Module name -> its output for this call's tokens [T, width]. */
  cache: Map<string, Tensor<"f32">>;
  /** Tensors made here, to dispose with the result. */
  made: Tensor[];
}

/**
 * A value computed from a module's output that can be cached like a module
 * (e.g. "model.layers.2.sae.features", attached by sae/attach.ts); engine/
 * knows nothing of what computes it.
 */
export interface DerivedModule {
  /** The module whose output it is computed from. */
  parent: string;
  /** Width of each row of the result. */
  width: number;
  /** Records the computation for x [tokens, parent width]; returns [tokens, width]. */
  compute(x: Tensor<"f32">, ctx: TapContext): Tensor<"f32">;
  /**
   * Optional: dm/d(this value) [tokens, width] from dm/d(parent output)
   * [tokens, parent width], for gradients in engine.trace (an SAE's features
   * with the error term held constant: dm/dx W_dec^T). Without it the value
   * has no gradient.
   */
  gradient?(dParent: Tensor<"f32">): Tensor<"f32">;
}

/** The names a pass accepts, their widths, and derived values. */
export interface ModuleTable {
  /** Every name in execution order, derived values right after their parent. */
  names: readonly string[];
  /** Output width of a module or derived value. */
  width(name: string): number;
  /** The derived values by name. */
  derived: ReadonlyMap<string, DerivedModule>;
}

/** Throws an UnknownModuleError (listing `names`) unless `name` is one of them. */
export function checkModuleName(names: readonly string[], name: string, what: string): void {
  if (!names.includes(name)) throw unknownModule(name, names, what);
}

/** Checks every module name in `options`; returns the interventions as a map. */
export function checkHookOptions(
  modules: ModuleTable,
  options: HookOptions,
): ReadonlyMap<string, Intervention> {
  const names = modules.names;
  const interventions = options.interventions instanceof Map
    ? options.interventions
    : new Map(Object.entries(options.interventions ?? {}));
  for (const name of options.cache ?? []) checkModuleName(names, name, "cache");
  for (const [name, fn] of interventions) {
    checkModuleName(names, name, "interventions");
    const d = modules.derived.get(name);
    if (d) {
      throw new Error(
        `interventions: ${name} is computed from ${d.parent}; it can be cached, not replaced`,
      );
    }
    if (typeof fn !== "function") throw new Error(`interventions: ${name} must be a function`);
  }
  const cleanup = options.cleanupLayer;
  if (cleanup !== undefined) {
    checkModuleName(names, cleanup, "cleanupLayer");
    for (const name of interventions.keys()) {
      if (names.indexOf(name) >= names.indexOf(cleanup)) {
        throw new Error(`cleanupLayer ${cleanup} must come after the intervention at ${name}`);
      }
    }
  }
  return interventions;
}

/**
 * Builds the taps for a call over `tokens` positions starting at `start`.
 * Cache tensors get one row per position of the call.
 */
export function buildHooks(
  modules: ModuleTable,
  options: HookOptions,
  tokens: number,
  start: number,
  /** Makes a cache tensor on the device of `module`. */
  allocate: (label: string, shape: number[], module: string) => Tensor<"f32">,
  /** In generate: added to each intervention's context. */
  generation?: GenerationContext,
): Hooks {
  const taps = new Map<string, Tap>();
  const cache = new Map<string, Tensor<"f32">>();
  const made: Tensor[] = [];
  const interventions = checkHookOptions(modules, options);
  const cleanup = options.cleanupLayer;

  // Direct effects returned in this pass, waiting for the cleanup layer.
  let effects: Tensor<"f32">[] = [];
  const steps = new Map<string, Tap[]>();
  const add = (name: string, tap: Tap) => steps.set(name, [...(steps.get(name) ?? []), tap]);

  for (const [name, fn] of interventions) {
    add(name, async (x, ctx) => {
      const r = await fn(x, generation ? { ...ctx, ...generation } : ctx);
      const [out, effect] = Array.isArray(r) ? r : [r, undefined];
      if (out && out !== x) checkShape(name, out, x);
      if (effect) {
        if (cleanup === undefined) {
          throw new Error(
            `${name}: the intervention returned a direct effect but no cleanupLayer was given`,
          );
        }
        effects.push(effect);
      }
      if (options.debug && out) await checkFinite(name, out);
      return out ?? undefined;
    });
  }
  if (cleanup !== undefined) {
    add(cleanup, async (x) => {
      let out = x;
      for (const effect of effects) {
        const e = await onDeviceOf(x, effect);
        out = sameShape(e.shape, x.shape) ? out.sub(e) : out.addVector(e, -1);
      }
      effects = [];
      return out;
    });
  }
  for (const name of new Set(options.cache ?? [])) {
    const width = modules.width(name);
    const dest = allocate(`cache.${name}`, [tokens, width], name);
    made.push(dest);
    cache.set(name, dest);
    const derived = modules.derived.get(name);
    add(derived?.parent ?? name, (x, ctx) => {
      const v = derived ? derived.compute(x, ctx) : x;
      const row = ctx.positionStart - start;
      ctx.rec.copy(v.buffer, v.offset, dest.buffer, dest.offset + row * width * 4, v.byteLength);
    });
  }

  for (const [name, list] of steps) {
    taps.set(
      name,
      list.length === 1 ? list[0] : async (x, ctx) => {
        let cur = x;
        for (const tap of list) {
          const r = await tap(cur, ctx);
          if (r) cur = r;
        }
        return cur;
      },
    );
  }
  return { taps, cache, made };
}

/**
 * `t`, or a copy of it on x's device when an earlier stage of a multi-device
 * pass made it: read back (that stage's work is done: its output was carried
 * over already) and written into a transient result of x's pass.
 */
async function onDeviceOf(x: Tensor<"f32">, t: Tensor<"f32">): Promise<Tensor<"f32">> {
  if (t.gpu === x.gpu) return t;
  const data = await t.toArray();
  const copy = Tensor.result(x.gpu, "cleanup.effect", t.shape);
  x.gpu.write(copy.buffer, data, copy.offset);
  return copy;
}

function checkShape(name: string, out: Tensor, x: Tensor): void {
  if (out.dtype !== "f32" || out.size !== x.size) {
    throw new Error(
      `${name}: the intervention returned ${out.dtype} [${out.shape}], expected f32 [${x.shape}]`,
    );
  }
}

async function checkFinite(name: string, t: Tensor): Promise<void> {
  const values = await t.toArray() as Float32Array;
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    const width = t.shape[t.shape.length - 1];
    throw new Error(
      `${name}: the intervention produced ${values[bad]} at row ${Math.floor(bad / width)}, ` +
        `column ${bad % width} (debug check)`,
    );
  }
}

/** Runs `first`'s tap, then `second`'s, on the same module. */
export function composeTaps(
  first: ReadonlyMap<string, Tap>,
  second: ReadonlyMap<string, Tap>,
): Map<string, Tap> {
  const out = new Map(first);
  for (const [name, tap] of second) {
    const a = out.get(name);
    out.set(
      name,
      !a ? tap : async (x, ctx) => {
        const r = (await a(x, ctx)) ?? x;
        return (await tap(r, ctx)) ?? r;
      },
    );
  }
  return out;
}
