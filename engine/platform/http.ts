// Files over HTTP(S): a folder is a base URL, a file is `${base}/${name}`.
// Random access uses Range requests when the server honours them, so reading a
// checkpoint header does not download the checkpoint; otherwise the whole file
// is downloaded once into memory.

import {
  type ByteReader,
  checkFileName,
  checkRange,
  type FileSource,
  memoryReader,
} from "./bytes.ts";

export type FetchFn = typeof fetch;

/** The first request asks for this much, so a safetensors header usually arrives with it. */
const PREFETCH_BYTES = 64 * 1024;

/** Joins a folder URL and a relative file name, keeping the folder's query string out. */
export function fileUrl(base: string, name: string): string {
  const encoded = name.split("/").map(encodeURIComponent).join("/");
  return `${base.replace(/\/+$/, "")}/${encoded}`;
}

/** fetch() that turns network failures and error statuses into errors naming the file. */
export async function fetchFile(
  fetchFn: FetchFn,
  name: string,
  url: string,
  init: RequestInit = {},
  accept: number[] = [200],
): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url, init);
  } catch (e) {
    throw new Error(`${name}: request to ${url} failed: ${(e as Error).message}`, { cause: e });
  }
  if (accept.includes(res.status)) return res;
  await res.body?.cancel();
  if (res.status === 404) throw new Error(`${name}: not found (HTTP 404) at ${url}`);
  if (res.status === 401 || res.status === 403) {
    throw new Error(
      `${name}: access denied (HTTP ${res.status}) at ${url}; the repository may be private or ` +
        `gated, which Loupe does not support yet`,
    );
  }
  throw new Error(`${name}: HTTP ${res.status} ${res.statusText} from ${url}`);
}

/** true if the file exists: HEAD, falling back to a one-byte GET for servers without HEAD. */
export async function httpHas(fetchFn: FetchFn, name: string, url: string): Promise<boolean> {
  let res = await fetchFile(fetchFn, name, url, { method: "HEAD" }, [200, 404, 405, 501]);
  if (res.status === 405 || res.status === 501) {
    res = await fetchFile(fetchFn, name, url, { headers: { Range: "bytes=0-0" } }, [
      200,
      206,
      404,
      416,
    ]);
    await res.body?.cancel();
  }
  return res.status !== 404;
}

/** Total size from "bytes 0-99/1234", or null when the server hides it. */
function totalFromContentRange(header: string | null): number | null {
  const m = header?.match(/^bytes (?:\d+-\d+|\*)\/(\d+)$/);
  return m ? Number(m[1]) : null;
}

export async function openHttpReader(
  fetchFn: FetchFn,
  name: string,
  url: string,
): Promise<ByteReader> {
  const first = await fetchFile(
    fetchFn,
    name,
    url,
    { headers: { Range: `bytes=0-${PREFETCH_BYTES - 1}` } },
    [200, 206, 416],
  );
  if (first.status === 416) {
    // Only an empty file makes "bytes=0-..." unsatisfiable.
    await first.body?.cancel();
    return rangeReader(fetchFn, name, url, 0, new Uint8Array(0));
  }
  const body = new Uint8Array(await first.arrayBuffer());
  if (first.status === 200) return memoryReader(name, body);
  const total = totalFromContentRange(first.headers.get("content-range"));
  if (total === null) {
    throw new Error(
      `${name}: ${url} answered a Range request without a readable Content-Range ` +
        `(${first.headers.get("content-range")}); cross-origin servers must expose it`,
    );
  }
  return rangeReader(fetchFn, name, url, total, body);
}

function rangeReader(
  fetchFn: FetchFn,
  name: string,
  url: string,
  size: number,
  prefix: Uint8Array<ArrayBuffer>,
): ByteReader {
  let closed = false;
  return {
    name,
    size,
    async read(offset, length) {
      if (closed) throw new Error(`${name}: read after close`);
      checkRange({ name, size }, offset, length);
      if (offset + length <= prefix.length) return prefix.slice(offset, offset + length);
      if (length === 0) return new Uint8Array(0);
      const res = await fetchFile(fetchFn, name, url, {
        headers: { Range: `bytes=${offset}-${offset + length - 1}` },
      }, [206]);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length !== length) {
        throw new Error(
          `${name}: asked ${url} for ${length} bytes at offset ${offset}, got ${bytes.length}`,
        );
      }
      return bytes;
    },
    close() {
      closed = true;
    },
  };
}

/** A folder served over http(s). */
export function httpFolderSource(base: string, fetchFn: FetchFn = fetch): FileSource {
  const url = (name: string) => fileUrl(base, checkFileName(name, base));
  return {
    describe: base,
    has: async (name) => await httpHas(fetchFn, name, url(name)),
    text: async (name) => await (await fetchFile(fetchFn, name, url(name))).text(),
    open: async (name) => await openHttpReader(fetchFn, name, url(name)),
  };
}
