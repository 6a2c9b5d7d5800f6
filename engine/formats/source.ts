// openSource: one string names a folder of model files wherever it lives.
//   "models/x", "/abs/x", "file:///abs/x"   a local folder (Deno)
//   "https://host/path"                     files at `${url}/${name}`
//   "hf:owner/name[@revision]"              the Hugging Face hub; under Deno
//                                           each file is downloaded once into
//                                           a cache and read from disk
// A name ending in .gguf is one file instead (splitFileSource): "dir/x.gguf",
// "https://host/x.gguf", "hf:owner/name/x.gguf", "hf:owner/name@rev/x.gguf".

import { checkFileName, type FileSource } from "../platform/bytes.ts";
import { abortableSource } from "../platform/files.ts";
import { fetchFile, type FetchFn, fileUrl, httpFolderSource, httpHas } from "../platform/http.ts";
import { type DownloadCache, getPlatform, type ProgressFn } from "../platform/platform.ts";

export type { ByteReader, FileSource } from "../platform/bytes.ts";
export type { DownloadProgress, ProgressFn } from "../platform/platform.ts";

/** Where and how remote sources (http(s), hf:) are fetched and cached. */
export interface SourceOptions {
  /** Download cache folder for hf: sources (default $LOUPE_CACHE, else ~/.cache/loupe/hub). */
  cacheDir?: string;
  /** Hub endpoint (default $HF_ENDPOINT, else https://huggingface.co). */
  endpoint?: string;
  /**
   * Called as hub downloads progress; replaces the default terminal display.
   * Not `onProgress`: Engine.load uses that name for weight uploads.
   */
  onDownload?: ProgressFn;
  /** No progress output at all. */
  silent?: boolean;
  /** fetch to use for http(s) and hub requests (tests, proxies, auth headers). */
  fetch?: typeof fetch;
  /**
   * Cancels the load: requests carry it, and every read after it is aborted
   * fails with its reason (the tensor being read named in the message). What
   * the load made is freed, as for any failure.
   */
  signal?: AbortSignal;
}

export interface HubRepo {
  owner: string;
  name: string;
  revision: string;
}

const DEFAULT_ENDPOINT = "https://huggingface.co";
const REPO_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const REVISION = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Parses "hf:owner/name[@revision]". */
export function parseHubSpec(src: string): HubRepo {
  const m = src.match(/^hf:([^/@]*)\/([^/@]*)(?:@(.*))?$/);
  const usage = `expected hf:owner/name or hf:owner/name@revision`;
  if (!m) throw new Error(`invalid hub source ${JSON.stringify(src)}: ${usage}`);
  const [, owner, name, revision = "main"] = m;
  if (!REPO_PART.test(owner) || !REPO_PART.test(name)) {
    throw new Error(`invalid hub source ${JSON.stringify(src)}: bad owner or name; ${usage}`);
  }
  if (!REVISION.test(revision) || revision.split("/").includes("..")) {
    throw new Error(`invalid hub source ${JSON.stringify(src)}: bad revision ${revision}`);
  }
  return { owner, name, revision };
}

/** The hub's folder URL for a repository at a revision; files are `${base}/${file}`. */
export function hubBaseUrl(endpoint: string, repo: HubRepo): string {
  return `${endpoint.replace(/\/+$/, "")}/${repo.owner}/${repo.name}/resolve/` +
    encodeURIComponent(repo.revision);
}

function fileUrlToPath(url: string): string {
  const u = new URL(url);
  if (u.host !== "" && u.host !== "localhost") {
    throw new Error(`${url}: file URLs on another host are not supported`);
  }
  return decodeURIComponent(u.pathname);
}

/** A folder source and a file in it. */
export interface FileInSource {
  folder: string;
  file: string;
}

/**
 * For a source naming one .gguf file: the folder to open and the file's name
 * in it; null for a folder source. Under hf: the path after owner/name is the
 * file's path in the repository ("hf:o/n/sub/x.gguf"); with a revision
 * ("hf:o/n@rev/x.gguf", where rev may hold "/") only the last part is.
 * `suffix` picks the file names meant (default .gguf).
 */
export function splitFileSource(src: string, suffix = /\.gguf$/i): FileInSource | null {
  if (!suffix.test(src)) return null;
  if (src.startsWith("hf:") && !src.includes("@")) {
    const parts = src.slice(3).split("/");
    if (parts.length < 3) {
      throw new Error(
        `invalid hub source ${JSON.stringify(src)}: expected hf:owner/name/file.gguf`,
      );
    }
    return { folder: `hf:${parts[0]}/${parts[1]}`, file: parts.slice(2).join("/") };
  }
  const slash = src.lastIndexOf("/");
  if (slash < 0) return { folder: ".", file: src };
  return { folder: src.slice(0, slash) || "/", file: src.slice(slash + 1) };
}

export async function openSource(src: string, opts: SourceOptions = {}): Promise<FileSource> {
  const { signal } = opts;
  if (!signal) return openUnwatched(src, opts);
  signal.throwIfAborted();
  const fetchFn = opts.fetch ?? fetch;
  const files = await openUnwatched(src, {
    ...opts,
    fetch: (input, init) => fetchFn(input, { ...init, signal }),
  });
  return abortableSource(files, signal);
}

async function openUnwatched(src: string, opts: SourceOptions): Promise<FileSource> {
  const platform = await getPlatform();
  const fetchFn = opts.fetch ?? fetch;
  if (src.startsWith("hf:")) {
    const repo = parseHubSpec(src);
    const endpoint = opts.endpoint ?? platform.env("HF_ENDPOINT") ?? DEFAULT_ENDPOINT;
    const progress = opts.silent ? () => {} : opts.onDownload ?? platform.consoleProgress();
    return hubSource(repo, endpoint, platform.openCache(opts.cacheDir), fetchFn, progress);
  }
  if (/^https?:\/\//i.test(src)) return httpFolderSource(src, fetchFn);
  if (/^file:/i.test(src)) return platform.openFolder(fileUrlToPath(src));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src)) {
    throw new Error(
      `unsupported source ${src}: use a local folder, file://, http(s):// or hf:owner/name`,
    );
  }
  return platform.openFolder(src);
}

/** Passes chunks through and fails at the end if fewer or more bytes came than announced. */
function lengthCheck(file: string, url: string, expected: number | null) {
  let seen = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, ctl) {
      seen += chunk.length;
      ctl.enqueue(chunk);
    },
    flush() {
      if (expected !== null && seen !== expected) {
        throw new Error(
          `${file}: download from ${url} ended after ${seen} of ${expected} bytes; nothing was cached`,
        );
      }
    },
  });
}

function hubSource(
  repo: HubRepo,
  endpoint: string,
  cache: DownloadCache | null,
  fetchFn: FetchFn,
  progress: ProgressFn,
): FileSource {
  const describe = `hf:${repo.owner}/${repo.name}@${repo.revision}`;
  const base = hubBaseUrl(endpoint, repo);
  if (!cache) {
    // No cache here (browsers): read over HTTP and let the HTTP cache keep it.
    return { ...httpFolderSource(base, fetchFn), describe };
  }
  const url = (file: string) => fileUrl(base, checkFileName(file, describe));
  const prefix = `${repo.owner}--${repo.name}/${repo.revision.replaceAll("/", "--")}`;
  const key = (file: string) => `${prefix}/${file}`;
  const inFlight = new Map<string, Promise<void>>();

  const download = async (file: string) => {
    const where = url(file);
    const res = await fetchFile(fetchFn, file, where);
    // With Content-Encoding the length is of the compressed bytes, not the file.
    const length = res.headers.get("content-encoding")
      ? null
      : Number(res.headers.get("content-length") ?? NaN);
    const total = Number.isSafeInteger(length) ? length : null;
    let loaded = 0;
    progress({ file, url: where, loaded, total, done: false });
    if (!res.body) throw new Error(`${file}: empty response body from ${where}`);
    await cache.store(key(file), res.body.pipeThrough(lengthCheck(file, where, total)), (n) => {
      loaded += n;
      progress({ file, url: where, loaded, total, done: false });
    });
    progress({ file, url: where, loaded, total, done: true });
  };

  /** Downloads the file unless cached; concurrent callers share one download. */
  const ensure = async (file: string) => {
    if (await cache.has(key(file))) return;
    let pending = inFlight.get(file);
    if (!pending) {
      pending = download(file).finally(() => inFlight.delete(file));
      inFlight.set(file, pending);
    }
    await pending;
  };

  return {
    describe,
    async has(file) {
      return await cache.has(key(file)) || await httpHas(fetchFn, file, url(file));
    },
    async text(file) {
      await ensure(file);
      return cache.text(key(file));
    },
    async open(file) {
      await ensure(file);
      return cache.open(key(file), file);
    },
  };
}
