// A read-only static file server for the browser demo and the browser tests:
// URL prefixes map to folders (`{"/": "dist", "/fixtures/": "tests/fixtures"}`), and
// nothing outside those folders can be reached: no `..` or `.` segments in any
// spelling (`%2e%2e`, `..%2f`), no backslashes or NULs, no dot-files, and no
// symlinks that resolve out of their root. GET and HEAD only, single-range
// requests (checkpoints are read by Range), bound to 127.0.0.1 unless told
// otherwise: the page is a secure context there, so WebGPU is available.

import { guardHeaders, type HeaderGuard } from "./header_guard.ts";

export interface ServeOptions {
  /** URL prefix (ending in "/") -> folder. The longest matching prefix wins. */
  roots: Record<string, string>;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  hostname?: string;
  /** Port; default 0 (a free one). */
  port?: number;
  /**
   * Exact URL paths served from single files, outside any root (`{"/sae/x.pth":
   * "/data/x.pth"}`): serving one file must not expose the folder around it.
   */
  files?: Record<string, string>;
  /** Milliseconds a client has to send a request head; default HEADER_TIMEOUT_MS. */
  headerTimeoutMs?: number;
  /** Called with each request's method, path and status, after it is answered. */
  onRequest?: (log: { method: string; path: string; status: number }) => void;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  hostname: string;
  port: number;
  close(): Promise<void>;
}

/** Default deadline for a request head (a slow-loris client is cut off after it). */
export const HEADER_TIMEOUT_MS = 10_000;

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json",
  map: "application/json",
  wgsl: "text/plain; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  md: "text/plain; charset=utf-8",
  jinja: "text/plain; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  wasm: "application/wasm",
};

function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}

/**
 * The decoded segments of a request path, or null if any segment could name
 * something other than a plain child: empty (`//`), `.`, `..`, a dot-file,
 * or one that decodes to contain `/`, `\` or NUL.
 */
export function safeSegments(rawPath: string): string[] | null {
  if (!rawPath.startsWith("/")) return null;
  const parts = rawPath.split("/").slice(1);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let d: string;
    try {
      d = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    // A trailing slash (a folder URL) is the only empty segment allowed.
    if (d === "" && i === parts.length - 1) break;
    if (d === "" || d.startsWith(".") || /[\\/\0]/.test(d)) return null;
    out.push(d);
  }
  return out;
}

/** The path of a request as sent, before any URL normalisation could hide a `..`. */
function rawPathOf(url: string): string {
  // Any scheme: behind the header guard, Deno.serve on a Unix socket says "http+unix:".
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const end = afterScheme.search(/[?#]/);
  return end < 0 ? afterScheme : afterScheme.slice(0, end);
}

/** [start, end] inclusive for one "bytes=" range, "unsatisfiable", or null to send it all. */
export function parseRange(
  header: string,
  size: number,
): [number, number] | "unsatisfiable" | null {
  const m = header.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number, end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return [start, end];
}

/** Streams bytes [start, start + length) of an open file, closing it at the end or on cancel. */
function fileStream(file: Deno.FsFile, start: number, length: number): ReadableStream<Uint8Array> {
  let left = length, positioned = false;
  return new ReadableStream({
    type: "bytes",
    async pull(ctl) {
      try {
        if (!positioned) {
          await file.seek(start, Deno.SeekMode.Start);
          positioned = true;
        }
        const chunk = new Uint8Array(Math.min(left, 1 << 20));
        const n = await file.read(chunk);
        if (n === null) throw new Error(`file ended ${left} bytes early (changed while serving?)`);
        left -= n;
        ctl.enqueue(chunk.subarray(0, n));
        if (left === 0) {
          file.close();
          ctl.close();
        }
      } catch (e) {
        file.close();
        ctl.error(e);
      }
    },
    cancel() {
      file.close();
    },
  });
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Resolved real folders, with a trailing "/", sorted longest prefix first. */
function resolveRoots(roots: Record<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [prefix, dir] of Object.entries(roots)) {
    if (!prefix.startsWith("/") || !prefix.endsWith("/") || safeSegments(prefix) === null) {
      throw new Error(`serve: root prefix ${JSON.stringify(prefix)} must be like "/" or "/name/"`);
    }
    let real: string;
    try {
      real = Deno.realPathSync(dir);
    } catch (e) {
      throw new Error(`serve: root ${prefix} -> ${dir}: ${(e as Error).message}`, { cause: e });
    }
    if (!Deno.statSync(real).isDirectory) throw new Error(`serve: root ${dir} is not a folder`);
    out.push([prefix, real.replace(/\/+$/, "") + "/"]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
}

/** Exact paths -> resolved real files (each must exist and be a file). */
function resolveFiles(files: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, file] of Object.entries(files)) {
    if (safeSegments(path) === null || path.endsWith("/")) {
      throw new Error(`serve: file path ${JSON.stringify(path)} must be like "/name/file"`);
    }
    let real: string;
    try {
      real = Deno.realPathSync(file);
    } catch (e) {
      throw new Error(`serve: ${path} -> ${file}: ${(e as Error).message}`, { cause: e });
    }
    if (!Deno.statSync(real).isFile) throw new Error(`serve: ${file} is not a file`);
    out.set(path, real);
  }
  return out;
}

export async function serve(opts: ServeOptions): Promise<StaticServer> {
  const roots = resolveRoots(opts.roots);
  const files = resolveFiles(opts.files ?? {});

  const serveFile = async (req: Request, real: string): Promise<Response> => {
    let info = await Deno.stat(real);
    if (info.isDirectory) {
      real = `${real.replace(/\/+$/, "")}/index.html`;
      try {
        info = await Deno.stat(real);
      } catch {
        return text(404, "Not found");
      }
    }
    if (!info.isFile) return text(404, "Not found");
    const size = info.size;
    const headers: Record<string, string> = {
      "accept-ranges": "bytes",
      "content-type": contentType(real),
      // Bundles change between runs; always revalidate.
      "cache-control": "no-cache",
      // Validators, as other static servers send them: the demo's weight cache
      // recognises an unchanged model file by them (demo/web/weight_cache.ts).
      ...(info.mtime
        ? {
          "last-modified": info.mtime.toUTCString(),
          etag: `W/"${size.toString(16)}-${info.mtime.getTime().toString(16)}"`,
        }
        : {}),
    };
    const rangeHeader = req.headers.get("range");
    const range = rangeHeader ? parseRange(rangeHeader, size) : null;
    if (range === "unsatisfiable") {
      return new Response(null, { status: 416, headers: { "content-range": `bytes */${size}` } });
    }
    const [start, end] = range ?? [0, size - 1];
    const length = end - start + 1;
    headers["content-length"] = String(length);
    if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
    const status = range ? 206 : 200;
    if (req.method === "HEAD" || length === 0) return new Response(null, { status, headers });
    const file = await Deno.open(real, { read: true });
    return new Response(fileStream(file, start, length), { status, headers });
  };

  const handle = async (req: Request): Promise<Response> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return new Response("Method not allowed", { status: 405, headers: { allow: "GET, HEAD" } });
    }
    const raw = rawPathOf(req.url);
    const segments = safeSegments(raw);
    if (!segments) return text(400, "Bad path");
    const path = "/" + segments.join("/") + (raw.endsWith("/") && segments.length ? "/" : "");
    const single = files.get(path);
    if (single) {
      try {
        return await serveFile(req, single);
      } catch (e) {
        return text(500, `Cannot read file: ${(e as Error).message}`);
      }
    }
    const root = roots.find(([prefix]) => path.startsWith(prefix) || path + "/" === prefix);
    if (!root) return text(404, "Not found");
    const [prefix, dir] = root;
    const rel = segments.slice(safeSegments(prefix)!.length).join("/");
    let real: string;
    try {
      real = await Deno.realPath(dir + rel);
    } catch {
      return text(404, "Not found");
    }
    // A symlink inside the root may point anywhere; only its target counts:
    // it must stay inside the root and name no dot-file or dot-folder there.
    if (real + "/" !== dir && !real.startsWith(dir)) return text(403, "Forbidden");
    if (real.slice(dir.length).split("/").some((p) => p.startsWith("."))) {
      return text(403, "Forbidden");
    }
    try {
      return await serveFile(req, real);
    } catch (e) {
      return text(500, `Cannot read file: ${(e as Error).message}`);
    }
  };

  // Deno.serve listens on a Unix socket in a private folder; the public port
  // belongs to the header guard (demo/header_guard.ts explains why).
  const socketDir = await Deno.makeTempDir({ prefix: "loupe-serve-" });
  const socketPath = `${socketDir}/http.sock`;
  const server = await new Promise<Deno.HttpServer>((ready, fail) => {
    try {
      const s: Deno.HttpServer = Deno.serve({
        path: socketPath,
        onListen: () => queueMicrotask(() => ready(s)),
      }, async (req) => {
        const res = await handle(req);
        opts.onRequest?.({ method: req.method, path: rawPathOf(req.url), status: res.status });
        // One request per connection, so that the guard times every request head.
        res.headers.set("connection", "close");
        return res;
      });
    } catch (e) {
      fail(e);
    }
  });
  let guard: HeaderGuard;
  try {
    guard = guardHeaders({
      hostname: opts.hostname ?? "127.0.0.1",
      port: opts.port ?? 0,
      upstreamPath: socketPath,
      timeoutMs: opts.headerTimeoutMs ?? HEADER_TIMEOUT_MS,
    });
  } catch (e) {
    await server.shutdown();
    await Deno.remove(socketDir, { recursive: true }).catch(() => {});
    throw e;
  }
  const { hostname, port } = guard;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${port}`,
    hostname,
    port,
    close: async () => {
      await guard.close();
      await server.shutdown();
      await Deno.remove(socketDir, { recursive: true }).catch(() => {});
    },
  };
}

if (import.meta.main) {
  // deno run -A demo/server.ts [port]: serves dist/ and the fixtures for manual testing.
  const repo = new URL("..", import.meta.url).pathname;
  const s = await serve({
    roots: { "/": `${repo}dist`, "/fixtures/": `${repo}tests/fixtures` },
    port: Number(Deno.args[0] ?? 8000),
  });
  console.log(`serving dist/ at ${s.url}/ and tests/fixtures/ at ${s.url}/fixtures/`);
}
