// The small synthetic checkpoint the scale tests share: Llama-3.1-8B-Instruct's
// config and file layout at shrunk widths, written once per test process.

import { writeSynthetic } from "../../bench/synthetic.ts";
import { LLAMA_31_8B_INSTRUCT } from "../../bench/synthetic_config.ts";

/** Llama-3.1-8B-Instruct's config at shrunk widths (the vocabulary stays: real tokenizer). */
export const SMALL = {
  ...LLAMA_31_8B_INSTRUCT,
  hidden_size: 128,
  intermediate_size: 320,
  num_hidden_layers: 3,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  head_dim: 32,
};
export const SMALL_SAE = { file: "Llama-small-SAE-l1.pth", layer: 1, dIn: 128, dSae: 512 };
/** The model card's prompt through the package's chat template. */
export const CHAT_IDS = [
  128000,
  128006,
  882,
  128007,
  271,
  9906,
  11,
  1268,
  527,
  499,
  30,
  128009,
  128006,
  78191,
  128007,
  271,
];

let built: Promise<string> | undefined;
/** The small checkpoint, written once per test run into a temporary folder. */
export function smallCheckpoint(): Promise<string> {
  return built ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "loupe-scale-" });
    await Deno.mkdir(`${dir}/sae`);
    // 20 MB shards: three of them, as the 8B's four.
    await writeSynthetic(dir, {
      name: "small",
      config: SMALL,
      sae: SMALL_SAE,
      maxShardBytes: 20e6,
    });
    return dir;
  })();
}
