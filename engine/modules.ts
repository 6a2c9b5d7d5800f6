// The engine's module names: the model's tree (engine/model/modules.ts), the
// derived values attached to its modules (attach()), their widths and owning
// devices.

import type { Gpu } from "./gpu/gpu.ts";
import type { LlamaConfig } from "./formats/config.ts";
import { checkModuleName, type DerivedModule, type ModuleTable } from "./hooks.ts";
import { LlamaModules, unknownModule } from "./model/modules.ts";
import type { Pipeline } from "./model/pipeline.ts";

export class EngineModules {
  /** The model's modules. */
  readonly tree: LlamaModules;
  readonly #pipeline: Pipeline;
  readonly #derived = new Map<string, DerivedModule>();

  constructor(config: LlamaConfig, pipeline: Pipeline) {
    this.tree = LlamaModules.of(config);
    this.#pipeline = pipeline;
  }

  /** The model modules only (no derived values), in execution order. */
  get base(): string[] {
    return [...this.tree.names];
  }

  /** Module names, widths and attached derived values, for hooks. */
  get table(): ModuleTable {
    const names: string[] = [];
    for (const n of this.tree.names) {
      names.push(n);
      for (const [d, spec] of this.#derived) if (spec.parent === n) names.push(d);
    }
    const derived = this.#derived, tree = this.tree;
    return { names, derived, width: (n) => derived.get(n)?.width ?? tree.get(n).width };
  }

  /** The device holding a module (or an attached value's module). */
  deviceOf(name: string): Gpu {
    checkModuleName(this.table.names, name, "deviceOf");
    const m = this.tree.get(this.#derived.get(name)?.parent ?? name);
    if (m.layer !== null) return this.#pipeline.stageOfLayer(m.layer).gpu;
    return m === this.tree.embed_tokens ? this.#pipeline.first.gpu : this.#pipeline.last.gpu;
  }

  /** Registers a value computed from a module's output under `name`. */
  attach(name: string, spec: DerivedModule): void {
    if (!this.tree.has(spec.parent)) {
      throw unknownModule(spec.parent, this.tree.names, `attach ${name}`);
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
