// Engine.load's `quant: "q4kb"`: the budgeted mix's plan (one format per
// weight tensor, engine/quant/budget.ts) for this model, measured once on an
// f32 copy (engine/model/budget_measure.ts) and stored as JSON next to the
// importance vectors ($LOUPE_CACHE/importance/budget-KEY.json; a per-page map
// in a browser), keyed by the model's content hash, the settings and the
// importance vectors' key when importance is used.

import { UsageError } from "./errors.ts";
import { getPlatform } from "./platform/platform.ts";
import {
  allocate,
  type BudgetChoice,
  type BudgetTensor,
  choiceName,
  parseChoice,
} from "./quant/budget.ts";
import type { Importance } from "./model/calibrate.ts";
import { measureBudgetOptions, sampleCalibrationTokens } from "./model/budget_measure.ts";
import { disposeWeights, loadWeights } from "./model/weights.ts";
import {
  cacheFolder,
  checkpointHash,
  type ImportanceHost,
  readAll,
  sha256Hex,
} from "./importance.ts";

/** LoadOptions.budget: the bits-per-weight budget and the calibration of the q4kb plan. */
export interface BudgetSettings {
  /** Bits per weight stored on the device, weight matrices only (default 4.9). */
  bits?: number;
  /** Calibration positions sampled from the model (default 32, at most 128). */
  tokens?: number;
  /** Seed of the sampler (default 2). */
  seed?: number;
}

export interface BudgetPlan {
  plan: Map<string, BudgetChoice>;
  /** Bits per weight the plan stores. */
  bits: number;
  /** Sum of the per-tensor KL measured for the chosen formats. */
  predictedKl: number;
  /** Even the smallest format of every tensor exceeds the budget. */
  overBudget: boolean;
  cached: boolean;
}

/** Bumped when the menu, the quantizers or the measurement change. */
const PLAN_VERSION = 1;
const memoryStore = new Map<string, string>();

function checkSettings(s: BudgetSettings): Required<BudgetSettings> {
  const bits = s.bits ?? 4.9, tokens = s.tokens ?? 32, seed = s.seed ?? 2;
  if (!(bits > 0 && bits <= 32)) {
    throw new UsageError(`Engine.load budget.bits: expected a number in (0, 32], got ${bits}`);
  }
  if (!Number.isInteger(tokens) || tokens < 2 || tokens > 128) {
    throw new UsageError(`Engine.load budget.tokens: expected an integer 2..128, got ${tokens}`);
  }
  if (!Number.isInteger(seed) || seed < 0) {
    throw new UsageError(`Engine.load budget.seed: expected a non-negative integer, got ${seed}`);
  }
  return { bits, tokens, seed };
}

function encodePlan(p: Omit<BudgetPlan, "cached">): string {
  return JSON.stringify({
    version: PLAN_VERSION,
    bits: p.bits,
    predictedKl: p.predictedKl,
    overBudget: p.overBudget,
    plan: Object.fromEntries([...p.plan].map(([n, c]) => [n, choiceName(c)])),
  });
}

function decodePlan(text: string, where: string): Omit<BudgetPlan, "cached"> {
  const j = JSON.parse(text);
  if (j?.version !== PLAN_VERSION || typeof j.plan !== "object" || j.plan === null) {
    throw new UsageError(`${where}: not a budget plan of version ${PLAN_VERSION}`);
  }
  const plan = new Map<string, BudgetChoice>();
  for (const [name, choice] of Object.entries(j.plan)) plan.set(name, parseChoice(String(choice)));
  return {
    plan,
    bits: Number(j.bits),
    predictedKl: Number(j.predictedKl),
    overBudget: !!j.overBudget,
  };
}

/**
 * The q4kb plan for the model of `host`: from the store when measured before
 * with these settings (and importance), else measured now on host.gpu in f32.
 */
export async function resolveBudgetPlan(
  host: Omit<ImportanceHost, "tokenizer">,
  options: BudgetSettings | undefined,
  importance: { importance: Importance; key: string } | null,
): Promise<BudgetPlan> {
  const s = checkSettings(options ?? {});
  const { config } = host;
  const tokens = Math.min(s.tokens, config.maxPositionEmbeddings);
  const settings = JSON.stringify({
    version: PLAN_VERSION,
    bits: s.bits,
    tokens,
    seed: s.seed,
    importance: importance?.key ?? null,
  });
  const key = (await sha256Hex([await checkpointHash(config, host.ckpt), settings])).slice(0, 32);
  const file = `budget-${key}.json`;
  const platform = await getPlatform();
  const folder = cacheFolder((n) => platform.env(n));
  const store = folder ? platform.openCache(folder) : null;
  const stored = store && await store.has(file)
    ? new TextDecoder().decode(await readAll(store, file))
    : memoryStore.get(key);
  if (stored) return { ...decodePlan(stored, file), cached: true };

  const weights = await loadWeights(host.gpu, config, host.ckpt, host.describe, { format: "f32" });
  let measured: BudgetTensor[];
  try {
    const ids = await sampleCalibrationTokens(host.gpu, config, weights, tokens, s.seed);
    measured = await measureBudgetOptions(
      host.gpu,
      config,
      weights,
      ids,
      importance?.importance ?? null,
    );
  } finally {
    disposeWeights(weights);
  }
  const result = allocate(measured, s.bits);
  const text = encodePlan(result);
  if (store) {
    await store.store(file, new Blob([text]).stream(), () => {});
  } else {
    memoryStore.set(key, text);
  }
  return { ...result, cached: false };
}
