// loupe plan: where a model (and an SAE) would go over N devices, from
// config.json alone, with bytes per device; nothing is loaded and no device
// is opened. The same planner Engine.load uses (engine/model/placement.ts).

import { type LlamaConfig, loadLlamaConfig } from "../engine/formats/config.ts";
import { ggufConfig, openGguf } from "../engine/formats/gguf.ts";
import { memorySource } from "../engine/platform/bytes.ts";
import { openSource, splitFileSource } from "../engine/formats/source.ts";
import { planPlacement, saeBytes } from "../engine/model/placement.ts";
import type { WeightFormat } from "../engine/load.ts";
import { UsageError } from "../engine/errors.ts";

import { openSaeSpec, splitSaeSource } from "../sae/format.ts";

export interface PlanFlags {
  model: string;
  quant: WeightFormat;
  embedQuant?: Exclude<WeightFormat, "q4km" | "q4kb">;
  devices: number;
  contextLength?: number;
  /** "20GB", "16GiB", "1.5e10" or a plain byte count. */
  budget?: string;
  sae?: string;
  /** "model.layers.N": where the SAE sits. */
  layer?: string;
  saeWidth?: number;
}

/** Bytes from "20GB" (10^9), "16GiB" (2^30), "512MiB", "1.5e10" or "123". */
export function parseBytes(v: string): number {
  const m = /^\s*([\d.]+(?:e\d+)?)\s*([kmgt]i?)?b?\s*$/i.exec(v);
  if (!m || !Number.isFinite(Number(m[1]))) {
    throw new UsageError(`--budget expects bytes such as 20GB, 16GiB or 123456789, got "${v}"`);
  }
  const unit = (m[2] ?? "").toLowerCase();
  const power = " kmgt".indexOf(unit[0] ?? " ");
  const base = unit.endsWith("i") ? 1024 : 1000;
  return Math.floor(Number(m[1]) * base ** Math.max(0, power));
}

const fmt = (b: number) =>
  b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(1)} MiB`;

/** The config of a model folder, a config.json file, or a .gguf file (its header only). */
async function planConfig(model: string): Promise<{ config: LlamaConfig; describe: string }> {
  const gguf = splitFileSource(model);
  if (gguf) {
    const ckpt = await openGguf(await openSource(gguf.folder), gguf.file);
    try {
      return { config: await ggufConfig(ckpt), describe: ckpt.describe };
    } finally {
      ckpt.close();
    }
  }
  const files = model.endsWith(".json")
    ? memorySource(model, { "config.json": await Deno.readTextFile(model) })
    : await openSource(model);
  return { config: await loadLlamaConfig(files), describe: files.describe };
}

/** An SAE's shape and description from its source; only the directory and header are read. */
export async function readSaeSpec(
  sae: string,
): Promise<{ dIn: number; dSae: number; describe: string }> {
  const { folder, prefix, file } = splitSaeSource(sae);
  const spec = await openSaeSpec(await openSource(folder), prefix, file);
  spec.file.close();
  return { dIn: spec.dIn, dSae: spec.dSae, describe: spec.describe };
}

/** The plan as text lines; throws (a plain Error) when a budget cannot be met. */
export async function planText(f: PlanFlags): Promise<string[]> {
  const { config, describe } = await planConfig(f.model);
  const contextLength = f.contextLength ?? Math.min(config.maxPositionEmbeddings, 4096);
  const maxChunk = 128;
  let sae: { layer: number; bytes: number; what: string } | undefined;
  if (f.sae || f.saeWidth) {
    if (!f.layer) throw new UsageError("plan: an SAE needs --layer model.layers.N");
    const layer = Number(/^model\.layers\.(\d+)$/.exec(f.layer)?.[1] ?? NaN);
    if (!Number.isInteger(layer)) {
      throw new UsageError(`plan: --layer must be model.layers.N, got "${f.layer}"`);
    }
    let dIn = config.hiddenSize, dSae = f.saeWidth ?? 0, what = `d_sae ${dSae}`;
    if (f.sae) {
      const spec = await readSaeSpec(f.sae);
      [dIn, dSae, what] = [spec.dIn, spec.dSae, spec.describe];
    }
    if (dIn !== config.hiddenSize) {
      throw new Error(`${what} has d_in ${dIn}, but ${f.layer} outputs ${config.hiddenSize}`);
    }
    const format = f.quant === "f32" ? "f32" : "q8";
    sae = { layer, bytes: saeBytes(dIn, dSae, format, maxChunk), what: `${what} (${format})` };
  }
  // A mix is planned at its widest format (as Engine.load plans it).
  const planFormat = f.quant === "q4km" ? "q6k" : f.quant === "q4kb" ? "q8" : f.quant;
  const plan = planPlacement({
    config,
    format: planFormat,
    embedFormat: f.embedQuant ?? planFormat,
    contextLength,
    maxChunk,
    devices: f.devices,
    budget: f.budget === undefined ? undefined : parseBytes(f.budget),
    sae,
  });
  const lines = [
    `${describe}: ${config.numHiddenLayers} layers, hidden ${config.hiddenSize}, ` +
    `intermediate ${config.intermediateSize}, heads ${config.numAttentionHeads}/${config.numKeyValueHeads}, ` +
    `vocab ${config.vocabSize}; ${f.quant} weights (embedding and lm_head ${
      f.embedQuant ?? f.quant
    }), ${contextLength} positions of KV cache, ${maxChunk}-token prefill chunks` +
    (sae ? `; SAE ${sae.what} on model.layers.${sae.layer}` : ""),
  ];
  const head = ["device", "layers", "holds", "weights", "KV cache", "scratch", "SAE", "total"];
  const rows = plan.map((p) => [
    `gpu${p.device}`,
    `${p.first}-${p.end - 1}`,
    [p.embed ? "embedding" : "", p.head ? "norm + lm_head" : "", p.bytes.sae ? "SAE" : ""]
      .filter((x) => x).join(", ") || "-",
    fmt(p.bytes.weights),
    fmt(p.bytes.kvCache),
    fmt(p.bytes.scratch),
    p.bytes.sae ? fmt(p.bytes.sae) : "-",
    fmt(p.bytes.total),
  ]);
  const sum = (k: "weights" | "kvCache" | "scratch" | "sae" | "total") =>
    fmt(plan.reduce((n, p) => n + p.bytes[k], 0));
  rows.push([
    "all",
    "",
    "",
    sum("weights"),
    sum("kvCache"),
    sum("scratch"),
    sum("sae"),
    sum("total"),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [head, ...rows]) lines.push(r.map((c, i) => c.padEnd(w[i])).join("  ").trimEnd());
  return lines;
}
