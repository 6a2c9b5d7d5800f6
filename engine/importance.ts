// Engine.load's `importance` option: where the calibration text comes from,
// the key its result is stored under, and the store (a safetensors file per
// key in `$LOUPE_CACHE/importance` or `~/.cache/loupe/importance` under Deno;
// memory in a browser), so a model is calibrated once per setting. The
// calibration itself is engine/model/calibrate.ts.

import type { Gpu } from "./gpu/gpu.ts";
import type { LlamaConfig } from "./formats/config.ts";
import { openSafetensors, writeSafetensors } from "./formats/safetensors.ts";
import type { Tokenizer } from "./formats/tokenizer.ts";
import { type DownloadCache, getPlatform } from "./platform/platform.ts";
import { memorySource } from "./platform/bytes.ts";
import { UsageError } from "./errors.ts";
import { collectImportance, type Importance } from "./model/calibrate.ts";
import { disposeWeights, loadWeights } from "./model/weights.ts";

/** How the calibration text is chosen (LoadOptions.importance as an object). */
export interface ImportanceSettings {
  /** Calibration text, tokenized with the model's tokenizer (BOS added). */
  text?: string;
  /** A UTF-8 text file to calibrate on (Deno: a local path). */
  file?: string;
  /**
   * Without text or file: positions of the model's own text sampled from BOS
   * (default 256); with them: positions per sequence, BOS included (default
   * 512; capped by max_position_embeddings).
   */
  tokens?: number;
  /** Seed of the sampler (default 1). */
  seed?: number;
}

/**
 * LoadOptions.importance: false (default) for none; "auto" for the model's
 * own sampled text with the defaults; another string is a text file's path;
 * or settings.
 */
export type ImportanceOption = false | "auto" | string | ImportanceSettings;

const DEFAULT_SAMPLE_TOKENS = 256;
/** Positions per calibration sequence from a text (llama.cpp's imatrix default). */
const DEFAULT_CHUNK_TOKENS = 512;
/** Bumped when what is stored changes meaning, so old entries are not reused. */
const STORE_VERSION = 1;
/** Browser (and no-cache-folder) store: per page, per key. */
const memoryStore = new Map<string, Uint8Array>();

function settingsOf(option: ImportanceOption): ImportanceSettings {
  if (option === "auto") return {};
  if (typeof option === "string") return { file: option };
  if (typeof option !== "object" || option === null) {
    throw new UsageError(
      `Engine.load importance: expected false, "auto", a file path or { text, file, tokens, seed }`,
    );
  }
  if (option.text !== undefined && option.file !== undefined) {
    throw new UsageError("Engine.load importance: give text or file, not both");
  }
  for (const k of ["tokens", "seed"] as const) {
    const v = option[k];
    if (v !== undefined && (!Number.isInteger(v) || v < (k === "tokens" ? 1 : 0))) {
      throw new UsageError(
        `Engine.load importance.${k}: expected a non-negative integer, got ${v}`,
      );
    }
  }
  return option;
}

export async function sha256Hex(parts: readonly (string | Uint8Array)[]): Promise<string> {
  const enc = new TextEncoder();
  const chunks = parts.map((p) => typeof p === "string" ? enc.encode(p) : p);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length + 8, 0));
  let at = 0;
  for (const c of chunks) {
    // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    new DataView(all.buffer).setBigUint64(at, BigInt(c.length), true);
    all.set(c, at + 8);
    at += c.length + 8;
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A content hash of the model: SHA-256 over its parsed config and, per tensor
 * in name order, its name, shape and a SHA-256 chain over its values (read as
 * f32, in slabs of at most 16 MiB so memory stays bounded). Values rather
 * than file bytes, so that it reads any checkpoint format the loader does.
 */
export async function checkpointHash(config: LlamaConfig, ckpt: LoadCheckpoint): Promise<string> {
  const parts: (string | Uint8Array)[] = [JSON.stringify(config)];
  for (const name of [...ckpt.tensors.keys()].sort()) {
    const shape = ckpt.get(name).shape;
    const rows = shape.length === 0 ? 1 : shape[0];
    const rowValues = shape.slice(1).reduce((a, b) => a * b, 1);
    const step = Math.max(1, Math.floor((4 << 20) / Math.max(1, rowValues)));
    const slabs: (string | Uint8Array)[] = [];
    for (let r = 0; r < rows; r += step) {
      const values = await ckpt.readF32(name, r, Math.min(step, rows - r));
      slabs.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      if (slabs.length > 1) slabs.splice(0, 2, await sha256Hex(slabs.slice(0, 2)));
    }
    parts.push(name, JSON.stringify(shape), await sha256Hex(slabs));
  }
  return await sha256Hex(parts);
}

export function cacheFolder(env: (name: string) => string | undefined): string | null {
  const base = env("LOUPE_CACHE") ??
    (env("XDG_CACHE_HOME") ? `${env("XDG_CACHE_HOME")}/loupe` : undefined) ??
    (env("HOME") ? `${env("HOME")}/.cache/loupe` : undefined);
  return base ? `${base.replace(/\/+$/, "")}/importance` : null;
}

function encode(importance: Importance, meta: Record<string, string>): Uint8Array<ArrayBuffer> {
  return writeSafetensors(
    [...importance].map(([name, data]) => ({ name, dtype: "F32", shape: [data.length], data })),
    meta,
  );
}

async function decode(bytes: Uint8Array, where: string): Promise<Importance> {
  const ckpt = await openSafetensors(memorySource(where, { "model.safetensors": bytes }));
  try {
    const out: Importance = new Map();
    for (const name of ckpt.tensors.keys()) out.set(name, await ckpt.readF32(name));
    return out;
  } finally {
    ckpt.close();
  }
}

export async function readAll(store: DownloadCache, file: string): Promise<Uint8Array> {
  const reader = await store.open(file, `${store.root}/${file}`);
  try {
    return await reader.read(0, reader.size);
  } finally {
    reader.close();
  }
}

/** The checkpoint as the weight loader reads it. */
export type LoadCheckpoint = Parameters<typeof loadWeights>[2];

/** What resolveImportance needs of the load in progress. */
export interface ImportanceHost {
  /** Where the model came from, for messages. */
  describe: string;
  ckpt: LoadCheckpoint;
  config: LlamaConfig;
  tokenizer: Tokenizer;
  /** The device the f32 calibration runs on (the whole model must fit it in f32). */
  gpu: Gpu;
}

/**
 * The importance vectors for `option` (null for false): from the store when
 * this model and these settings were calibrated before, else calibrated now
 * in f32 on host.gpu and stored.
 */
export async function resolveImportance(
  host: ImportanceHost,
  option: ImportanceOption | undefined,
): Promise<{ importance: Importance; cached: boolean; key: string } | null> {
  if (option === undefined || option === false) return null;
  const s = settingsOf(option);
  const platform = await getPlatform();
  const { config, tokenizer } = host;
  let sequences: Uint32Array[] | undefined;
  let textHash = "sampled";
  if (s.text !== undefined || s.file !== undefined) {
    let text = s.text;
    if (text === undefined) {
      const path = s.file!, slash = path.lastIndexOf("/");
      const folder = await platform.openFolder(slash < 0 ? "." : path.slice(0, slash) || "/");
      text = await folder.text(path.slice(slash + 1));
    }
    textHash = await sha256Hex([text]);
    // Chunks of `per` positions, each starting with BOS (as llama.cpp's imatrix does).
    const ids = tokenizer.encode(text, { addSpecialTokens: false });
    const bos = config.bosTokenIds[0] ?? tokenizer.bosId;
    const per = Math.min(s.tokens ?? DEFAULT_CHUNK_TOKENS, config.maxPositionEmbeddings) -
      (bos === null ? 0 : 1);
    if (per < 1) throw new UsageError("Engine.load importance.tokens: at least 2 with BOS");
    sequences = [];
    for (let i = 0; i < ids.length; i += per) {
      const chunk = ids.slice(i, i + per);
      sequences.push(Uint32Array.from(bos === null ? chunk : [bos, ...chunk]));
    }
  }
  const sampleTokens = Math.min(s.tokens ?? DEFAULT_SAMPLE_TOKENS, config.maxPositionEmbeddings);
  const seed = s.seed ?? 1;
  const settings = JSON.stringify({
    version: STORE_VERSION,
    text: textHash,
    tokens: sequences ? s.tokens ?? null : sampleTokens,
    seed: sequences ? null : seed,
  });
  const modelHash = await checkpointHash(config, host.ckpt);
  const key = (await sha256Hex([modelHash, settings])).slice(0, 32);
  const file = `${key}.safetensors`;
  const folder = cacheFolder((n) => platform.env(n));
  const store = folder ? platform.openCache(folder) : null;

  const stored = store && await store.has(file) ? await readAll(store, file) : memoryStore.get(key);
  if (stored) return { importance: await decode(stored, file), cached: true, key };

  const weights = await loadWeights(host.gpu, config, host.ckpt, host.describe, {
    format: "f32",
  });
  let importance: Importance;
  try {
    ({ importance } = await collectImportance(host.gpu, config, weights, {
      sequences,
      sampleTokens,
      seed,
    }));
  } finally {
    disposeWeights(weights);
  }
  const bytes = encode(importance, { settings, model: modelHash });
  if (store) {
    await store.store(file, new Blob([bytes]).stream(), () => {});
  } else {
    memoryStore.set(key, bytes);
  }
  return { importance, cached: false, key };
}
