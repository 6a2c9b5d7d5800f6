// The Llama module tree, built from config.json (like nnsight's envoys): it
// owns every module name a pass exposes, their widths, layer indices and
// execution order, and the checkpoint tensor names of each module's weights.
// Nothing else builds or parses "model.layers.N...".
//
//   model.embed_tokens
//   model.layers.N.input                  the residual stream entering block N
//   model.layers.N.input_layernorm
//   model.layers.N.self_attn              (o_proj's output)
//   model.layers.N.post_attention_layernorm
//   model.layers.N.mlp                    (down_proj's output)
//   model.layers.N                        the residual stream leaving block N
//   model.norm
//   lm_head

import type { LlamaConfig } from "../formats/config.ts";
import { UnknownModuleError } from "../errors.ts";

/** One module whose output a pass exposes. */
export interface ModuleInfo {
  /** HF / nnsight name, e.g. "model.layers.2.mlp". */
  readonly name: string;
  /** Output width: the hidden size, or the vocabulary for lm_head. */
  readonly width: number;
  /** The decoder layer it belongs to; null for embed_tokens, norm and lm_head. */
  readonly layer: number | null;
  /** Position in execution order. */
  readonly order: number;
}

/** Checkpoint tensor names of one decoder layer, keyed as LayerWeights is. */
export interface LayerTensorNames {
  inputNorm: string;
  q: string;
  k: string;
  v: string;
  o: string;
  postNorm: string;
  gate: string;
  up: string;
  down: string;
}

/** Decoder layer N: its output is the block's own ("model.layers.N"). */
export interface LayerModules extends ModuleInfo {
  readonly layer: number;
  readonly input: ModuleInfo;
  readonly input_layernorm: ModuleInfo;
  readonly self_attn: ModuleInfo;
  readonly post_attention_layernorm: ModuleInfo;
  readonly mlp: ModuleInfo;
  /** Names of the layer's weights in a checkpoint. */
  readonly tensors: LayerTensorNames;
}

/** Checkpoint tensor names outside the layers. */
export const TOP_TENSORS = {
  embed: "model.embed_tokens.weight",
  norm: "model.norm.weight",
  lmHead: "lm_head.weight",
} as const;

const LAYER_TENSOR = /^model\.layers\.(\d{1,9})\./;
/** Tensors a checkpoint may hold that the model does not use (older HF exports). */
const IGNORED_TENSOR = /^model\.layers\.\d+\.self_attn\.rotary_emb\.inv_freq$/;

export class LlamaModules {
  readonly embed_tokens: ModuleInfo;
  readonly layers: readonly LayerModules[];
  readonly norm: ModuleInfo;
  readonly lm_head: ModuleInfo;
  /** Every module in execution order. */
  readonly all: readonly ModuleInfo[];
  /** Every name in execution order. */
  readonly names: readonly string[];
  readonly #byName: ReadonlyMap<string, ModuleInfo>;
  static readonly #trees = new WeakMap<LlamaConfig, LlamaModules>();

  /** The tree of a config (one per config object: engine, graphs and trace share it). */
  static of(c: LlamaConfig): LlamaModules {
    let tree = LlamaModules.#trees.get(c);
    if (!tree) LlamaModules.#trees.set(c, tree = new LlamaModules(c));
    return tree;
  }

  constructor(c: LlamaConfig) {
    const all: ModuleInfo[] = [];
    const node = (name: string, layer: number | null, width = c.hiddenSize): ModuleInfo => {
      const m = { name, width, layer, order: all.length };
      all.push(m);
      return m;
    };
    this.embed_tokens = node("model.embed_tokens", null);
    const layers: LayerModules[] = [];
    for (let l = 0; l < c.numHiddenLayers; l++) {
      const p = `model.layers.${l}`;
      const input = node(`${p}.input`, l);
      const inputNorm = node(`${p}.input_layernorm`, l);
      const attn = node(`${p}.self_attn`, l);
      const postNorm = node(`${p}.post_attention_layernorm`, l);
      const mlp = node(`${p}.mlp`, l);
      const block: LayerModules = {
        name: p,
        width: c.hiddenSize,
        layer: l,
        order: all.length,
        input,
        input_layernorm: inputNorm,
        self_attn: attn,
        post_attention_layernorm: postNorm,
        mlp,
        tensors: {
          inputNorm: `${p}.input_layernorm.weight`,
          q: `${p}.self_attn.q_proj.weight`,
          k: `${p}.self_attn.k_proj.weight`,
          v: `${p}.self_attn.v_proj.weight`,
          o: `${p}.self_attn.o_proj.weight`,
          postNorm: `${p}.post_attention_layernorm.weight`,
          gate: `${p}.mlp.gate_proj.weight`,
          up: `${p}.mlp.up_proj.weight`,
          down: `${p}.mlp.down_proj.weight`,
        },
      };
      all.push(block);
      layers.push(block);
    }
    this.layers = layers;
    this.norm = node("model.norm", null);
    this.lm_head = node("lm_head", null, c.vocabSize);
    this.all = all;
    this.names = all.map((m) => m.name);
    this.#byName = new Map(all.map((m) => [m.name, m]));
  }

  /** Whether the model has a module of that name. */
  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** The module of that name; an unknown one is an UnknownModuleError listing the valid names. */
  get(name: string, what = "module"): ModuleInfo {
    const m = this.#byName.get(name);
    if (!m) throw unknownModule(name, this.names, what);
    return m;
  }

  /** The decoder layer whose block output is `name` ("model.layers.N"), if it is one. */
  layerBlock(name: string): LayerModules | undefined {
    const m = this.#byName.get(name);
    return m?.layer != null && this.layers[m.layer] === m ? this.layers[m.layer] : undefined;
  }

  /** The layer a checkpoint tensor name belongs to (the name is untrusted), or null. */
  static layerOfTensor(name: string): number | null {
    const m = LAYER_TENSOR.exec(name);
    return m ? Number(m[1]) : null;
  }

  /** Whether a checkpoint may hold this tensor although the model does not use it. */
  static isIgnoredTensor(name: string): boolean {
    return IGNORED_TENSOR.test(name);
  }
}

/** UnknownModuleError for `name`, prefixed with what asked, listing `valid`. */
export function unknownModule(
  name: string,
  valid: readonly string[],
  what: string,
): UnknownModuleError {
  return new UnknownModuleError(
    name,
    valid,
    `${what}: unknown module "${name}"; valid names: ${valid.join(", ")}`,
  );
}
