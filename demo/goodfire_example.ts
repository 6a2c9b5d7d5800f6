// Goodfire's model-card example for Llama-3.1-8B-Instruct and its layer-19 SAE,
// in Loupe. Runs against the real files or the synthetic stand-ins that
// `deno task scale` builds (same shapes and layouts):
//
//   deno run -A demo/goodfire_example.ts --model DIR --sae FILE.pth
//     [--layer model.layers.19] [--quant q4|q8] [--devices N] [--feature F --value V]
//
// chat template -> forward with the layer cached -> SAE features per token ->
// the card's intervention (encode, edit one feature everywhere, decode, add the
// error back) and the cheap form -> 32 tokens with and without steering.

import { parseArgs } from "node:util";
import { Engine, type WeightFormat } from "../engine/engine.ts";
import { Gpu } from "../engine/gpu/gpu.ts";
import { attachSae, type SaeAttachment } from "../sae/attach.ts";
import { Sae } from "../sae/sae.ts";
import type { FeatureEdit, SteerMethod } from "../sae/steer.ts";

export interface ExampleOptions {
  model: string;
  sae: string;
  layer?: string;
  quant?: WeightFormat;
  devices?: number;
  /** Feature to steer; default the strongest one at the last prompt token. */
  feature?: number;
  value?: number;
  maxNewTokens?: number;
  log?: (line: string) => void;
}

export interface Timed {
  tokens: number[];
  text: string;
  /** Seconds from the call to the first token. */
  firstToken: number;
  /** Tokens per second after the first. */
  decode: number;
}

/** Greedy generation, timed: the first token (prefill + one step), then the rest. */
export async function timedGenerate(
  engine: Engine,
  prompt: number[],
  maxNewTokens: number,
  opts: Parameters<Engine["generate"]>[1] = {},
): Promise<Timed> {
  const t0 = performance.now();
  let first = 0, last = 0, text = "";
  const tokens: number[] = [];
  for await (const s of engine.generate(prompt, { ...opts, maxNewTokens, ignoreEos: true })) {
    last = performance.now();
    if (!tokens.length) first = last;
    tokens.push(s.token);
    text += s.text;
  }
  const decode = tokens.length > 1 ? (tokens.length - 1) / ((last - first) / 1000) : 0;
  return { tokens, text, firstToken: (first - t0) / 1000, decode };
}

export interface LoadedExample {
  engine: Engine;
  sae: Sae;
  att: SaeAttachment;
  devices: Gpu[];
  dispose(): void;
}

/** Loads the model (devices the caller can inspect after dispose) and the SAE on its layer's device. */
export async function loadExample(o: ExampleOptions): Promise<LoadedExample> {
  const layer = o.layer ?? "model.layers.19";
  const devices: Gpu[] = [];
  for (let i = 0; i < (o.devices ?? 1); i++) devices.push(await Gpu.create({ name: `gpu${i}` }));
  const engine = await Engine.load(o.model, { quant: o.quant ?? "q4", devices });
  // Goodfire's SAE is 2 x 1 GiB of f32; q8 keeps it at 2 x 288 MiB (ARCHITECTURE.md, SAEs).
  const sae = await Sae.load(o.sae, engine, { module: layer, quant: "q8" });
  const att = attachSae(engine, layer, sae);
  return {
    engine,
    sae,
    att,
    devices,
    dispose: () => {
      att.detach();
      sae.dispose();
      engine.dispose();
    },
  };
}

/** The whole example; prints as it goes. */
export async function runExample(o: ExampleOptions): Promise<void> {
  const log = o.log ?? console.log, layer = o.layer ?? "model.layers.19";
  const ex = await loadExample(o);
  const { engine, sae, att } = ex;
  try {
    const ids = engine.tokenizer.encodeChat([{ role: "user", content: "Hello, how are you?" }]);
    log(`prompt ids: ${ids.join(", ")}`);
    const r = await engine.forward(ids, { cache: [layer] });
    const x = await r.cache.get(layer)!.toArray();
    r.dispose();
    const k = 5, top = await sae.topFeaturesToArray(x, k);
    for (const [t, id] of ids.entries()) {
      const feats = Array.from(
        top.indices.slice(t * k, t * k + k),
        (f, j) => `${f}:${top.values[t * k + j].toFixed(2)}`,
      );
      log(
        `${String(t).padStart(3)} ${JSON.stringify(engine.tokenizer.decode([id])).padEnd(24)} ${
          feats.join(" ")
        }`,
      );
    }
    const last = ids.length - 1;
    const feature = o.feature ?? top.indices[last * k];
    const value = o.value ?? 4 * Math.max(1, top.values[last * k]);
    const edits: FeatureEdit[] = [{ feature, set: value }];
    log(`steering: feature ${feature} set to ${value.toFixed(2)} at every position`);
    // The card's recipe (method "full": encode, edit, decode, add the error) and the cheap form.
    for (const method of ["full", "cheap"] as SteerMethod[]) {
      const s = await engine.forward(ids, { interventions: att.steer(edits, { method }) });
      const logits = await s.logits.toArray();
      s.dispose();
      const best = logits.indexOf(logits.reduce((a, b) => Math.max(a, b)));
      log(`  ${method}: next token ${best} ${JSON.stringify(engine.tokenizer.decode([best]))}`);
    }
    const n = o.maxNewTokens ?? 32;
    const plain = await timedGenerate(engine, ids, n);
    log(`generated (${plain.decode.toFixed(2)} tokens/s): ${JSON.stringify(plain.text)}`);
    const steered = await timedGenerate(engine, ids, n, { interventions: att.steer(edits) });
    log(`steered   (${steered.decode.toFixed(2)} tokens/s): ${JSON.stringify(steered.text)}`);
  } finally {
    ex.dispose();
    for (const g of ex.devices) g.destroy();
  }
}

if (import.meta.main) {
  const { values: v } = parseArgs({
    args: Deno.args,
    options: {
      model: { type: "string" },
      sae: { type: "string" },
      layer: { type: "string" },
      quant: { type: "string" },
      devices: { type: "string" },
      feature: { type: "string" },
      value: { type: "string" },
    },
  });
  if (!v.model || !v.sae) {
    console.error(
      "usage: deno run -A demo/goodfire_example.ts --model DIR --sae FILE.pth " +
        "[--layer model.layers.19] [--quant q4|q8] [--devices N] [--feature F --value V]",
    );
    Deno.exit(2);
  }
  if (v.quant === "f32") {
    console.error(
      "f32 weights of an 8B model need 32 GB of device memory (here: host memory, 24 GB); " +
        "use --quant q8 (8.5 GB) or q4 (4.6 GB)",
    );
    Deno.exit(1);
  }
  await runExample({
    model: v.model,
    sae: v.sae,
    layer: v.layer,
    quant: (v.quant ?? "q4") as WeightFormat,
    devices: v.devices ? Number(v.devices) : undefined,
    feature: v.feature ? Number(v.feature) : undefined,
    value: v.value ? Number(v.value) : undefined,
  });
}
