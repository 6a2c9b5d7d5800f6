// nnsight-style tracing: the user's async function and the forward pass take
// turns. Awaiting `m.layers[2].output` suspends the function until the pass
// reaches that module; the pass then waits until the function asks for a later
// module or returns. Assigning `.output` replaces what flows on. Modules must
// be visited in execution order, as in nnsight.
//
//   const { value } = await engine.trace(tokens, async (m) => {
//     const h = (await m.layers[1].output).save();
//     m.layers[3].output = (await m.layers[3].output).add(h);
//     return h;
//   });

import type { Tensor } from "./ops/tensor.ts";
import type { Tap } from "./model/llama.ts";
import type { LayerModules, LlamaModules } from "./model/modules.ts";
import { ContextLengthError } from "./errors.ts";
import {
  type TraceBackwardHost,
  type TracedBackward,
  type TracedGradient,
  type TracedLogits,
  tracedLogits,
  type TracedMetric,
  TraceGradients,
} from "./trace_grad.ts";

/** One module as the trace function sees it. */
export interface TracedModule {
  /** Its Hugging Face name, e.g. "model.layers.2.mlp". */
  readonly name: string;
  /**
   * Reading: its output [tokens, width] once the pass reaches it (a snapshot
   * copy, transient). Assigning a tensor replaces its output (now if the pass
   * is at it, else when it gets there), as in nnsight.
   */
  get output(): Promise<Tensor<"f32">>;
  /**
   * Replaces its output; documented with the getter.
   * @ignore
   */
  set output(value: Tensor<"f32">);
  /**
   * The gradient of its output with respect to the trace's back-propagated
   * metric (nnsight's `.output.grad`): reading it marks the output for
   * gradients, which must happen before the trace function's first await.
   * See engine/trace_grad.ts.
   */
  readonly grad: TracedGradient;
}

/** A decoder layer in a trace, with its submodules (nnsight's names). */
export interface TracedLayer extends TracedModule {
  /** The residual stream entering the block (the previous module's output). */
  readonly input: Promise<Tensor<"f32">>;
  /** The norm before attention. */
  readonly input_layernorm: TracedModule;
  /** Attention's output (after o_proj), before the residual add. */
  readonly self_attn: TracedModule;
  /** The norm before the MLP. */
  readonly post_attention_layernorm: TracedModule;
  /** The MLP's output, before the residual add. */
  readonly mlp: TracedModule;
}

/** The model as a trace function sees it (`engine.trace(ids, (model) => ...)`), nnsight-style. */
export interface TracedModel {
  /** The token embedding. */
  readonly embed_tokens: TracedModule;
  /** Every decoder layer. */
  readonly layers: readonly TracedLayer[];
  /** The final norm. */
  readonly norm: TracedModule;
  /** The logits. */
  readonly lm_head: TracedModule;
  /** Any module by its HF name ("model.layers.2.mlp"). */
  module(name: string): TracedModule;
  /** Scalar metrics of the logits to back-propagate (`m.logits.logProb(y, position)`). */
  readonly logits: TracedLogits;
  /** Back-propagates `metric` after the pass; same as `metric.backward()`. */
  backward(metric: TracedMetric): TracedBackward;
  /**
   * The gradient of a module or attached value (e.g. an SAE's
   * "model.layers.3.sae.features", the error term held constant) by name.
   */
  grad(name: string): TracedGradient;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void, reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => (resolve = res, reject = rej));
  return { promise, resolve, reject };
}

/** Thrown into the pass when the trace function failed; never shown to users. */
export class TraceAborted extends Error {}

/** Drives one trace: builds the taps for the pass and the model the user sees. */
export class Interleaver {
  readonly #tree: LlamaModules;
  readonly #names: readonly string[];
  /** Index in `names` of the module the pass is at (-1 before the first). */
  #at = -1;
  #current: Tensor<"f32"> | null = null;
  #waiting: { index: number; d: Deferred<Tensor<"f32">> } | null = null;
  /** Resolved whenever the user function asks for a module or settles. */
  #turn = deferred<void>();
  #done = false;
  #failed = false;
  #assigned = new Map<number, Tensor<"f32">>();
  /** Every output the trace function replaced (the backward refuses them). */
  readonly assignedNames = new Set<string>();
  readonly gradients: TraceGradients<unknown>;
  readonly model: TracedModel;

  constructor(tree: LlamaModules, backward: TraceBackwardHost<unknown> | null = null) {
    this.#tree = tree;
    this.#names = tree.names;
    this.gradients = new TraceGradients(backward, () => this.#turn.resolve());
    const gradients = this.gradients;
    const layerList = tree.layers.map((m) => new LayerHandle(m, this));
    this.model = {
      embed_tokens: this.#module(tree.embed_tokens.name),
      layers: layerList,
      norm: this.#module(tree.norm.name),
      lm_head: this.#module(tree.lm_head.name),
      module: (name: string) => {
        const block = tree.layerBlock(name);
        return block ? layerList[block.layer] : this.#module(name);
      },
      logits: tracedLogits(gradients),
      backward: (metric: TracedMetric) => metric.backward(),
      grad: (name: string) => gradients.grad(name, null),
    };
  }

  #module(name: string): TracedModule {
    this.#index(name);
    return new ModuleHandle(name, this);
  }

  /** The module's position in execution order (an unknown name is an UnknownModuleError). */
  #index(name: string): number {
    return this.#tree.get(name, "trace").order;
  }

  /** @internal Used by module handles. */
  request(name: string): Promise<Tensor<"f32">> {
    const i = this.#index(name);
    if (i === this.#at && this.#current) return Promise.resolve(this.#current);
    if (i <= this.#at) {
      return Promise.reject(
        new Error(
          `trace: ${name} was accessed after ${this.#names[this.#at]} had run; ` +
            `access modules in execution order (as in nnsight)`,
        ),
      );
    }
    if (this.#waiting) {
      return Promise.reject(
        new Error(
          `trace: ${name} requested while still waiting for ${this.#names[this.#waiting.index]}`,
        ),
      );
    }
    const d = deferred<Tensor<"f32">>();
    this.#waiting = { index: i, d };
    this.#turn.resolve();
    return d.promise;
  }

  /** @internal Used by module handles. */
  assign(name: string, v: Tensor<"f32">): void {
    const i = this.#index(name);
    if (i < this.#at || (i === this.#at && !this.#current)) {
      throw new Error(`trace: cannot assign ${name}.output: the pass is already past it`);
    }
    this.#assigned.set(i, v);
    this.assignedNames.add(name);
  }

  /** Runs the user function alongside the pass; settle() ends the turn-taking. */
  start<R>(fn: (m: TracedModel) => Promise<R> | R): Promise<R> {
    const run = (async () => await fn(this.model))();
    run.then(() => this.#finish(), () => {
      this.#failed = true;
      this.#finish();
    });
    return run;
  }

  #finish(): void {
    this.#done = true;
    this.#turn.resolve();
  }

  /** The tap for every module: hand the output over, wait for the user's turn to end. */
  tap(): Tap {
    return async (x, ctx) => {
      const i = this.#index(ctx.name);
      this.#at = i;
      if (this.#waiting?.index === i) {
        this.#current = x.clone();
        const { d } = this.#waiting;
        this.#waiting = null;
        this.#turn = deferred<void>();
        d.resolve(this.#current);
        // The user's code runs now, recording ops into this pass, until it asks
        // for a later module or returns.
        await this.#turn.promise;
        this.#current = null;
        // The function threw: stop the pass; the caller reports its error.
        if (this.#failed) throw new TraceAborted();
      }
      const out = this.#assigned.get(i);
      this.#assigned.delete(i);
      return out;
    };
  }

  /** After the pass: anything still awaited was never reached. */
  end(): void {
    this.#at = this.#names.length;
    if (this.#waiting) {
      this.#waiting.d.reject(
        new Error(`trace: ${this.#names[this.#waiting.index]} was not reached by the pass`),
      );
      this.#waiting = null;
    }
    if (!this.#done && this.#assigned.size > 0) {
      throw new Error("trace: an output was assigned for a module the pass never reached");
    }
  }

  /** Waits for the first request (or the end) before the pass starts. */
  firstTurn(): Promise<void> {
    return this.#turn.promise;
  }
}

class ModuleHandle implements TracedModule {
  readonly name: string;
  protected readonly owner: Interleaver;
  constructor(name: string, owner: Interleaver) {
    this.name = name;
    this.owner = owner;
  }
  get output(): Promise<Tensor<"f32">> {
    return this.owner.request(this.name);
  }
  set output(value: Tensor<"f32">) {
    this.owner.assign(this.name, value);
  }
  get grad(): TracedGradient {
    return this.owner.gradients.grad(this.name, null);
  }
}

class LayerHandle extends ModuleHandle implements TracedLayer {
  readonly input_layernorm: TracedModule;
  readonly self_attn: TracedModule;
  readonly post_attention_layernorm: TracedModule;
  readonly mlp: TracedModule;
  readonly #input: string;
  constructor(m: LayerModules, owner: Interleaver) {
    super(m.name, owner);
    this.input_layernorm = new ModuleHandle(m.input_layernorm.name, owner);
    this.self_attn = new ModuleHandle(m.self_attn.name, owner);
    this.post_attention_layernorm = new ModuleHandle(m.post_attention_layernorm.name, owner);
    this.mlp = new ModuleHandle(m.mlp.name, owner);
    this.#input = m.input.name;
  }
  get input(): Promise<Tensor<"f32">> {
    return this.owner.request(this.#input);
  }
}

/**
 * engine.trace: runs `fn` alongside `pass`, which records one pass with the
 * given tap on every module (and keeps the outputs `keep` names for the
 * backward); with `backward`, metrics `fn` back-propagated run after the pass.
 * The result carries what `fn` returned.
 */
export async function runTrace<P extends { dispose(): void }, R>(
  tree: LlamaModules,
  fn: (m: TracedModel) => Promise<R> | R,
  pass: (taps: Map<string, Tap>, keep: readonly string[]) => Promise<P>,
  backward: TraceBackwardHost<P> | null = null,
): Promise<P & { value: R }> {
  const names = tree.names;
  const interleaver = new Interleaver(tree, backward as TraceBackwardHost<unknown> | null);
  const gradients = interleaver.gradients;
  const run = interleaver.start(fn);
  await interleaver.firstTurn();
  let result: P;
  try {
    const tap = interleaver.tap();
    result = await pass(new Map(names.map((n) => [n, tap])), gradients.start());
    interleaver.end();
  } catch (e) {
    interleaver.end();
    gradients.fail(e);
    // The function's own error explains an aborted pass best.
    if (e instanceof TraceAborted) await run;
    throw e;
  }
  try {
    await gradients.finish(result, [...interleaver.assignedNames]);
    const value = await run;
    return {
      ...result,
      value,
      dispose: () => {
        gradients.dispose();
        result.dispose();
      },
    };
  } catch (e) {
    gradients.dispose();
    result.dispose();
    throw e;
  }
}

/**
 * Refuses a trace of `tokens` that does not fit one chunk (`maxChunk`), or,
 * for a batch, the KV cache's `contextLength` positions: a batch is one run
 * over the cache, so that the trace function sees each module once.
 */
export function checkTraceLength(
  tokens: number,
  maxChunk: number,
  contextLength: number,
  batch: boolean,
): void {
  if (tokens > maxChunk) {
    throw new Error(
      `trace: ${tokens} tokens exceed one chunk (${maxChunk}); ` +
        `load the engine with a larger maxChunk`,
    );
  }
  if (batch && tokens > contextLength) {
    throw new ContextLengthError(
      tokens,
      contextLength,
      `trace: the batch's ${tokens} tokens exceed the KV cache's ${contextLength} ` +
        `positions; a batched trace runs the prompts together`,
    );
  }
}
