// Quantized weights kept in the browser's Origin Private File System, so that
// the next visit loads the device-layout container (engine.saveWeights) at
// disk speed instead of fetching and quantizing the source again.
//
// The key is a content hash: SHA-256 over every slice the load read (file
// name, offset, length and the slice's own SHA-256, sorted), the weight
// format and the container version. The slices are hashed as they stream in
// (ContentRecorder wraps the model's fetch or its picked files), so nothing is
// read twice; bytes the load never read cannot have changed the weights, so
// hashing what was read is hashing what the container was made from.
//
// A later visit cannot hash the source without reading it, so each entry keeps
// a manifest: per file its URL, size and validator (ETag, which the Hugging
// Face hub sets to the LFS file's SHA-256, else Last-Modified), or for picked
// files their name, size and lastModified. The entry is used when every file
// still answers a HEAD request (or is picked) with the same size and
// validator. The risk is a server whose validator does not change with the
// content (a weak ETag from size and mtime, with mtime restored) or a local
// file edited in place within the same millisecond at the same size: then the
// cache serves the old weights. Sources with no validator are not cached.

/// <reference lib="dom" />

import { createSHA256 } from "hash-wasm";
import {
  CONTAINER_SUFFIX,
  CONTAINER_VERSION,
  type Engine,
  type FileSource,
  formatBytes,
  type PickedFile,
} from "../../mod.ts";

/** One source file as the cache recognises it on a later visit. */
export interface ManifestFile {
  /** URL (fetched sources) or path among the picked files. */
  where: string;
  size: number;
  /** ETag / x-linked-etag, or Last-Modified, or a picked file's lastModified. */
  validator: string;
}

/** A cached container. */
export interface CacheEntry {
  key: string;
  /** The model as the user named it (URL, hf: id, picked folder). */
  model: string;
  format: string;
  bytes: number;
  created: string;
  manifest: ManifestFile[];
}

/** Thrown when the cache cannot take a container; `message` is what the page shows. */
export class CacheFullError extends Error {}

const DIR = "loupe-weights";
const hex = (n: number) => n.toString(16);

/** Hashes every slice a load reads, and notes what identifies each file cheaply. */
export class ContentRecorder {
  readonly #slices: string[] = [];
  readonly #files = new Map<string, ManifestFile>();
  /** False once a file arrives with no validator: such a source is not cached. */
  cacheable = true;

  async #hash(name: string, offset: number, bytes: Uint8Array) {
    const h = await createSHA256();
    h.init();
    h.update(bytes);
    this.#slices.push(`${name}\t${hex(offset)}\t${hex(bytes.length)}\t${h.digest("hex")}`);
  }

  /** Picked files: each read hashed; each file's name, size and lastModified noted. */
  source(src: FileSource, picked: readonly PickedFile[] = []): FileSource {
    const modified = new Map(picked.map((p) => [p.path ?? p.file.name, p.file.lastModified]));
    const note = (name: string, size: number) => {
      const m = modified.get(name);
      if (m === undefined) this.cacheable = false;
      this.#files.set(name, { where: name, size, validator: `lastModified ${m}` });
    };
    return {
      describe: src.describe,
      names: src.names,
      has: (name) => src.has(name),
      text: async (name) => {
        const text = await src.text(name);
        const bytes = new TextEncoder().encode(text);
        note(name, bytes.length);
        await this.#hash(name, 0, bytes);
        return text;
      },
      open: async (name) => {
        const r = await src.open(name);
        note(name, r.size);
        return {
          name: r.name,
          size: r.size,
          read: async (offset, length) => {
            const bytes = await r.read(offset, length);
            await this.#hash(name, offset, bytes);
            return bytes;
          },
          close: () => r.close(),
        };
      },
    };
  }

  /** fetch for the model: bodies of URLs under `base` hashed as they stream, validators noted. */
  fetch(inner: typeof fetch, base: string): typeof fetch {
    return async (input, init) => {
      const res = await inner(input, init);
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (!res.ok || !url.startsWith(base)) return res;
      const h = res.headers, range = /^bytes (\d+)-\d+\/(\d+)$/.exec(h.get("content-range") ?? "");
      const size = range ? Number(range[2]) : Number(h.get("content-length") ?? NaN);
      const validator = h.get("x-linked-etag") ?? h.get("etag") ?? h.get("last-modified");
      if (!validator) this.cacheable = false;
      const file = { where: url, size, validator: validator ?? "" };
      // A HEAD may come before the GET that reads the file: keep the entry with a size.
      if (Number.isFinite(size) || !this.#files.has(url)) this.#files.set(url, file);
      if (init?.method === "HEAD" || !res.body) return res;
      const hasher = await createSHA256();
      hasher.init();
      let n = 0;
      const offset = range ? Number(range[1]) : 0, name = url.slice(base.length);
      const tap = new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, ctl) => {
          hasher.update(chunk);
          n += chunk.length;
          ctl.enqueue(chunk);
        },
        // The reader sees the body end only after this ran: a slice the load used is recorded.
        flush: () => {
          // A whole-file answer without Content-Length: its size is what arrived.
          if (!Number.isFinite(file.size) && !range) file.size = n;
          this.#slices.push(`${name}\t${hex(offset)}\t${hex(n)}\t${hasher.digest("hex")}`);
        },
      });
      return new Response(res.body.pipeThrough(tap), {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
      });
    };
  }

  /** The cache key of what was read, in weight format `format`. */
  async key(format: string): Promise<string> {
    const h = await createSHA256();
    h.init();
    h.update(`loupe container ${CONTAINER_VERSION}\nformat ${format}\n`);
    for (const s of [...new Set(this.#slices)].sort()) h.update(s + "\n");
    return h.digest("hex");
  }

  /** What identifies each file read; a file of unknown size makes the source uncacheable. */
  manifest(): ManifestFile[] {
    if ([...this.#files.values()].some((f) => !Number.isFinite(f.size))) this.cacheable = false;
    return [...this.#files.values()].sort((a, b) => a.where < b.where ? -1 : 1);
  }
}

/** The folder URL a served or http(s) model's files are fetched under (null for hf: and files). */
export function modelBase(model: string | FileSource): string | null {
  if (typeof model !== "string" || model.startsWith("hf:")) return null;
  const url = /^https?:/i.test(model) ? model : new URL(model, globalThis.location.href).href;
  // A single-file model (GGUF, a Loupe container) is fetched from its folder.
  const single = /\.gguf$/i.test(url) || url.toLowerCase().endsWith(CONTAINER_SUFFIX);
  return single ? url.slice(0, url.lastIndexOf("/") + 1) : url.replace(/\/*$/, "/");
}

/** Whether every manifest file still looks the same: HEAD for URLs, the picked File otherwise. */
async function unchanged(m: ManifestFile[], picked: readonly PickedFile[]): Promise<boolean> {
  for (const f of m) {
    if (/^https?:/.test(f.where)) {
      const res = await fetch(f.where, { method: "HEAD" }).catch(() => null);
      if (!res?.ok) return false;
      const h = res.headers;
      const v = h.get("x-linked-etag") ?? h.get("etag") ?? h.get("last-modified");
      if (v !== f.validator || Number(h.get("content-length")) !== f.size) return false;
    } else {
      const p = picked.find((p) => (p.path ?? p.file.name) === f.where);
      if (!p || p.file.size !== f.size || `lastModified ${p.file.lastModified}` !== f.validator) {
        return false;
      }
    }
  }
  return m.length > 0;
}

/** The OPFS folder of cached containers and their entries (KEY.json beside KEY.loupe.safetensors). */
export class WeightCache {
  readonly #dir: FileSystemDirectoryHandle;
  private constructor(dir: FileSystemDirectoryHandle) {
    this.#dir = dir;
  }

  /** The cache, or null where the browser has no OPFS (or refuses it, as some private windows do). */
  static async open(): Promise<WeightCache | null> {
    try {
      const root = await navigator.storage.getDirectory();
      return new WeightCache(await root.getDirectoryHandle(DIR, { create: true }));
    } catch {
      return null;
    }
  }

  /** Every complete entry; containers without an entry (an interrupted write) are removed. */
  async list(): Promise<CacheEntry[]> {
    const entries: CacheEntry[] = [], containers: string[] = [];
    for await (const [name, handle] of this.#dir.entries()) {
      if (name.endsWith(CONTAINER_SUFFIX)) containers.push(name);
      if (!name.endsWith(".json") || handle.kind !== "file") continue;
      try {
        entries.push(JSON.parse(await (await (handle as FileSystemFileHandle).getFile()).text()));
      } catch {
        await this.#dir.removeEntry(name).catch(() => {});
      }
    }
    const keys = new Set(entries.map((e) => e.key));
    for (const c of containers) {
      if (!keys.has(c.slice(0, -CONTAINER_SUFFIX.length))) {
        await this.#dir.removeEntry(c).catch(() => {});
      }
    }
    return entries.sort((a, b) => a.created < b.created ? 1 : -1);
  }

  /** An entry for this model and format whose source files look unchanged, or null. */
  /** The entry of `model` in `format` (null: any, as for a container) whose files are unchanged. */
  async find(model: string, format: string | null, picked: readonly PickedFile[] = []) {
    for (const e of await this.list()) {
      const same = e.model === model && (format === null || e.format === format);
      if (same && await unchanged(e.manifest, picked)) return e;
    }
    return null;
  }

  /** The cached container as a File (read in slices by Engine.load). */
  async file(e: CacheEntry): Promise<File> {
    return await (await this.#dir.getFileHandle(e.key + CONTAINER_SUFFIX)).getFile();
  }

  /**
   * Saves the engine's weights under `entry.key`: the quota is checked first,
   * the container streamed to a writable (committed only when it closes), the
   * entry written last. Any failure removes both files; a full quota becomes
   * a CacheFullError saying so.
   */
  async store(engine: Engine, entry: Omit<CacheEntry, "bytes" | "created">): Promise<CacheEntry> {
    const name = entry.key + CONTAINER_SUFFIX;
    const need = engine.memory.weights + (16 << 20);
    const est = await navigator.storage.estimate?.().catch(() => null);
    if (est?.quota !== undefined && est.usage !== undefined && est.quota - est.usage < need) {
      throw new CacheFullError(
        `Not cached: the browser lets this site store ${formatBytes(est.quota - est.usage)} ` +
          `more, and the weights need about ${formatBytes(need)}. Delete cached models below ` +
          `to make room; this model works as loaded, uncached.`,
      );
    }
    try {
      const handle = await this.#dir.getFileHandle(name, { create: true });
      const bytes = await engine.saveWeights(await handle.createWritable());
      const done: CacheEntry = { ...entry, bytes, created: new Date().toISOString() };
      const meta = await (await this.#dir.getFileHandle(`${entry.key}.json`, { create: true }))
        .createWritable();
      await meta.write(JSON.stringify(done));
      await meta.close();
      return done;
    } catch (e) {
      await this.remove(entry.key);
      if ((e as DOMException)?.name === "QuotaExceededError") {
        throw new CacheFullError(
          `Not cached: the browser's storage quota ran out while saving the weights ` +
            `(${(e as Error).message}). Nothing was kept; this model works as loaded, uncached. ` +
            `Delete cached models below to make room.`,
        );
      }
      throw e;
    }
  }

  /** Removes an entry and its container. */
  async remove(key: string): Promise<void> {
    for (const n of [`${key}.json`, key + CONTAINER_SUFFIX]) {
      await this.#dir.removeEntry(n).catch(() => {});
    }
  }
}
