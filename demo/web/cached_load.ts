// One model load through the OPFS weight cache: a hit loads the cached
// container (no weight file is fetched); a miss loads the source with every
// read hashed, and afterwards saves the engine's weights under the content
// key in the background. Either way the load ends with the content key, which
// also keys the IndexedDB corpus cache.

/// <reference lib="dom" />

import {
  CONTAINER_SUFFIX,
  type Engine,
  fileListSource,
  type FileSource,
  formatBytes,
  type PickedFile,
} from "../../mod.ts";
import type { CachePanel } from "./cache_panel.ts";
import {
  type CacheEntry,
  CacheFullError,
  ContentRecorder,
  modelBase,
  WeightCache,
} from "./weight_cache.ts";

/** How to load the model, and what to do once it loaded. */
export interface CachedLoad {
  /** The cached container, or the original source (picked files wrapped to hash their reads). */
  model: string | FileSource;
  /** The format to ask Engine.load for: none for a container (its weights are converted). */
  quant: string | undefined;
  /** Wraps the model's fetch to hash its bodies (URL sources). */
  modelFetch?: (inner: typeof fetch) => typeof fetch;
  hit: CacheEntry | null;
  /** After a load: the content key; a fresh load is saved to the cache in the background. */
  finish(engine: Engine): Promise<string>;
}

/**
 * The format to ask Engine.load for: none for a served container (`deno task
 * demo --model FILE.loupe.safetensors`), whose weights are in their device
 * layout already.
 */
export function formatFor(model: string | FileSource, quant: string): string | undefined {
  return typeof model === "string" && model.toLowerCase().endsWith(CONTAINER_SUFFIX)
    ? undefined
    : quant;
}

/** The format a loaded model's weights are in (a container's, read from the engine). */
export function weightFormatOf(engine: Engine): string {
  return engine.weights.layers[0]?.q.format ?? engine.weights.embed.format;
}

/** The base URL under which a model's files are fetched (served path, http(s), or the hub). */
function fetchBase(model: string, endpoint = "https://huggingface.co"): string | null {
  const hub = /^hf:([^/@]+)\/([^/@]+)/.exec(model);
  if (hub) return `${endpoint.replace(/\/+$/, "")}/${hub[1]}/${hub[2]}/`;
  return modelBase(model);
}

/** The model's name in cache entries: its URL or hub id, or the picked folder's name. */
export function modelId(model: string | FileSource): string {
  return typeof model === "string"
    ? (model.startsWith("hf:") ? model : new URL(model, globalThis.location.href).href)
    : model.describe;
}

export async function cachedLoad(
  c: { model: string | FileSource; quant: string; endpoint?: string; modelFiles?: PickedFile[] },
  cache: WeightCache | null,
  panel: CachePanel,
): Promise<CachedLoad> {
  const id = modelId(c.model);
  // A container's format is the file's, whatever the page was asked for.
  const asked = formatFor(c.model, c.quant) ?? null;
  const hit = await cache?.find(id, asked, c.modelFiles).catch(() => null) ?? null;
  if (cache && hit) {
    const file = await cache.file(hit);
    panel.status(
      `Loaded from the browser cache: ${hit.model} (${hit.format}), ${formatBytes(hit.bytes)}; ` +
        `no weight file was fetched.`,
      "hit",
    );
    return {
      model: fileListSource(
        [{ file, path: "model" + CONTAINER_SUFFIX }],
        `browser cache (${hit.format})`,
      ),
      quant: undefined,
      hit,
      finish: () => Promise.resolve(hit.key),
    };
  }
  const recorder = new ContentRecorder();
  const base = typeof c.model === "string" ? fetchBase(c.model, c.endpoint) : null;
  return {
    model: typeof c.model === "string" ? c.model : recorder.source(c.model, c.modelFiles),
    quant: asked ?? undefined,
    modelFetch: base ? (inner) => recorder.fetch(inner, base) : undefined,
    hit: null,
    async finish(engine) {
      const format = asked ?? weightFormatOf(engine);
      const key = await recorder.key(format);
      const manifest = recorder.manifest();
      if (!cache) return key;
      if (!recorder.cacheable || manifest.length === 0) {
        panel.status(
          "Not cached: the source gives no ETag or Last-Modified to recognise it by next time.",
          "error",
        );
        return key;
      }
      panel.status("Saving the quantized weights to the browser cache…", "saving");
      void cache.store(engine, { key, model: id, format, manifest }).then(
        (e) => panel.status(`Saved to the browser cache: ${formatBytes(e.bytes)}.`, "saved"),
        (e) =>
          panel.status(
            e instanceof CacheFullError ? e.message : `Not cached: ${(e as Error).message}`,
            e instanceof CacheFullError ? "full" : "error",
          ),
      ).finally(() => panel.refresh());
      return key;
    },
  };
}

export { WeightCache };
