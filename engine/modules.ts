// The engine's module names: the model's (in execution order), the derived
// values attached to them (attach()), their widths and owning devices.

import type { Gpu } from "./gpu/gpu.ts";
import type { LlamaConfig } from "./formats/config.ts";
import { checkModuleName, type DerivedModule, type ModuleTable, moduleWidth } from "./hooks.ts";
import { moduleNames } from "./model/llama.ts";
import type { Pipeline } from "./model/pipeline.ts";

export class EngineModules {
  readonly #config: LlamaConfig;
  readonly #pipeline: Pipeline;
  readonly #base: readonly string[];
  readonly #derived = new Map<string, DerivedModule>();

  constructor(config: LlamaConfig, pipeline: Pipeline) {
    this.#config = config;
    this.#pipeline = pipeline;
    this.#base = moduleNames(config);
  }

  /** The model modules only (no derived values), in execution order. */
  get base(): string[] {
    return [...this.#base];
  }

  /** Module names, widths and attached derived values, for hooks. */
  get table(): ModuleTable {
    const names: string[] = [];
    for (const n of this.#base) {
      names.push(n);
      for (const [d, spec] of this.#derived) if (spec.parent === n) names.push(d);
    }
    const derived = this.#derived, config = this.#config;
    return { names, derived, width: (n) => derived.get(n)?.width ?? moduleWidth(config, n) };
  }

  /** The device holding a module (or an attached value's module). */
  deviceOf(name: string): Gpu {
    checkModuleName(this.table.names, name, "deviceOf");
    const base = this.#derived.get(name)?.parent ?? name;
    if (base === "model.embed_tokens") return this.#pipeline.first.gpu;
    if (base === "model.norm" || base === "lm_head") return this.#pipeline.last.gpu;
    const layer = Number(/^model\.layers\.(\d+)/.exec(base)![1]);
    return this.#pipeline.stageOfLayer(layer).gpu;
  }

  /** Registers a value computed from a module's output under `name`. */
  attach(name: string, spec: DerivedModule): void {
    if (!this.#base.includes(spec.parent)) {
      throw new Error(
        `attach ${name}: unknown module "${spec.parent}"; valid names: ${this.#base.join(", ")}`,
      );
    }
    if (this.table.names.includes(name)) throw new Error(`attach: the name ${name} is taken`);
    this.#derived.set(name, spec);
  }

  /** Forgets an attached value. */
  detach(name: string): void {
    this.#derived.delete(name);
  }

  /** Output width of a module or attached value. */
  width(name: string): number {
    checkModuleName(this.table.names, name, "moduleWidth");
    return this.table.width(name);
  }
}
