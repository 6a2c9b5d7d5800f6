// Deno: local folders, the download cache on disk, environment variables and
// the terminal progress bar. The only file in the loading layer that touches
// Deno APIs.

import { type ByteReader, checkFileName, checkRange, type FileSource } from "./bytes.ts";
import { formatBytes } from "./bytes.ts";
import type { DownloadCache, DownloadProgress, Platform, ProgressFn } from "./platform.ts";

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    // Without --allow-env the variable is as good as unset.
    return undefined;
  }
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, "")}/${name}`;
}

function absolute(path: string): string {
  return path.startsWith("/") ? path : join(Deno.cwd(), path);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

async function readText(path: string, name: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    throw new Error(`${name}: cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
}

export async function openFileReader(path: string, name: string): Promise<ByteReader> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true });
  } catch (e) {
    throw new Error(`${name}: cannot open ${path}: ${(e as Error).message}`, { cause: e });
  }
  const size = (await file.stat()).size;
  // seek + read share one file position, so concurrent reads are queued.
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const readAt = async (offset: number, length: number) => {
    const out = new Uint8Array(length);
    await file.seek(offset, Deno.SeekMode.Start);
    let done = 0;
    while (done < length) {
      const n = await file.read(out.subarray(done));
      if (n === null) {
        throw new Error(`${name}: ${path} ended at ${offset + done} bytes (changed?)`);
      }
      done += n;
    }
    return out;
  };
  return {
    name,
    size,
    read(offset, length) {
      if (closed) return Promise.reject(new Error(`${name}: read after close`));
      const result = queue.then(() => {
        checkRange({ name, size }, offset, length);
        return readAt(offset, length);
      });
      queue = result.catch(() => {});
      return result;
    },
    close() {
      if (!closed) file.close();
      closed = true;
    },
  };
}

async function openFolder(path: string): Promise<FileSource> {
  const root = absolute(path);
  let stat: Deno.FileInfo;
  try {
    stat = await Deno.stat(root);
  } catch (e) {
    throw new Error(`cannot open folder ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (!stat.isDirectory) throw new Error(`${path} is not a folder`);
  const file = (name: string) => join(root, checkFileName(name, path));
  return {
    describe: path,
    has: async (name) => await isFile(file(name)),
    text: async (name) => await readText(file(name), name),
    open: async (name) => await openFileReader(file(name), name),
  };
}

function defaultCacheDir(): string {
  const explicit = env("LOUPE_CACHE");
  if (explicit) return explicit;
  const home = env("HOME") ?? env("USERPROFILE");
  const xdg = env("XDG_CACHE_HOME");
  if (!xdg && !home) {
    throw new Error("no cache folder: set LOUPE_CACHE (or HOME) or pass cacheDir");
  }
  return join(xdg ?? join(home!, ".cache"), "loupe/hub");
}

function openCache(dir?: string): DownloadCache {
  const root = absolute(dir ?? defaultCacheDir());
  const path = (key: string) => join(root, checkFileName(key, root));
  return {
    root,
    has: async (key) => await isFile(path(key)),
    text: async (key) => await readText(path(key), key),
    open: async (key, name) => await openFileReader(path(key), name),
    async store(key, body, onBytes) {
      const final = path(key);
      await Deno.mkdir(final.slice(0, final.lastIndexOf("/")), { recursive: true });
      // A unique temporary name in the same folder: rename is atomic there,
      // and two processes downloading the same file do not interleave bytes.
      const temp = `${final}.part-${crypto.randomUUID()}`;
      try {
        const file = await Deno.open(temp, { write: true, createNew: true });
        const counter = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, ctl) {
            onBytes(chunk.length);
            ctl.enqueue(chunk);
          },
        });
        await body.pipeThrough(counter).pipeTo(file.writable);
        await Deno.rename(temp, final);
      } catch (e) {
        await Deno.remove(temp).catch(() => {});
        throw e;
      }
    },
  };
}

/** Minimal shape of cli-progress, which ships no types. */
interface Bar {
  start(total: number, value: number, payload?: Record<string, string>): void;
  update(value: number): void;
  stop(): void;
}
interface CliProgress {
  SingleBar: new (opts: Record<string, unknown>, preset: unknown) => Bar;
  Presets: { shades_classic: unknown };
}

function plainProgress(): ProgressFn {
  const announced = new Set<string>();
  return (p) => {
    if (announced.has(p.url)) return;
    announced.add(p.url);
    const size = p.total === null ? "" : ` (${formatBytes(p.total)})`;
    console.error(`loupe: downloading ${p.file}${size} from ${p.url}`);
  };
}

function barProgress(lib: CliProgress): ProgressFn {
  const bars = new Map<string, Bar | null>();
  return (p) => {
    let bar = bars.get(p.url);
    if (bar === undefined) {
      bar = new lib.SingleBar({
        format: `${p.file} [{bar}] {percentage}% | {value}/{total} bytes | {eta_formatted}`,
      }, lib.Presets.shades_classic);
      bar.start(p.total ?? p.loaded, 0);
      bars.set(p.url, bar);
    }
    bar?.update(p.loaded);
    if (p.done) {
      bar?.stop();
      bars.set(p.url, null);
    }
  };
}

function terminalProgress(): ProgressFn {
  let sink: ProgressFn | null = null;
  let loading = false;
  const pending: DownloadProgress[] = [];
  return (p) => {
    if (sink) return sink(p);
    // The bar library is loaded on first use so quiet runs never import it;
    // events that arrive meanwhile are replayed in order.
    pending.push(p);
    if (loading) return;
    loading = true;
    import("cli-progress").then(
      (m) => barProgress(((m as { default?: CliProgress }).default ?? m) as CliProgress),
      () => plainProgress(),
    ).then((s) => {
      sink = s;
      for (const q of pending.splice(0)) s(q);
    });
  };
}

export const denoPlatform: Platform = {
  name: "deno",
  env,
  openFolder,
  openCache,
  consoleProgress() {
    let terminal = false;
    try {
      terminal = Deno.stderr.isTerminal();
    } catch {
      // No stderr (a worker, say): treat as a pipe.
    }
    return terminal ? terminalProgress() : plainProgress();
  },
};
