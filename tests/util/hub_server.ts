// A local stand-in for the Hugging Face hub and for a plain static server,
// serving fixture folders on 127.0.0.1 at a free port:
//   /<owner>/<name>/resolve/<revision>/<file>   hub layout (any revision)
//   /plain/<name>/<file>                         a plain folder
// It honours Range (unless told not to) and logs every request, so tests can
// count downloads.

import { parseRange, safeSegments } from "../../demo/server.ts";
import { FIXTURES } from "./fixtures_dir.ts";

export interface HubServerOptions {
  /** Folder whose subfolders are the repositories (default: the fixture models). */
  root?: string;
  /** The only owner the hub layout answers to. */
  owner?: string;
  /** false: ignore Range headers and always send the whole file, like a naive server. */
  ranges?: boolean;
}

export interface RequestLog {
  method: string;
  path: string;
  range: string | null;
  status: number;
}

export interface HubServer {
  /** Base URL, e.g. http://127.0.0.1:40123 (the hub endpoint). */
  url: string;
  owner: string;
  requests: RequestLog[];
  /** GET requests whose path ends with `/${file}`. */
  downloads(file: string): number;
  close(): Promise<void>;
}

// A folder path under Deno; the /fixtures/models URL when a test runs in the browser.
export const FIXTURE_MODELS = `${FIXTURES}models`;

export function startHubServer(opts: HubServerOptions = {}): Promise<HubServer> {
  const root = Deno.realPathSync(opts.root ?? FIXTURE_MODELS);
  const owner = opts.owner ?? "loupe-fixtures";
  const requests: RequestLog[] = [];

  const resolve = (segments: string[]): string[] | null => {
    if (segments[0] === "plain" && segments.length >= 3) return segments.slice(1);
    if (segments.length >= 5 && segments[0] === owner && segments[2] === "resolve") {
      return [segments[1], ...segments.slice(4)];
    }
    return null;
  };

  const serveFile = async (req: Request, rel: string[]): Promise<Response> => {
    let path: string;
    try {
      path = await Deno.realPath(`${root}/${rel.join("/")}`);
    } catch {
      return new Response("Entry not found", { status: 404 });
    }
    // Symlinks must not lead out of the root either.
    if (!path.startsWith(root + "/")) return new Response("Forbidden", { status: 403 });
    const stat = await Deno.stat(path);
    if (!stat.isFile) return new Response("Entry not found", { status: 404 });
    const bytes = await Deno.readFile(path);
    const head = req.method === "HEAD";
    const rangeHeader = opts.ranges === false ? null : req.headers.get("range");
    const range = rangeHeader ? parseRange(rangeHeader, bytes.length) : null;
    const common = { "accept-ranges": opts.ranges === false ? "none" : "bytes" };
    if (range === "unsatisfiable") {
      return new Response(null, {
        status: 416,
        headers: { ...common, "content-range": `bytes */${bytes.length}` },
      });
    }
    if (range) {
      const [start, end] = range;
      return new Response(head ? null : bytes.slice(start, end + 1), {
        status: 206,
        headers: {
          ...common,
          "content-range": `bytes ${start}-${end}/${bytes.length}`,
          "content-length": String(end - start + 1),
        },
      });
    }
    return new Response(head ? null : bytes, {
      status: 200,
      headers: { ...common, "content-length": String(bytes.length) },
    });
  };

  const handler = async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    let res: Response;
    if (req.method === "OPTIONS") {
      // CORS preflight, so a browser test page on another origin can read ranges.
      res = new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-headers": "range",
          "access-control-allow-methods": "GET, HEAD",
        },
      });
    } else if (req.method !== "GET" && req.method !== "HEAD") {
      res = new Response("Method not allowed", { status: 405 });
    } else {
      const segments = safeSegments(path);
      const rel = segments && resolve(segments);
      res = rel
        ? await serveFile(req, rel)
        : new Response("Bad path", { status: segments ? 404 : 400 });
    }
    requests.push({
      method: req.method,
      path,
      range: req.headers.get("range"),
      status: res.status,
    });
    return res;
  };

  return new Promise((ready) => {
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: ({ port }) => {
        ready({
          url: `http://127.0.0.1:${port}`,
          owner,
          requests,
          downloads: (file) =>
            requests.filter((r) => r.method === "GET" && r.path.endsWith(`/${file}`)).length,
          close: () => server.shutdown(),
        });
      },
    }, handler);
  });
}
