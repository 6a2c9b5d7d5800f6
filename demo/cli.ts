// loupe: the command line. A stable contract for scripts: results go to
// stdout (text, or one JSON object with --json); load messages and progress go
// to stderr.
//
//   loupe generate | run | features [flags]; `loupe --help` and
//   `loupe COMMAND --help` list the flags (declared in cli_flags.ts).

import { parseArgs } from "node:util";
import { writeSafetensors } from "../engine/formats/safetensors.ts";
import { type ParsedInterventions, parseInterventions } from "./cli_interventions.ts";
import { type LoadedSae, loadSaeFlags, mergeInterventions } from "./cli_sae.ts";
import { features, featuresContrast, featuresSearch } from "./cli_features.ts";
import { loadEngine, loadOptions, num, parseTokens, saeFlags, strings } from "./cli_common.ts";
import { FeatureLabels } from "../sae/labels.ts";
import { checkVariantSae, loadVariant } from "../sae/variant.ts";
import { type Command, COMMANDS, helpText, OPTIONS, unusedFlags } from "./cli_flags.ts";
import { NoAdapterError, UsageError } from "../engine/errors.ts";
import { planText, readSaeSpec } from "./cli_plan.ts";
import { attributeMain } from "./cli_attribute.ts";
import { probeMain } from "./cli_probe.ts";

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
    const stream = engine.generate(prompt, {
      interventions: mergeInterventions(edits.interventions, sae?.interventions ?? {}),
      maxNewTokens: num("max-tokens", v["max-tokens"] as string, true) ?? 128,
      temperature: num("temperature", v.temperature as string, false),
      topK: num("top-k", v["top-k"] as string, true),
      topP: num("top-p", v["top-p"] as string, false),
      seed: num("seed", v.seed as string, true),
    });
    for await (const step of stream) {
      tokens.push(step.token);
      text += step.text;
      if (!v.json) await Deno.stdout.write(out.encode(step.text));
    }
    const aborted = stream.aborted;
    if (v.json) console.log(JSON.stringify({ tokens, text, ...(aborted ? { aborted } : {}) }));
    else await Deno.stdout.write(out.encode("\n"));
    if (aborted && !v.json) {
      console.error(`aborted at position ${aborted.position}: ${aborted.reason}`);
    }
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
  if (v.variant) {
    if (!v.sae || !v.layer) throw new UsageError("--variant needs --sae SRC and --layer NAME");
    const variant = await loadVariant(v.variant as string);
    const spec = await readSaeSpec(v.sae as string);
    checkVariantSae(variant, spec, v.layer as string, v.variant as string);
    console.log(
      `variant: ${variant.edits.length} edits, ${variant.abort_when.length} abort conditions ` +
        `for ${variant.base_model} (${v.variant})`,
    );
  }
  if (v.labels) {
    if (!v.sae && v["sae-width"] === undefined) throw new UsageError("--labels needs --sae");
    const labels = await FeatureLabels.load(v.labels as string);
    console.log(
      `labels: ${labels.size} features labelled, ${labels.moderated.length} moderated, ` +
        `largest index ${labels.maxIndex} (${v.labels})`,
    );
  }
}

/** `loupe convert`: load (and quantize) once, write the device-layout container. */
async function convert(v: Record<string, string | boolean | string[] | undefined>): Promise<void> {
  const out = v.out as string | undefined;
  if (!out?.endsWith(".loupe.safetensors")) {
    throw new UsageError(
      "convert needs --out FILE.loupe.safetensors (Engine.load knows it by name)",
    );
  }
  const engine = await loadEngine(loadOptions(v));
  try {
    const file = await Deno.open(out, { write: true, create: true, truncate: true });
    const bytes = await engine.saveWeights(file.writable);
    console.log(`wrote ${out}: ${(bytes / 1e6).toFixed(1)} MB`);
  } finally {
    engine.dispose();
  }
}

export async function main(args: string[]): Promise<number> {
  let [first, ...rest] = args;
  // Gradients have their own flags (demo/cli_attribute.ts).
  if (first === "attribute") return await attributeMain(rest);
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
    else if (command === "convert") await convert(values);
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
