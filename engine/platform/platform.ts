// What the loaders need from the host that web APIs do not give: local files,
// environment variables, a download cache and a console progress display.
// Deno implements all of it; a browser has none of the file-system parts, so
// everything above this layer works on FileSource / ByteReader only.

import type { ByteReader, FileSource } from "./bytes.ts";

/** One file's download state, reported as chunks arrive and once at the end. */
export interface DownloadProgress {
  /** The file's name in its repository or folder. */
  file: string;
  /** Where it is downloaded from. */
  url: string;
  /** Bytes received so far. */
  loaded: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
  /** True on the last report, when the file is complete. */
  done: boolean;
}

/** Receives download progress reports. */
export type ProgressFn = (p: DownloadProgress) => void;

/** Files downloaded once and kept, addressed by a relative key ("owner--name/main/config.json"). */
export interface DownloadCache {
  /** Folder holding the cache, for messages. */
  readonly root: string;
  has(key: string): Promise<boolean>;
  text(key: string): Promise<string>;
  open(key: string, name: string): Promise<ByteReader>;
  /**
   * Writes `body` under `key` atomically: readers never see a partial file,
   * and a failed or interrupted download leaves nothing under `key`.
   */
  store(key: string, body: ReadableStream<Uint8Array>, onBytes: (n: number) => void): Promise<void>;
}

export interface Platform {
  readonly name: "deno" | "browser";
  env(name: string): string | undefined;
  /** A folder given by a local path (absolute, or relative to the working directory). */
  openFolder(path: string): Promise<FileSource>;
  /** The download cache at `dir` (default: $LOUPE_CACHE or ~/.cache/loupe/hub), or null. */
  openCache(dir?: string): DownloadCache | null;
  /** The default progress display: a bar on a terminal, a plain line otherwise. */
  consoleProgress(): ProgressFn;
}

let current: Promise<Platform> | null = null;

/** The platform we are running on; Deno-only code is loaded only under Deno. */
export function getPlatform(): Promise<Platform> {
  if (!current && "Deno" in globalThis) {
    // A computed specifier keeps bundlers (esbuild for the browser demo) from
    // pulling deno.ts and its Node-only progress bar into a browser bundle.
    const specifier = new URL("./deno.ts", import.meta.url).href;
    current = (import(specifier) as Promise<typeof import("./deno.ts")>).then((m) =>
      m.denoPlatform
    );
  }
  current ??= import("./browser.ts").then((m) => m.browserPlatform);
  return current;
}
