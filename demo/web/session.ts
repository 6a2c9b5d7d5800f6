// The demo's model side: one Engine with one SAE attached at its layer, and
// the few operations the page needs (generate, per-token features, logit
// effects, decoder rows). Each generation has a KV cache of its own, so the
// corpus computed in the background and the user's generations interleave step
// by step in the engine's queue; weight reads go through engine.exclusive().

import {
  attachSae,
  decoderProjection,
  Engine,
  type FeatureEdit,
  featureLogitEffects,
  type FileSource,
  type Gpu,
  Recorder,
  Sae,
  type SaeAttachment,
  type SaeQuant,
  type SourceOptions,
  steering,
  Tensor,
  type TokenEffect,
  type WeightFormat,
} from "../../mod.ts";
import { createSHA256 } from "hash-wasm";
import { projectionDirections } from "./map_projection.ts";

export interface SessionConfig {
  /** A path served with the page, an http(s) URL, hf:owner/name, or picked files. */
  model: string | FileSource;
  sae: string | FileSource;
  layer: string;
}

/** How the model is loaded: weight format, context, where hf: and URLs are fetched from. */
export interface SessionLoadOptions {
  quant?: WeightFormat;
  /** The SAE's matrices on the device (Sae.load's quant): f32 (default) or q8. */
  saeQuant?: SaeQuant;
  contextLength?: number;
  source?: SourceOptions;
  /** Wraps the model's fetch (not the SAE's): the weight cache hashes what the model reads. */
  modelFetch?: (inner: typeof fetch) => typeof fetch;
}

/** A served path resolved against the page; hf: ids, URLs and picked files as they are. */
const resolve = (s: string | FileSource) =>
  typeof s === "string" && !s.startsWith("hf:") ? new URL(s, globalThis.location.href).href : s;

export interface GenerateParams {
  maxNewTokens: number;
  /** 0 = greedy. */
  temperature: number;
  topK?: number;
  seed?: number;
  edits?: readonly FeatureEdit[];
  /** Where the edits apply: every position (default) or only the generated ones. */
  scope?: "all" | "generated";
  ignoreEos?: boolean;
}

export class Session {
  readonly engine: Engine;
  readonly sae: Sae;
  readonly site: SaeAttachment;
  readonly layer: string;
  #effects = new Map<number, { up: TokenEffect[]; down: TokenEffect[] }>();
  #directions: Promise<{ rows: Float32Array; width: number }> | null = null;
  #fingerprint: Promise<string> | null = null;

  private constructor(engine: Engine, sae: Sae, site: SaeAttachment, layer: string) {
    this.engine = engine;
    this.sae = sae;
    this.site = site;
    this.layer = layer;
  }

  static async load(
    cfg: SessionConfig,
    gpu: Gpu,
    progress: (fraction: number, what: string) => void,
    options: SessionLoadOptions = {},
  ): Promise<Session> {
    const fetchFn = options.source?.fetch ?? fetch;
    const engine = await Engine.load(resolve(cfg.model), {
      ...options.source,
      fetch: options.modelFetch ? options.modelFetch(fetchFn) : fetchFn,
      quant: options.quant,
      contextLength: options.contextLength,
      gpu,
      onProgress: (done, total, tensor) => progress(0.9 * done / total, `model: ${tensor}`),
    });
    try {
      const saeName = typeof cfg.sae === "string" ? cfg.sae : cfg.sae.describe;
      progress(0.9, `SAE: ${saeName}`);
      const sae = await Sae.load(resolve(cfg.sae), engine, {
        module: cfg.layer,
        quant: options.saeQuant,
        source: options.source,
      });
      try {
        const site = attachSae(engine, cfg.layer, sae);
        progress(1, "ready");
        return new Session(engine, sae, site, cfg.layer);
      } catch (e) {
        sae.dispose();
        throw e;
      }
    } catch (e) {
      engine.dispose();
      throw e;
    }
  }

  get bos(): number {
    return this.engine.tokenizer.bosId ?? 1;
  }

  encode(text: string): number[] {
    return this.engine.tokenizer.encode(text);
  }

  /**
   * One token as text for the strip: SentencePiece's ▁ as a space, byte
   * tokens as characters; a byte-level BPE token (Llama 3's Ġ for a space, Ċ
   * for a newline) decoded on its own.
   */
  piece(id: number): string {
    const tok = this.engine.tokenizer.idToToken(id) ?? `<${id}>`;
    const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(tok);
    if (byte) return String.fromCharCode(parseInt(byte[1], 16));
    if (tok.includes("▁")) return tok.replace(/▁/g, " ");
    if (/[\u0100-\u0143]/.test(tok)) return this.engine.tokenizer.decode([id]);
    return tok;
  }

  /**
   * Streams generated tokens (with the edits as an intervention at the SAE's
   * layer) and returns them with the SAE features [fed * d_sae] of every
   * position the model was fed: the prompt and every generated token (the
   * last one is fed from the generation's KV cache afterwards, unless the
   * generation stopped at an end-of-sequence token). With edits, the SAE
   * re-encodes the edited stream, so a steered feature shows its new value.
   * Each step's features are copied on the GPU into one buffer and read back
   * once at the end: a readback per step would stall the pipelined decode
   * loop, and a forward pass over the text afterwards costs as much as
   * decoding it again on software adapters.
   */
  async generate(
    prompt: readonly number[],
    p: GenerateParams,
    onToken: (token: number, text: string) => void,
  ): Promise<{ ids: number[]; features: Float32Array; fed: number }> {
    // On the SAE's device: the layer's, where the cached features are made.
    const gpu = this.sae.gpu, d = this.sae.dSae, name = this.site.features;
    const rows = Math.min(prompt.length + p.maxNewTokens, this.engine.contextLength);
    const kvCache = this.engine.createCache({ contextLength: rows });
    const all = Tensor.empty(gpu, "demo.features", [rows, d], "f32");
    const scoped = p.edits?.map((e) => p.scope === "generated" ? { ...e, scope: p.scope } : e);
    const interventions = scoped?.length ? { [this.layer]: steering(this.sae, scoped) } : undefined;
    let fed = 0;
    const copy = (f: Tensor<"f32">) => {
      // Valid until the generation's next step; the copy is queued before it.
      const n = Math.min(f.shape[0], rows - fed);
      const rec = new Recorder(gpu, "demo.features.copy");
      rec.copy(f.buffer, f.offset, all.buffer, fed * d * 4, n * d * 4);
      rec.submit();
      fed += n;
    };
    try {
      const ids: number[] = [];
      for await (
        const step of this.engine.generate(prompt, {
          maxNewTokens: p.maxNewTokens,
          temperature: p.temperature,
          topK: p.topK,
          seed: p.seed,
          ignoreEos: p.ignoreEos,
          cache: [name],
          interventions,
          kvCache,
        })
      ) {
        const f = step.cache?.get(name);
        if (f) copy(f);
        ids.push(step.token);
        onToken(step.token, step.text);
      }
      // The cache holds every position but the last token's: feed it for its
      // features, unless it ended the text.
      const last = ids[ids.length - 1];
      const eos = [...this.engine.config.eosTokenIds, ...this.engine.tokenizer.eosIds];
      if (ids.length && !(eos.includes(last) && !p.ignoreEos) && kvCache.length < rows) {
        // forward() knows no generated positions: scope "generated" becomes this one position.
        const at = kvCache.length;
        const lastEdits = p.scope === "generated" && p.edits?.length
          ? { [this.layer]: steering(this.sae, p.edits.map((e) => ({ ...e, positions: [at] }))) }
          : interventions;
        const r = await this.engine.forward([last], {
          kvCache,
          cache: [name],
          interventions: lastEdits,
        });
        try {
          copy(r.cache.get(name)!);
        } finally {
          r.dispose();
        }
      }
      const features = fed ? (await all.toArray()).slice(0, fed * d) : new Float32Array(0);
      return { ids, features, fed };
    } finally {
      all.dispose();
      kvCache.dispose();
    }
  }

  /** Tokens the feature's decoder direction pushes up and down through norm and lm_head. */
  logitEffects(feature: number, k = 10): Promise<{ up: TokenEffect[]; down: TokenEffect[] }> {
    const hit = this.#effects.get(feature);
    if (hit) return Promise.resolve(hit);
    return this.engine.exclusive(async () => {
      const w = this.engine.weights;
      // Any lm_head format: featureLogitEffects runs it through linear().
      const r = await featureLogitEffects(this.sae, feature, w.norm, w.lmHead, k);
      this.#effects.set(feature, r);
      return r;
    });
  }

  /**
   * The decoder rows as the map lays them out, [d_sae, width] row-major:
   * projected on the GPU (map_layout.ts' projectionDirections), so that only
   * d_sae x 64 floats reach the page, whatever the SAE's width and format.
   * Computed once; each call gets its own copy (the map transfers it).
   */
  async decoderDirections(): Promise<{ rows: Float32Array; width: number }> {
    this.#directions ??= this.engine.exclusive(async () => {
      const { directions, width } = projectionDirections(this.sae.dIn);
      return { rows: await decoderProjection(this.sae, directions, width), width };
    });
    const { rows, width } = await this.#directions;
    return { rows: rows.slice(), width };
  }

  /**
   * Names this SAE's content in the page's caches (the map's layout, the
   * corpus): SHA-256 of decoderDirections' values with the SAE's shape and
   * layer. Those values are a function of W_dec (in the format it was loaded
   * in), which is what the layout depends on, and they cost one GPU product
   * instead of hashing a file of gigabytes; two SAEs with the same name but
   * other weights get other keys.
   */
  saeFingerprint(): Promise<string> {
    this.#fingerprint ??= (async () => {
      const { rows, width } = await this.decoderDirections();
      const h = await createSHA256();
      h.init();
      h.update(`${this.sae.dSae}x${this.sae.dIn}|${width}|${this.layer}\n`);
      h.update(new Uint8Array(rows.buffer, rows.byteOffset, rows.byteLength));
      return h.digest("hex");
    })();
    return this.#fingerprint;
  }

  dispose(): void {
    this.site.detach();
    this.sae.dispose();
    this.engine.dispose();
  }
}
