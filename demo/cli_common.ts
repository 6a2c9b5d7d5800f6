// What several CLI commands share: number and list flags, the engine's load
// flags and its load (with progress and a summary on stderr), and the SAE
// flags with a loader that frees the engine and SAE afterwards.

import { Engine, type WeightFormat } from "../engine/engine.ts";
import { UsageError } from "../engine/errors.ts";
import { loadProgress } from "./progress.ts";
import { type LoadedSae, loadSaeFlags, type SaeFlags } from "./cli_sae.ts";
import { DEFAULT_MODEL } from "./cli_flags.ts";

export function num(flag: string, v: string | undefined, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} expects ${integer ? "an integer" : "a number"}, got "${v}"`);
  }
  return n;
}

export function saeFlags(v: Record<string, string | boolean | string[] | undefined>): SaeFlags {
  return {
    sae: v.sae as string | undefined,
    layer: v.layer as string | undefined,
    steer: strings(v.steer),
    labels: v.labels as string | undefined,
    moderated: v.moderated as string | undefined,
    includeModerated: !!v["include-moderated"],
    variant: v.variant as string | undefined,
    abortWhen: strings(v["abort-when"]),
    saveVariant: v["save-variant"] as string | undefined,
    model: (v.model as string | undefined) ?? DEFAULT_MODEL,
  };
}

export type Values = Record<string, string | boolean | string[] | undefined>;

/** Loads the engine and the SAE (--sae and --layer required), runs fn, frees both. */
export async function withSae(v: Values, what: string, fn: (sae: LoadedSae) => Promise<void>) {
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

export function strings(v: string | boolean | string[] | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

export function parseTokens(v: string): number[] {
  return v.split(",").map((s, i) => {
    const n = Number(s.trim());
    if (s.trim() === "" || !Number.isInteger(n)) {
      throw new UsageError(`--tokens: item ${i} ("${s}") is not an integer token id`);
    }
    return n;
  });
}

export const QUANTS = ["f32", "q8", "q4", "q4k", "q6k", "q4km", "q4kb"] as const;

export interface EngineFlags {
  model?: string;
  contextLength?: number;
  quant?: WeightFormat;
  embedQuant?: Exclude<WeightFormat, "q4km" | "q4kb">;
  /** --importance: "auto" or a calibration text file (LoadOptions.importance). */
  importance?: string;
  devices?: number;
}

export function loadOptions(
  v: Record<string, string | boolean | string[] | undefined>,
): EngineFlags {
  const quant = v.quant as WeightFormat | undefined;
  const embedQuant = v["embed-quant"] as Exclude<WeightFormat, "q4km" | "q4kb"> | undefined;
  // A mix chooses per tensor; the embedding / head take one format.
  const embedQuants = QUANTS.filter((q) => q !== "q4km" && q !== "q4kb");
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

export async function loadEngine(opts: EngineFlags): Promise<Engine> {
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
