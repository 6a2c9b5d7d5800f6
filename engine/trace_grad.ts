// Gradients inside engine.trace, nnsight-style: `m.layers[3].grad` marks a
// module output for gradients, `m.logits.logProb(y, position)` builds a
// scalar metric of the logits, `metric.backward()` (or `m.backward(metric)`)
// back-propagates it once the pass has run, and `await h.toArray()` gives
// dm/d(output) [T, width]. Every metric of a trace shares its one forward
// pass and runs in one backward submission (engine/backward.ts backwardFrom).
//
//   const r = await engine.trace(tokens, (m) => {
//     const g = m.layers[3].grad;                  // mark before the first await
//     m.logits.logProb(answer, 5).backward();
//     return g;
//   });
//   const dm = await r.value.toArray();            // [T, hidden]
//   r.dispose();                                   // frees the gradients too
//
// The backward recomputes every layer from the residual stream the pass kept,
// so the pass must know before it starts: mark gradients (or build a metric)
// before the trace function's first await. Traces that assign outputs (or use
// interventions) are refused: the recompute would not see the replacements.

import type { Tensor } from "./ops/tensor.ts";
import type { Metric } from "./backward.ts";
import { UsageError } from "./errors.ts";

/** The gradient of one module output (or attached value) in a trace. */
export interface TracedGradient {
  /** The module or attached value, e.g. "model.layers.3" or "model.layers.3.sae.features". */
  readonly name: string;
  /**
   * dm/d(output) [T, width] once the trace's backward has run (read it after
   * engine.trace returns, or await toArray() in the trace function). Lives
   * until the trace result's dispose().
   */
  readonly tensor: Tensor<"f32">;
  /** Waits for the backward (the pass's end) and reads the gradient [T * width] back. */
  toArray(): Promise<Float32Array>;
}

/** One back-propagated metric in a trace: its gradients and value. */
export interface TracedBackward {
  /** The gradient of `module`'s output (a module handle or a name, attached values included). */
  grad(module: { readonly name: string } | string): TracedGradient;
  /** The metric's value (log p or l_a - l_b) once the backward has run. */
  value(): Promise<number>;
  /** The token whose log-probability it is (a logit difference's `a`). */
  target(): Promise<number>;
}

/** A scalar of one position's logits, to back-propagate. */
export interface TracedMetric {
  /** What it computes (engine/backward.ts Metric). */
  readonly spec: Metric;
  /** Back-propagates it after the pass (nnsight's `metric.backward()`). */
  backward(): TracedBackward;
}

/** Metric builders on the trace's logits (`m.logits`). */
export interface TracedLogits {
  /** log p(token) at `position` (default the last; token default the greedy one there). */
  logProb(token?: number, position?: number): TracedMetric;
  /** l_a - l_b at `position` (default the last). */
  logitDiff(a: number, b: number, position?: number): TracedMetric;
}

/** What the backward of a trace hands over: per metric, name -> gradient. */
export interface TraceBackwardOutput {
  runs: { metric: number; target: number; grads: ReadonlyMap<string, Tensor<"f32">> }[];
  dispose(): void;
}

/** How a trace's backward is done (engine/trace_backward.ts for the engine). */
export interface TraceBackwardHost<P> {
  /** Throws a UsageError unless `name` has a gradient path. */
  check(name: string): void;
  /** Throws a UsageError unless the metric is well formed. */
  checkMetric(spec: Metric): void;
  /** Module outputs the pass must keep for the backward. */
  readonly keep: readonly string[];
  /**
   * After the pass: the backward of `metrics` (none: only cleans up), the
   * gradients of `names`; `assigned` lists outputs the trace replaced.
   */
  run(
    result: P,
    metrics: readonly Metric[],
    names: readonly string[],
    assigned: readonly string[],
  ): Promise<TraceBackwardOutput | null>;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => (resolve = res, reject = rej));
  promise.catch(() => {}); // read through handles; an unread failure is not unhandled
  return { promise, resolve, reject };
}

/** A trace's gradient requests, metrics and, after the pass, their backward. */
export class TraceGradients<P = unknown> {
  readonly #host: TraceBackwardHost<P> | null;
  /** Lets the pass run on (the trace function waits for the backward). */
  readonly #release: () => void;
  #started = false;
  #wanted = false;
  readonly #metrics: Metric[] = [];
  readonly #marked = new Set<string>();
  readonly #done = deferred<TraceBackwardOutput | null>();
  #output: TraceBackwardOutput | null = null;
  #settled = false;

  constructor(host: TraceBackwardHost<P> | null, release: () => void) {
    this.#host = host;
    this.#release = release;
  }

  /** Says gradients will be asked for (a metric being built); the pass must keep residuals. */
  want(what: string): void {
    this.#want(what);
  }

  #want(what: string): TraceBackwardHost<P> {
    if (!this.#host) {
      throw new UsageError(`trace: ${what}: gradients are only available in a single-prompt trace`);
    }
    if (this.#settled) throw new UsageError(`trace: ${what} after the trace's backward ran`);
    if (this.#started && !this.#wanted) {
      throw new UsageError(
        `trace: ${what} after the pass started; mark gradients (.grad) or build the metric ` +
          `before the trace function's first await, so that the pass keeps the residual stream`,
      );
    }
    this.#wanted = true;
    return this.#host;
  }

  /** The handle of `name`'s gradient for metric `index` (null: the only metric). */
  grad(name: string, index: number | null): TracedGradient {
    this.#want(`${name}.grad`).check(name);
    this.#marked.add(name);
    const pick = (out: TraceBackwardOutput | null) => {
      if (!out || out.runs.length === 0) {
        throw new UsageError(
          `trace: ${name}.grad: no metric was back-propagated (metric.backward() or m.backward(metric))`,
        );
      }
      if (index === null && out.runs.length > 1) {
        throw new UsageError(
          `trace: ${name}.grad is ambiguous: ${out.runs.length} metrics were back-propagated; ` +
            `read it from the handle metric.backward() returned`,
        );
      }
      return out.runs[index ?? 0].grads.get(name)!;
    };
    const settled = () => this.#settled, output = () => this.#output;
    const release = () => this.#release(), done = this.#done.promise;
    return {
      name,
      get tensor() {
        if (!settled()) {
          throw new UsageError(
            `trace: ${name}.grad was read before the backward ran (it runs after the pass; ` +
              `await .toArray() or read it after engine.trace returns)`,
          );
        }
        return pick(output());
      },
      async toArray() {
        release();
        return await pick(await done).toArray() as Float32Array;
      },
    };
  }

  /** Registers a metric for the backward; returns its handle. */
  backward(spec: Metric): TracedBackward {
    this.#want("backward").checkMetric(spec);
    const index = this.#metrics.length;
    this.#metrics.push(spec);
    const run = async () => {
      this.#release();
      const out = await this.#done.promise;
      return out!.runs[index];
    };
    return {
      grad: (module) => this.grad(typeof module === "string" ? module : module.name, index),
      value: async () => (await run()).metric,
      target: async () => (await run()).target,
    };
  }

  /** The pass starts now: whether it must keep the residual stream. */
  start(): readonly string[] {
    this.#started = true;
    return this.#wanted ? this.#host!.keep : [];
  }

  /** After the pass: runs the backward (if anything was asked); the output lives until dispose. */
  async finish(result: P, assigned: readonly string[]): Promise<void> {
    if (!this.#wanted) return this.#settle(null);
    try {
      this.#output = await this.#host!.run(result, this.#metrics, [...this.#marked], assigned);
      this.#settle(this.#output);
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  #settle(out: TraceBackwardOutput | null): void {
    this.#settled = true;
    this.#done.resolve(out);
  }

  /** The pass or the backward failed: waiting handles fail with it. */
  fail(e: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#done.reject(e);
  }

  /** Frees the gradients (with the trace result). */
  dispose(): void {
    this.#output?.dispose();
    this.#output = null;
  }
}

/** `m.logits`: metric builders that register with `gradients`. */
export function tracedLogits<P>(gradients: TraceGradients<P>): TracedLogits {
  const metric = (spec: Metric): TracedMetric => {
    gradients.want(`m.logits.${spec.kind}`);
    return { spec, backward: () => gradients.backward(spec) };
  };
  return {
    logProb: (token, position) => metric({ kind: "logProb", target: token, position }),
    logitDiff: (a, b, position) => metric({ kind: "logitDiff", a, b, position }),
  };
}
