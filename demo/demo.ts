// `deno task demo`: builds the demo page (demo/web/) and serves it, the model
// folder and the SAE on http://127.0.0.1:PORT (a secure context, so WebGPU is
// available), through the read-only server of demo/server.ts: nothing outside
// those three folders can be reached.
//
//   deno task demo [--port 8000] [--host 127.0.0.1] [--model DIR|FILE.loupe.safetensors]
//                  [--sae DIR|FILE] [--layer NAME] [--labels FILE]

import * as esbuild from "esbuild";
import { buildDemo, REPO } from "./build.ts";
import { serve, type StaticServer } from "./server.ts";

/** What the page reads from /config.json: where the server put things. */
export interface DemoConfig {
  /** Model folder URL, relative to the page. */
  model: string;
  /** SAE file or SAELens folder URL, relative to the page. */
  sae: string;
  /** Module the SAE reads, e.g. "model.layers.2". */
  layer: string;
  /** Names for the page's header. */
  modelName: string;
  saeName: string;
  /** The SAE's labels file URL, relative to the page (with --labels only). */
  labels?: string;
}

export interface DemoOptions {
  model?: string;
  sae?: string;
  layer?: string;
  /** A labels file for the SAE (Neuronpedia export or {index: label}), served as /sae/labels.json. */
  labels?: string;
  host?: string;
  port?: number;
}

export interface DemoServer extends StaticServer {
  config: DemoConfig;
  /** The folder the page was built into (removed by close()). */
  outdir: string;
}

export const DEFAULT_MODEL = `${REPO}/demo/models/stories260K`;
export const DEFAULT_SAE = `${REPO}/demo/models/stories260K-layer2`;

const basename = (p: string) => p.replace(/\/+$/, "").split("/").pop()!;

function statOrNull(path: string): Deno.FileInfo | null {
  try {
    return Deno.statSync(path);
  } catch {
    return null;
  }
}

/**
 * The folder to serve as /sae/ and the path the page loads inside it: a file
 * as given; a SAELens folder (cfg.json) as a folder; else the folder's
 * Goodfire .pth (goodfire.pth first), or its only .pth/.safetensors.
 */
export function locateSae(path: string): { dir: string; entry: string } {
  const info = statOrNull(path);
  if (!info) throw new Error(`--sae ${path}: no such file or folder`);
  if (info.isFile) {
    const cut = path.lastIndexOf("/");
    return { dir: cut < 0 ? "." : path.slice(0, cut) || "/", entry: path.slice(cut + 1) };
  }
  if (statOrNull(`${path}/cfg.json`)?.isFile) return { dir: path, entry: "" };
  const files = [...Deno.readDirSync(path)].filter((e) => e.isFile).map((e) => e.name);
  for (const name of ["goodfire.pth", "goodfire-f32.pth"]) {
    if (files.includes(name)) return { dir: path, entry: name };
  }
  const weights = files.filter((n) => /\.(pth|pt|safetensors)$/.test(n));
  if (weights.length === 1) return { dir: path, entry: weights[0] };
  throw new Error(
    `--sae ${path}: no cfg.json and ${weights.length ? "several" : "no"} SAE weight files ` +
      `(${weights.join(", ") || "none"}); pass the file itself`,
  );
}

/**
 * What /sae/ exposes: a SAELens folder as a folder, but a weights file alone
 * (with the cfg.json beside a .safetensors, which SAELens weights need), so
 * that `--sae ~/Downloads/x.pth` does not publish the rest of ~/Downloads.
 */
export function saeServing(
  sae: { dir: string; entry: string },
): { roots: Record<string, string>; files: Record<string, string> } {
  if (!sae.entry) return { roots: { "/sae/": sae.dir }, files: {} };
  const files: Record<string, string> = { [`/sae/${sae.entry}`]: `${sae.dir}/${sae.entry}` };
  if (sae.entry.endsWith(".safetensors") && statOrNull(`${sae.dir}/cfg.json`)?.isFile) {
    files["/sae/cfg.json"] = `${sae.dir}/cfg.json`;
  }
  return { roots: {}, files };
}

/** --layer, else SAELens' hook_name (blocks.N.hook_resid_post), else "layerN" in the path. */
export function inferLayer(saeDir: string, explicit?: string): string {
  if (explicit) return explicit;
  try {
    const cfg = JSON.parse(Deno.readTextFileSync(`${saeDir}/cfg.json`));
    const m = /^blocks\.(\d+)\.hook_resid_post$/.exec(cfg.hook_name ?? "");
    if (m) return `model.layers.${m[1]}`;
  } catch {
    // No SAELens config: try the name.
  }
  const m = /layer[-_.]?(\d+)/i.exec(saeDir);
  if (m) return `model.layers.${m[1]}`;
  throw new Error(
    `cannot tell which module the SAE at ${saeDir} reads: pass --layer model.layers.N`,
  );
}

/** Builds the page into a fresh temporary folder and serves it with the model and SAE. */
export async function startDemo(opts: DemoOptions = {}): Promise<DemoServer> {
  const model = opts.model ?? DEFAULT_MODEL;
  // A device-layout container (`loupe convert`, engine.saveWeights) is served
  // alone under its own name, which is how Engine.load recognises it.
  const container = /\.loupe\.safetensors$/i.test(model) && statOrNull(model)?.isFile;
  if (!container && !statOrNull(`${model}/config.json`)?.isFile) {
    throw new Error(
      `--model ${model}: not a model folder (no config.json) nor a *.loupe.safetensors file`,
    );
  }
  const sae = locateSae(opts.sae ?? DEFAULT_SAE);
  const config: DemoConfig = {
    model: container ? `model/${basename(model)}` : "model/",
    sae: sae.entry ? `sae/${sae.entry}` : "sae/",
    layer: inferLayer(opts.sae ?? DEFAULT_SAE, opts.layer),
    modelName: basename(model),
    saeName: `${basename(sae.dir)}${sae.entry ? `/${sae.entry}` : ""}`,
    ...(opts.labels ? { labels: "sae/labels.json" } : {}),
  };
  if (opts.labels && !statOrNull(opts.labels)?.isFile) {
    throw new Error(`--labels ${opts.labels}: no such file`);
  }
  const outdir = await Deno.makeTempDir({ prefix: "loupe-demo-" });
  try {
    await buildDemo(outdir, config);
    const served = saeServing(sae);
    // The one file, whatever its name: the SAE's folder stays unpublished.
    if (opts.labels) served.files["/sae/labels.json"] = opts.labels;
    if (container) served.files[`/model/${basename(model)}`] = model;
    const server = await serve({
      roots: { "/": outdir, ...(container ? {} : { "/model/": model }), ...served.roots },
      files: served.files,
      hostname: opts.host,
      port: opts.port,
    });
    return {
      ...server,
      config,
      outdir,
      close: async () => {
        await server.close();
        await Deno.remove(outdir, { recursive: true }).catch(() => {});
      },
    };
  } catch (e) {
    await Deno.remove(outdir, { recursive: true }).catch(() => {});
    throw e;
  }
}

const USAGE =
  "usage: deno task demo [--port N] [--host ADDR] [--model DIR|FILE.loupe.safetensors] " +
  "[--sae DIR|FILE] [--layer model.layers.N] [--labels FILE]";

export function parseDemoArgs(args: readonly string[]): DemoOptions {
  const out: DemoOptions = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case "--port": {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port must be an integer in [0, 65535]\n${USAGE}`);
        }
        out.port = port;
        break;
      }
      case "--host":
        out.host = value();
        break;
      case "--model":
        out.model = value();
        break;
      case "--sae":
        out.sae = value();
        break;
      case "--layer":
        out.layer = value();
        break;
      case "--labels":
        out.labels = value();
        break;
      case "-h":
      case "--help":
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument ${args[i]}\n${USAGE}`);
    }
  }
  return out;
}

if (import.meta.main) {
  let opts: DemoOptions;
  try {
    opts = parseDemoArgs(Deno.args);
  } catch (e) {
    console.error((e as Error).message);
    Deno.exit(2);
  }
  let server: DemoServer;
  try {
    server = await startDemo({ port: 8000, ...opts });
  } catch (e) {
    console.error(`demo: ${(e as Error).message}`);
    Deno.exit(1);
  } finally {
    await esbuild.stop();
  }
  const { config } = server;
  // Bound to every interface: this machine still reaches it on loopback.
  const url = ["0.0.0.0", "::"].includes(server.hostname)
    ? `http://127.0.0.1:${server.port}`
    : server.url;
  console.log(
    `Loupe demo: ${config.modelName} with SAE ${config.saeName} on ${config.layer}\n` +
      `  open ${url}/  (Ctrl-C to stop)`,
  );
  if (!["127.0.0.1", "localhost", "::1"].includes(server.hostname)) {
    console.log(
      `  note: bound to ${server.hostname}; browsers enable WebGPU only in secure contexts ` +
        `(https or localhost)`,
    );
  }
  const stop = async () => {
    await server.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}
