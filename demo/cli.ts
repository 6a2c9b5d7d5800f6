// loupe: the command line. A stable contract for scripts: results go to
// stdout (text, or one JSON object with --json); load messages and progress go
// to stderr.
//
//   loupe generate | run | features [flags]; `loupe --help` and
//   `loupe COMMAND --help` list the flags (declared in cli_flags.ts).

import { parseArgs } from "node:util";
import { Engine, type WeightFormat } from "../engine/engine.ts";
import { writeSafetensors } from "../engine/formats/safetensors.ts";
import { loadProgress } from "./progress.ts";
import { type ParsedInterventions, parseInterventions } from "./cli_interventions.ts";
import {
  type LoadedSae,
  loadSaeFlags,
  mergeInterventions,
  promptFeatures,
  type SaeFlags,
} from "./cli_sae.ts";
import { contrastTable, parsePromptFile, searchTable } from "./cli_features.ts";
import type { FeatureText } from "../sae/search.ts";
import { FeatureLabels } from "../sae/labels.ts";
import {
  type Command,
  COMMANDS,
  DEFAULT_MODEL,
  helpText,
  OPTIONS,
  unusedFlags,
} from "./cli_flags.ts";
import { NoAdapterError, UsageError } from "../engine/errors.ts";
import { planText } from "./cli_plan.ts";
import { probeMain } from "./cli_probe.ts";

function num(flag: string, v: string | undefined, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} expects ${integer ? "an integer" : "a number"}, got "${v}"`);
  }
  return n;
}

function saeFlags(v: Record<string, string | boolean | string[] | undefined>): SaeFlags {
  return {
    sae: v.sae as string | undefined,
    layer: v.layer as string | undefined,
    steer: strings(v.steer),
    labels: v.labels as string | undefined,
    moderated: v.moderated as string | undefined,
    includeModerated: !!v["include-moderated"],
  };
}

type Values = Record<string, string | boolean | string[] | undefined>;

/** Loads the engine and the SAE (--sae and --layer required), runs fn, frees both. */
async function withSae(v: Values, what: string, fn: (sae: LoadedSae) => Promise<void>) {
  if (!v.sae || !v.layer) throw new UsageError(`${what} needs --sae SRC and --layer NAME`);
  const engine = await loadEngine(loadOptions(v));
  let sae: LoadedSae | null = null;
  try {
    sae = (await loadSaeFlags(engine, saeFlags(v), (m) => new UsageError(m)))!;
    await fn(sae);
  } finally {
    sae?.dispose();
    engine.dispose();
  }
}

async function promptFile(path: string, flag: string): Promise<FeatureText[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: ${(e as Error).message}`);
  }
  return parsePromptFile(text, path);
}

async function featuresSearch(v: Values): Promise<void> {
  const texts = strings(v.text);
  if (!texts.length) throw new UsageError("features search needs --text TEXT (repeatable)");
  const top = num("top", v.top as string | undefined, true) ?? 20;
  if (top < 1) throw new UsageError(`--top must be at least 1, got ${top}`);
  const background = v.background
    ? await promptFile(v.background as string, "background")
    : undefined;
  await withSae(v, "features search", async (loaded) => {
    if (!background) console.error("no --background: ranking by firing on the texts alone");
    const r = await loaded.site.search(texts, {
      background,
      top,
      includeModerated: loaded.includeModerated,
    });
    if (v.json) console.log(JSON.stringify(r));
    else for (const line of searchTable(r)) console.log(line);
  });
}

async function featuresContrast(v: Values): Promise<void> {
  if (!v.a || !v.b) throw new UsageError("features contrast needs --a FILE and --b FILE");
  const top = num("top", v.top as string | undefined, true) ?? 20;
  if (top < 1) throw new UsageError(`--top must be at least 1, got ${top}`);
  const a = await promptFile(v.a as string, "a"), b = await promptFile(v.b as string, "b");
  await withSae(v, "features contrast", async (loaded) => {
    const r = await loaded.site.contrast(a, b, {
      top,
      query: v.query as string | undefined,
      includeModerated: loaded.includeModerated,
    });
    if (v.json) console.log(JSON.stringify(r));
    else for (const line of contrastTable(r)) console.log(line);
  });
}

async function features(v: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  if ((v.tokens === undefined) === (v.prompt === undefined)) {
    throw new UsageError("features needs --tokens or --prompt");
  }
  if (!v.sae || !v.layer) throw new UsageError("features needs --sae SRC and --layer NAME");
  const k = num("top", v.top as string | undefined, true) ?? 8;
  if (k < 1) throw new UsageError(`--top must be at least 1, got ${k}`);
  const engine = await loadEngine(loadOptions(v));
  let sae: LoadedSae | null = null;
  try {
    const tokens = v.tokens !== undefined
      ? parseTokens(v.tokens as string)
      : engine.tokenizer.encode(v.prompt as string);
    sae = (await loadSaeFlags(engine, saeFlags(v), (m) => new UsageError(m)))!;
    const rows = await promptFeatures(engine, sae, tokens, Math.min(k, sae.sae.dSae));
    const includeModerated = sae.includeModerated;
    if (v.json) {
      console.log(JSON.stringify({ tokens, features: rows, includeModerated }));
    } else {
      if (includeModerated) console.log("# moderated features included (marked *)");
      const labelled = new Map<number, string>();
      for (const [t, r] of rows.entries()) {
        const feats = r.top.map((f) => {
          if (f.label !== undefined) labelled.set(f.feature, f.label);
          return `${f.feature}${f.moderated ? "*" : ""}:${f.value.toFixed(3)}`;
        }).join(" ");
        console.log(
          `${String(t).padStart(4)} ${String(r.token).padStart(6)} ${
            JSON.stringify(r.text).padEnd(14)
          } ${feats}`,
        );
      }
      // Labels once each, after the table, so the rows stay aligned.
      if (labelled.size) console.log("labels:");
      for (const [f, label] of [...labelled].sort((x, y) => x[0] - y[0])) {
        console.log(`${String(f).padStart(8)}  ${label}`);
      }
    }
  } finally {
    sae?.dispose();
    engine.dispose();
  }
}

function strings(v: string | boolean | string[] | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

function parseTokens(v: string): number[] {
  return v.split(",").map((s, i) => {
    const n = Number(s.trim());
    if (s.trim() === "" || !Number.isInteger(n)) {
      throw new UsageError(`--tokens: item ${i} ("${s}") is not an integer token id`);
    }
    return n;
  });
}

const QUANTS = ["f32", "q8", "q4", "q4k", "q6k", "q4km"] as const;

interface EngineFlags {
  model?: string;
  contextLength?: number;
  quant?: WeightFormat;
  embedQuant?: Exclude<WeightFormat, "q4km">;
  /** --importance: "auto" or a calibration text file (LoadOptions.importance). */
  importance?: string;
  devices?: number;
}

function loadOptions(v: Record<string, string | boolean | string[] | undefined>): EngineFlags {
  const quant = v.quant as WeightFormat | undefined;
  const embedQuant = v["embed-quant"] as Exclude<WeightFormat, "q4km"> | undefined;
  // A mix chooses per tensor; the embedding / head take one format.
  const embedQuants = QUANTS.filter((q) => q !== "q4km");
  for (
    const [flag, f, allowed] of [
      ["--quant", quant, QUANTS],
      ["--embed-quant", embedQuant, embedQuants],
    ] as const
  ) {
    if (f !== undefined && !(allowed as readonly string[]).includes(f)) {
      throw new UsageError(`${flag} expects one of ${allowed.join(", ")}, got "${f}"`);
    }
  }
  const devices = num("devices", v.devices as string | undefined, true);
  if (devices !== undefined && devices < 1) {
    throw new UsageError(`--devices must be at least 1, got ${devices}`);
  }
  return {
    model: v.model as string | undefined,
    contextLength: num("context-length", v["context-length"] as string, true),
    quant,
    embedQuant,
    importance: v.importance as string | undefined,
    devices,
  };
}

async function loadEngine(opts: EngineFlags): Promise<Engine> {
  const src = opts.model ?? DEFAULT_MODEL;
  const progress = loadProgress(`loading ${src}`);
  try {
    const engine = await Engine.load(src, {
      contextLength: opts.contextLength,
      quant: opts.quant,
      embedQuant: opts.embedQuant,
      importance: opts.importance,
      devices: opts.devices,
      onProgress: progress.update,
    });
    progress.stop();
    const s = engine.gpu.summary;
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
    console.error(
      `adapter: ${s.description} (${s.vendor || "unknown vendor"}); ${
        opts.quant ?? (/\.gguf$/i.test(src) ? "GGUF's stored" : "f32")
      } weights${opts.embedQuant ? ` (embedding and lm_head ${opts.embedQuant})` : ""}, ` +
        `${engine.contextLength} positions of KV cache`,
    );
    // The load summary: what each device holds (the placement, with measured bytes).
    engine.memoryByDevice.forEach((m, i) => {
      const p = engine.placement[i];
      const parts = [
        p.embed ? "embedding" : "",
        `layers ${p.first}-${p.end - 1}`,
        p.head ? "norm + lm_head" : "",
      ].filter((x) => x);
      console.error(
        `  ${m.device}: ${parts.join(", ")}; weights ${mib(m.weights)}, KV cache ${
          mib(m.kvCache)
        }, ` +
          `scratch ${mib(m.scratch)}`,
      );
    });
    return engine;
  } catch (e) {
    progress.stop();
    throw e;
  }
}

async function generate(v: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  if (v.prompt !== undefined && v.tokens !== undefined) {
    throw new UsageError("give --prompt or --tokens, not both");
  }
  const engine = await loadEngine(loadOptions(v));
  let edits: ParsedInterventions | undefined, sae: LoadedSae | null = null;
  try {
    let prompt: number[];
    if (v.tokens !== undefined) {
      if (v.chat) throw new UsageError("--chat takes --prompt, not --tokens");
      prompt = parseTokens(v.tokens as string);
    } else if (v.chat) {
      prompt = engine.tokenizer.encodeChat(
        [{ role: "user", content: (v.prompt as string) ?? "" }],
        {
          addGenerationPrompt: true,
        },
      );
    } else {
      prompt = engine.tokenizer.encode((v.prompt as string) ?? "");
    }
    const tokens: number[] = [];
    let text = "";
    const out = new TextEncoder();
    // Plain output reads as one text: the prompt, then what the model writes.
    if (!v.json && v.prompt !== undefined && !v.chat) {
      await Deno.stdout.write(out.encode(v.prompt as string));
    }
    edits = await parseInterventions(strings(v.intervene), engine, (m) => new UsageError(m));
    sae = await loadSaeFlags(engine, saeFlags(v), (m) => new UsageError(m));
    for await (
      const step of engine.generate(prompt, {
        interventions: mergeInterventions(edits.interventions, sae?.interventions ?? {}),
        maxNewTokens: num("max-tokens", v["max-tokens"] as string, true) ?? 128,
        temperature: num("temperature", v.temperature as string, false),
        topK: num("top-k", v["top-k"] as string, true),
        topP: num("top-p", v["top-p"] as string, false),
        seed: num("seed", v.seed as string, true),
      })
    ) {
      tokens.push(step.token);
      text += step.text;
      if (!v.json) await Deno.stdout.write(out.encode(step.text));
    }
    if (v.json) console.log(JSON.stringify({ tokens, text }));
    else await Deno.stdout.write(out.encode("\n"));
  } finally {
    edits?.dispose();
    sae?.dispose();
    engine.dispose();
  }
}

async function run(v: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  if (!v.out) throw new UsageError("run needs --out FILE.safetensors");
  if ((v.tokens === undefined) === (v.prompt === undefined)) {
    throw new UsageError("run needs --tokens or --prompt");
  }
  const engine = await loadEngine(loadOptions(v));
  let edits: ParsedInterventions | undefined, sae: LoadedSae | null = null;
  try {
    const tokens = v.tokens !== undefined
      ? parseTokens(v.tokens as string)
      : engine.tokenizer.encode(v.prompt as string);
    const names = v.cache
      ? (v.cache as string).split(",").map((s) => s.trim()).filter((s) => s)
      : [];
    edits = await parseInterventions(strings(v.intervene), engine, (m) => new UsageError(m));
    sae = await loadSaeFlags(engine, saeFlags(v), (m) => new UsageError(m));
    const result = await engine.forward(tokens, {
      allLogits: true,
      cache: names,
      interventions: mergeInterventions(edits.interventions, sae?.interventions ?? {}),
    });
    try {
      const tensors = [{
        name: "logits",
        dtype: "F32" as const,
        shape: [...result.logits.shape],
        data: await result.logits.toArray(),
      }];
      for (const [name, t] of result.cache) {
        tensors.push({
          name: `cache.${name}`,
          dtype: "F32",
          shape: [...t.shape],
          data: await t.toArray(),
        });
      }
      await Deno.writeFile(v.out as string, writeSafetensors(tensors));
      console.error(`wrote ${tensors.map((t) => `${t.name} [${t.shape}]`).join(", ")} to ${v.out}`);
    } finally {
      result.dispose();
    }
  } finally {
    edits?.dispose();
    sae?.dispose();
    engine.dispose();
  }
}

async function plan(v: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  if (!v.model) throw new UsageError("plan needs --model DIR or --model config.json");
  const o = loadOptions(v);
  const lines = await planText({
    model: v.model as string,
    quant: o.quant ?? "f32",
    embedQuant: o.embedQuant,
    devices: o.devices ?? 1,
    contextLength: o.contextLength,
    budget: v.budget as string | undefined,
    sae: v.sae as string | undefined,
    layer: v.layer as string | undefined,
    saeWidth: num("sae-width", v["sae-width"] as string | undefined, true),
  });
  for (const l of lines) console.log(l);
  if (v.labels) {
    if (!v.sae && v["sae-width"] === undefined) throw new UsageError("--labels needs --sae");
    const labels = await FeatureLabels.load(v.labels as string);
    console.log(
      `labels: ${labels.size} features labelled, ${labels.moderated.length} moderated, ` +
        `largest index ${labels.maxIndex} (${v.labels})`,
    );
  }
}

export async function main(args: string[]): Promise<number> {
  let [first, ...rest] = args;
  if (first === "probe") return await probeMain(rest);
  // `features search` and `features contrast` are commands of their own.
  if (first === "features" && (rest[0] === "search" || rest[0] === "contrast")) {
    first = `features ${rest[0]}`;
    rest = rest.slice(1);
  }
  const command = first in COMMANDS ? first as Command : undefined;
  try {
    if (!first || first === "help" || first === "--help" || first === "-h") {
      console.log(helpText(rest[0] in COMMANDS ? rest[0] as Command : undefined));
      return 0;
    }
    if (!command) throw new UsageError(`unknown command "${first}"`);
    const values = parseArgs({
      args: rest,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    })
      .values as Record<string, string | boolean | string[] | undefined>;
    if (values.help) {
      console.log(helpText(command));
      return 0;
    }
    const stray = unusedFlags(command, values);
    if (stray.length) {
      throw new UsageError(`${command} does not take ${stray.map((f) => `--${f}`).join(", ")}`);
    }
    if (command === "generate") await generate(values);
    else if (command === "run") await run(values);
    else if (command === "plan") await plan(values);
    else if (command === "features search") await featuresSearch(values);
    else if (command === "features contrast") await featuresContrast(values);
    else await features(values);
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(e instanceof NoAdapterError ? msg : `loupe: ${msg}`);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`(loupe ${command ?? ""} --help lists the flags)`.replace("  ", " "));
      return 2;
    }
    return 1;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
