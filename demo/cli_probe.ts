// `loupe probe train` and `loupe probe run`: a sparse logistic probe on SAE
// features (or raw activations) trained from a labelled data file and saved
// as JSON (sae/probe_train.ts), and a saved probe run as a monitor while the
// model generates, one probability per token (sae/probe_monitor.ts). The
// flags are declared here, beside the two commands, so that demo/cli.ts only
// dispatches to probeMain.

import { parseArgs } from "node:util";
import { Engine } from "../engine/engine.ts";
import type { Gpu } from "../engine/gpu/gpu.ts";
import { FormatError, NoAdapterError, UsageError } from "../engine/errors.ts";
import {
  attachProbe,
  parseProbeExamples,
  Probe,
  PROBE_DEFAULTS,
  type ProbeSite,
  trainProbe,
} from "../sae/mod.ts";
import { type LoadedSae, loadSaeFlags } from "./cli_sae.ts";
import { DEFAULT_MODEL } from "./cli_flags.ts";
import { loadProgress } from "./progress.ts";

type Sub = "train" | "run";

const FLAGS: Record<string, { arg?: string; help: string; for: Sub[] }> = {
  model: {
    arg: "SRC",
    help: "model folder, URL, hf: name or .gguf [default: bundled stories260K]",
    for: ["train", "run"],
  },
  sae: { arg: "SRC", help: "the SAE (needed for --on features)", for: ["train", "run"] },
  layer: { arg: "NAME", help: "the module read, e.g. model.layers.2", for: ["train", "run"] },
  labels: {
    arg: "FILE",
    help: "feature labels for --sae (printed beside the probe's features)",
    for: ["train", "run"],
  },
  moderated: {
    arg: "FILE",
    help: "moderated (hidden) features of --sae: the probe may not use them",
    for: ["train", "run"],
  },
  "include-moderated": {
    help: "let the probe use moderated features (stated in the output)",
    for: ["train", "run"],
  },
  data: {
    arg: "FILE",
    help:
      "labelled examples: a JSON list of {text | tokens | chat, label: 0 | 1}, or {examples: [...]}",
    for: ["train"],
  },
  on: {
    arg: "WHAT",
    help: "features (of --sae) or activations (the module's output) [default: features]",
    for: ["train"],
  },
  pool: {
    arg: "max|mean",
    help: "per-text pooling of the per-token vectors [default: max]",
    for: ["train"],
  },
  l1: {
    arg: "X",
    help: `L1 penalty on the standardized weights [default: ${PROBE_DEFAULTS.l1}]`,
    for: ["train"],
  },
  lr: { arg: "X", help: `step size [default: ${PROBE_DEFAULTS.lr}]`, for: ["train"] },
  steps: {
    arg: "N",
    help: `full-batch proximal-gradient steps [default: ${PROBE_DEFAULTS.steps}]`,
    for: ["train"],
  },
  "held-out": {
    arg: "F",
    help: `fraction of each class held out [default: ${PROBE_DEFAULTS.heldOut}]`,
    for: ["train"],
  },
  seed: {
    arg: "S",
    help: "seed of the train/held-out split (train) or of sampling (run) [default: 0 / random]",
    for: ["train", "run"],
  },
  name: {
    arg: "NAME",
    help: "the probe's name (its cache name is LAYER.probe.NAME) [default: probe]",
    for: ["train"],
  },
  out: { arg: "FILE", help: "where train writes the probe (JSON)", for: ["train"] },
  top: { arg: "N", help: "features listed [default: 20]", for: ["train"] },
  probe: { arg: "FILE", help: "a probe written by probe train", for: ["run"] },
  prompt: { arg: "TEXT", help: "the prompt", for: ["run"] },
  "max-tokens": { arg: "N", help: "tokens to generate [default: 32]", for: ["run"] },
  temperature: { arg: "T", help: "sampling temperature; 0 is greedy [default: 0]", for: ["run"] },
  json: { help: "print one JSON object", for: ["train", "run"] },
  help: { help: "show this help", for: ["train", "run"] },
};

const BOOLEAN = new Set(["include-moderated", "json", "help"]);

export function probeHelp(sub?: Sub): string {
  const rows = Object.entries(FLAGS).filter(([, f]) => !sub || f.for.includes(sub))
    .map(([n, f]) => [`  --${n}${f.arg ? ` ${f.arg}` : ""}`, f.help] as const);
  const w = Math.max(...rows.map(([l]) => l.length)) + 2;
  return [
    "loupe probe train: train a sparse logistic probe on pooled SAE features (or activations)",
    "loupe probe run: generate with a saved probe scoring every token",
    "",
    `usage: loupe probe ${sub ?? "train|run"} [flags]`,
    "",
    "flags:",
    ...rows.map(([l, r]) => l.padEnd(w) + r),
  ].join("\n");
}

function num(v: Record<string, unknown>, flag: string, integer: boolean): number | undefined {
  const s = v[flag] as string | undefined;
  if (s === undefined) return undefined;
  const n = Number(s);
  if (s.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} expects ${integer ? "an integer" : "a number"}, got "${s}"`);
  }
  return n;
}

async function readFile(path: string, flag: string): Promise<string> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: ${(e as Error).message}`);
  }
}

/** The engine and (with --sae) the SAE; fn runs with both, then both are freed. */
async function withSite(
  v: Record<string, unknown>,
  fn: (site: ProbeSite, sae: LoadedSae | null) => Promise<void>,
) {
  if (!v.layer) throw new UsageError("probe needs --layer NAME (the module it reads)");
  const src = (v.model as string | undefined) ?? DEFAULT_MODEL;
  const progress = loadProgress(`loading ${src}`);
  let engine: Engine;
  try {
    engine = await Engine.load(src, { gpu: v.gpu as Gpu | undefined, onProgress: progress.update });
  } finally {
    progress.stop();
  }
  let loaded: LoadedSae | null = null;
  try {
    loaded = await loadSaeFlags(engine, {
      sae: v.sae as string | undefined,
      layer: v.sae ? v.layer as string : undefined,
      steer: [],
      labels: v.labels as string | undefined,
      moderated: v.moderated as string | undefined,
      includeModerated: !!v["include-moderated"],
    }, (m) => new UsageError(m));
    await fn({ engine, module: v.layer as string, sae: loaded?.sae }, loaded);
  } finally {
    loaded?.dispose();
    engine.dispose();
  }
}

async function train(v: Record<string, unknown>): Promise<void> {
  if (!v.data || !v.out) throw new UsageError("probe train needs --data FILE and --out PROBE.json");
  const on = (v.on as string | undefined) ?? "features";
  if (on !== "features" && on !== "activations") {
    throw new UsageError(`--on expects features or activations, got "${on}"`);
  }
  if (on === "features" && !v.sae) {
    throw new UsageError("probe train --on features needs --sae SRC");
  }
  const pool = (v.pool as string | undefined) ?? "max";
  if (pool !== "max" && pool !== "mean") {
    throw new UsageError(`--pool expects max or mean, got "${pool}"`);
  }
  const top = num(v, "top", true) ?? 20;
  const examples = parseProbeExamples(await readFile(v.data as string, "data"), v.data as string);
  await withSite(v, async (site) => {
    const r = await trainProbe(site, examples, {
      on,
      pool,
      l1: num(v, "l1", false),
      lr: num(v, "lr", false),
      steps: num(v, "steps", true),
      heldOut: num(v, "held-out", false),
      seed: num(v, "seed", true),
      name: v.name as string | undefined,
      includeModerated: !!v["include-moderated"],
    });
    await Deno.writeTextFile(v.out as string, JSON.stringify(r.probe, null, 1) + "\n");
    const summary = {
      out: v.out,
      on,
      pool,
      examples: examples.length,
      train: r.split.train.length,
      heldOut: r.split.heldOut.length,
      trainAccuracy: r.trainAccuracy,
      heldOutAccuracy: r.heldOutAccuracy,
      nonzero: r.features.length,
      includeModerated: !!v["include-moderated"],
      features: r.features.slice(0, top),
    };
    if (v.json) return console.log(JSON.stringify(summary));
    const pct = (a: number | null) => a === null ? "-" : `${(100 * a).toFixed(1)}%`;
    console.log(
      `# probe on ${on} of ${site.module}, ${pool}-pooled: ${examples.length} examples ` +
        `(${summary.train} train, ${summary.heldOut} held out); accuracy train ${
          pct(r.trainAccuracy)
        }, ` +
        `held-out ${pct(r.heldOutAccuracy)}; ${r.features.length} nonzero weights` +
        (summary.includeModerated ? "; moderated features allowed" : ""),
    );
    console.log("rank    index     weight  label");
    r.features.slice(0, top).forEach((f, i) => {
      const note = (f.moderated ? "[moderated] " : "") + (f.label ? JSON.stringify(f.label) : "");
      console.log(
        `${String(i + 1).padStart(4)} ${String(f.index).padStart(8)} ${
          f.weight.toFixed(4).padStart(10)
        }  ${note}`,
      );
    });
    console.log(`wrote ${v.out}`);
  });
}

async function run(v: Record<string, unknown>): Promise<void> {
  if (!v.probe || v.prompt === undefined) {
    throw new UsageError("probe run needs --probe FILE and --prompt TEXT");
  }
  let probe: Probe;
  try {
    probe = Probe.parse(await readFile(v.probe as string, "probe"), v.probe as string);
  } catch (e) {
    throw e instanceof FormatError ? new UsageError(e.message) : e;
  }
  if (v.layer !== undefined && v.layer !== probe.module) {
    throw new UsageError(`--layer ${v.layer}: the probe reads ${probe.module}`);
  }
  await withSite({ ...v, layer: probe.module }, async (site, loaded) => {
    const monitor = attachProbe(site.engine, probe, {
      sae: site.sae,
      includeModerated: loaded?.includeModerated,
    });
    try {
      const engine = site.engine, prompt = engine.tokenizer.encode(v.prompt as string);
      const tokens = [...prompt], scores: number[] = [];
      let text = "";
      for await (
        const step of engine.generate(prompt, {
          cache: [monitor.name],
          maxNewTokens: num(v, "max-tokens", true) ?? 32,
          temperature: num(v, "temperature", false),
          seed: num(v, "seed", true),
        })
      ) {
        // This step's rows: the prompt on the first step, then the token fed.
        scores.push(...await step.cache!.get(monitor.name)!.toArray());
        tokens.push(step.token);
        text += step.text;
      }
      const rows = scores.map((score, position) => ({
        position,
        token: tokens[position],
        text: engine.tokenizer.decode([tokens[position]]),
        score,
      }));
      if (v.json) {
        return console.log(
          JSON.stringify({ probe: monitor.name, prompt: v.prompt, text, tokens, scores: rows }),
        );
      }
      console.log(
        `# ${monitor.name}: probability per token (the last generated token is not fed, so not scored)`,
      );
      for (const r of rows) {
        const bar = "#".repeat(Math.round(r.score * 20));
        console.log(
          `${String(r.position).padStart(4)} ${JSON.stringify(r.text).padEnd(14)} ${
            r.score.toFixed(4)
          } ${bar}`,
        );
      }
      console.log(`text: ${JSON.stringify(v.prompt + text)}`);
    } finally {
      monitor.detach();
    }
  });
}

/**
 * `loupe probe ...`: returns the exit status (0 done, 1 failed, 2 bad usage).
 * `gpu` (tests) runs on that device instead of creating one.
 */
export async function probeMain(args: string[], gpu?: Gpu): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub !== "train" && sub !== "run") {
      if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
        console.log(probeHelp());
        return 0;
      }
      throw new UsageError(`probe: unknown subcommand "${sub}" (train or run)`);
    }
    const options = Object.fromEntries(
      Object.keys(FLAGS).map((
        n,
      ) => [n, { type: BOOLEAN.has(n) ? "boolean" as const : "string" as const }]),
    );
    const { values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
    if (values.help) {
      console.log(probeHelp(sub));
      return 0;
    }
    const stray = Object.keys(values).filter((n) => !FLAGS[n].for.includes(sub));
    if (stray.length) {
      throw new UsageError(`probe ${sub} does not take ${stray.map((f) => `--${f}`).join(", ")}`);
    }
    const v = { ...values, gpu };
    await (sub === "train" ? train(v) : run(v));
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(e instanceof NoAdapterError ? msg : `loupe: ${msg}`);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(
        `(loupe probe ${sub === "train" || sub === "run" ? sub + " " : ""}--help lists the flags)`,
      );
      return 2;
    }
    return 1;
  }
}
