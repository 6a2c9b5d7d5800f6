// Device-layout containers against the original files, in Deno: per format,
// Engine.load from the synthetic checkpoint (read + convert/quantize), then
// engine.saveWeights to a file, then Engine.load of that container; MB/s of
// each over the bytes it read or wrote, and the load-time ratio. The model is
// a slice of Llama 3.1 8B's shapes (real tokenizer and vocabulary, fewer and
// narrower layers) built once in $LOUPE_CACHE/synthetic.
//
//   deno run -A bench/container.ts [--formats f32,q8,q4] [--layers 4] [--json]

import { parseArgs } from "node:util";
import { Engine } from "../engine/engine.ts";
import { Gpu } from "../engine/gpu/gpu.ts";
import type { WeightFormat } from "../engine/load.ts";
import { ensureSynthetic } from "./synthetic.ts";
import { LLAMA_31_8B_INSTRUCT } from "./synthetic_config.ts";
import type { BenchResult } from "./result.ts";

const { values: a } = parseArgs({
  args: Deno.args,
  options: {
    formats: { type: "string", default: "f32,q8,q4" },
    layers: { type: "string", default: "4" },
    json: { type: "boolean", default: false },
  },
});
const layers = Number(a.layers);
const config = {
  ...LLAMA_31_8B_INSTRUCT,
  hidden_size: 1024,
  intermediate_size: 3584,
  num_attention_heads: 8,
  num_key_value_heads: 2,
  num_hidden_layers: layers,
  tie_word_embeddings: false,
};
const dir = await ensureSynthetic({ name: `llama-3.1-slice-1024x${layers}`, config });
const folderBytes = async () => {
  let n = 0;
  for await (const e of Deno.readDir(dir)) {
    if (e.isFile && e.name.endsWith(".safetensors")) {
      n += (await Deno.stat(`${dir}/${e.name}`)).size;
    }
  }
  return n;
};
const sourceBytes = await folderBytes();
const gpu = await Gpu.create();
const results: BenchResult[] = [];
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

for (const format of a.formats.split(",") as WeightFormat[]) {
  const out = await Deno.makeTempFile({ suffix: ".loupe.safetensors" });
  try {
    let t = performance.now();
    const original = await Engine.load(dir, { gpu, quant: format, contextLength: 64 });
    const loadMs = performance.now() - t;
    let written: number, saveMs: number;
    try {
      const file = await Deno.open(out, { write: true, truncate: true });
      t = performance.now();
      written = await original.saveWeights(file.writable);
      saveMs = performance.now() - t;
    } finally {
      original.dispose();
    }
    t = performance.now();
    const reloaded = await Engine.load(out, { gpu, contextLength: 64 });
    const containerMs = performance.now() - t;
    reloaded.dispose();
    const r: BenchResult = {
      name: "container",
      shape: `llama-3.1 slice 1024x${layers}`,
      format,
      adapter: gpu.summary.description,
      figures: {
        source_mb: sourceBytes / 1e6,
        container_mb: written / 1e6,
        load_source_ms: loadMs,
        load_source_mb_s: mbps(sourceBytes, loadMs),
        save_ms: saveMs,
        save_mb_s: mbps(written, saveMs),
        load_container_ms: containerMs,
        load_container_mb_s: mbps(written, containerMs),
      },
      ratios: { source_over_container_load: loadMs / containerMs },
    };
    results.push(r);
    if (a.json) console.log(JSON.stringify(r));
    else {
      const f = r.figures;
      console.log(
        `${format}: source ${f.source_mb.toFixed(0)} MB loaded in ${
          (loadMs / 1000).toFixed(1)
        } s ` +
          `(${f.load_source_mb_s.toFixed(0)} MB/s); container ${f.container_mb.toFixed(0)} MB ` +
          `written in ${(saveMs / 1000).toFixed(1)} s (${f.save_mb_s.toFixed(0)} MB/s), loaded ` +
          `in ${(containerMs / 1000).toFixed(1)} s (${f.load_container_mb_s.toFixed(0)} MB/s); ` +
          `load ${r.ratios.source_over_container_load.toFixed(1)}x faster from the container`,
      );
    }
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}
gpu.destroy();
