// The loaders under fuzz, each on a copy of a fixture in a temporary folder:
// safetensors (bytes, and its header as JSON), config.json, tokenizer.json
// (CPU only), a Goodfire .pth (zip + pickle), a SAELens folder (cfg.json
// and its safetensors) and a GGUF file. Models load into the one test Gpu; stories260K and the
// stories260K SAE keep each case in the tens of milliseconds.

import { Engine } from "../../engine/engine.ts";
import { readGgufHeader } from "../../engine/formats/gguf_header.ts";
import { Tokenizer } from "../../engine/formats/tokenizer.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES } from "../util/fixtures_dir.ts";
import { MEMORY_URL, memoryFetch, storiesGgufBytes } from "../util/gguf_fixture.ts";
import { type Json, mutateBytes, mutateJson, type Random } from "./mutate.ts";
import { type FuzzCase, type FuzzTarget, NonFiniteOutput } from "./runner.ts";

const MODEL = `${FIXTURES}models/stories260K`;
const SAE = `${FIXTURES}saes/stories260K-layer2`;

function assertFinite(values: ArrayLike<number>, what: string) {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NonFiniteOutput(`${what}[${i}] is ${values[i]} after a successful load`);
    }
  }
}

/** A temporary copy of `dir`'s files; `write` replaces one, `restore` puts it back. */
async function workdir(dir: string) {
  const tmp = await Deno.makeTempDir({ prefix: "loupe-fuzz-" });
  const originals = new Map<string, Uint8Array>();
  for await (const f of Deno.readDir(dir)) {
    if (!f.isFile) continue;
    const bytes = await Deno.readFile(`${dir}/${f.name}`);
    originals.set(f.name, bytes);
    await Deno.writeFile(`${tmp}/${f.name}`, bytes);
  }
  return {
    dir: tmp,
    original: (name: string) => originals.get(name)!,
    async write(name: string, bytes: Uint8Array | string) {
      if (typeof bytes === "string") await Deno.writeTextFile(`${tmp}/${name}`, bytes);
      else await Deno.writeFile(`${tmp}/${name}`, bytes);
    },
    restore: (name: string) => Deno.writeFile(`${tmp}/${name}`, originals.get(name)!),
    cleanup: () => Deno.remove(tmp, { recursive: true }),
  };
}

const MODEL_FILES = ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"];

async function loadAndRun(dir: string, gpu: Gpu, fetch?: typeof globalThis.fetch): Promise<void> {
  const engine = await Engine.load(dir, { gpu, contextLength: 16, fetch });
  try {
    const result = await engine.forward([1]);
    try {
      assertFinite(await result.logits.toArray(), "logits");
    } finally {
      result.dispose();
    }
  } finally {
    engine.dispose();
  }
}

const headerEnd = (b: Uint8Array) =>
  8 + Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));

/** A safetensors file with its header JSON replaced (the length prefix follows). */
function withHeader(original: Uint8Array, header: Json): Uint8Array {
  const text = new TextEncoder().encode(JSON.stringify(header));
  const data = original.subarray(headerEnd(original));
  const out = new Uint8Array(8 + text.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8), out.set(data, 8 + text.length);
  return out;
}

function safetensorsCase(
  w: Awaited<ReturnType<typeof workdir>>,
  file: string,
  r: Random,
  run: () => Promise<void>,
): FuzzCase {
  const original = w.original(file);
  let m;
  if (r.chance(0.5)) {
    m = mutateBytes(original, r, [0, headerEnd(original)]);
  } else {
    const header = JSON.parse(new TextDecoder().decode(original.subarray(8, headerEnd(original))));
    const j = mutateJson(header, r);
    m = { value: withHeader(original, j.value), what: `header: ${j.what}` };
  }
  return {
    what: `${file}: ${m.what}`,
    run: async () => {
      await w.write(file, m.value);
      try {
        await run();
      } finally {
        await w.restore(file);
      }
    },
  };
}

function jsonCase(
  w: Awaited<ReturnType<typeof workdir>>,
  file: string,
  r: Random,
  run: () => Promise<void>,
  focus?: (path: string) => boolean,
): FuzzCase {
  const m = mutateJson(JSON.parse(new TextDecoder().decode(w.original(file))), r, focus);
  return {
    what: `${file}: ${m.what}`,
    run: async () => {
      await w.write(file, JSON.stringify(m.value));
      try {
        await run();
      } finally {
        await w.restore(file);
      }
    },
  };
}

export async function safetensorsTarget(gpu: Gpu): Promise<FuzzTarget> {
  const w = await workdir(MODEL);
  return {
    name: "safetensors (stories260K model.safetensors)",
    files: MODEL_FILES,
    make: (r) =>
      Promise.resolve(safetensorsCase(w, "model.safetensors", r, () => loadAndRun(w.dir, gpu))),
    cleanup: w.cleanup,
  };
}

/** stories260K.gguf mutated in memory (half the mutations in its header) and loaded over http. */
export async function ggufTarget(gpu: Gpu): Promise<FuzzTarget> {
  const original = await storiesGgufBytes();
  const { dataStart } = await readGgufHeader(memoryReader("stories260K.gguf", original));
  return {
    name: "GGUF (stories260K.gguf)",
    files: ["stories260K.gguf"],
    make: (r) => {
      const m = mutateBytes(original, r, [0, dataStart]);
      const fetch = memoryFetch({ "stories260K.gguf": m.value });
      return Promise.resolve({
        what: `stories260K.gguf: ${m.what}`,
        run: () => loadAndRun(`${MEMORY_URL}/stories260K.gguf`, gpu, fetch),
      });
    },
    cleanup: () => Promise.resolve(),
  };
}

export async function configTarget(gpu: Gpu): Promise<FuzzTarget> {
  const w = await workdir(MODEL);
  return {
    name: "config.json (stories260K)",
    files: MODEL_FILES,
    make: (r) => Promise.resolve(jsonCase(w, "config.json", r, () => loadAndRun(w.dir, gpu))),
    cleanup: w.cleanup,
  };
}

export async function tokenizerTarget(): Promise<FuzzTarget> {
  const w = await workdir(MODEL);
  const configText = new TextDecoder().decode(w.original("tokenizer_config.json"));
  return {
    name: "tokenizer.json (stories260K, CPU)",
    files: ["tokenizer.json", "tokenizer_config.json"],
    make: (r) => {
      const m = mutateJson(
        JSON.parse(new TextDecoder().decode(w.original("tokenizer.json"))),
        r,
        // Most nodes are vocab and merges; weight the rest (model type, normalizer, ...).
        (p) => !/^\$\.model\.(vocab|merges)\./.test(p) || r.chance(0.2),
      );
      return Promise.resolve({
        what: `tokenizer.json: ${m.what}`,
        run: () => {
          const tok = Tokenizer.fromText(JSON.stringify(m.value), configText, "tokenizer.json", {
            vocabSize: 512,
          });
          const ids = tok.encode("Once upon a time, Lily saw 3 cats 😀.");
          for (const id of ids) {
            if (!(id >= 0 && id < 512)) throw new NonFiniteOutput(`encode gave id ${id}`);
          }
          tok.decode(ids);
          return Promise.resolve();
        },
      });
    },
    cleanup: w.cleanup,
  };
}

async function saeRun(source: string, gpu: Gpu) {
  const sae = await Sae.load(source, gpu);
  try {
    const x = Float32Array.from({ length: 2 * sae.dIn }, (_, i) => Math.sin(i));
    const f = await sae.encodeToArray(x);
    assertFinite(f, "features");
    assertFinite(await sae.decodeToArray(f), "reconstruction");
  } finally {
    sae.dispose();
  }
}

export async function pthTarget(gpu: Gpu): Promise<FuzzTarget> {
  const w = await workdir(SAE);
  const file = "goodfire.pth";
  const original = w.original(file);
  // The pickle and the directory are at the two ends; the weights in between.
  const dirStart = original.length - 1024;
  return {
    name: "Goodfire .pth (zip + pickle)",
    files: [file],
    make: (r) => {
      const hot: [number, number] = r.chance(0.5) ? [0, 700] : [dirStart, original.length];
      const m = mutateBytes(original, r, hot);
      return Promise.resolve({
        what: `${file}: ${m.what}`,
        run: async () => {
          await w.write(file, m.value);
          try {
            await saeRun(`${w.dir}/${file}`, gpu);
          } finally {
            await w.restore(file);
          }
        },
      });
    },
    cleanup: w.cleanup,
  };
}

export async function saeLensTarget(gpu: Gpu): Promise<FuzzTarget> {
  const w = await workdir(`${SAE}/saelens`);
  const run = () => saeRun(w.dir, gpu);
  return {
    name: "SAELens folder (cfg.json + sae_weights.safetensors)",
    files: ["cfg.json", "sae_weights.safetensors"],
    make: (r) =>
      Promise.resolve(
        r.chance(0.5)
          ? jsonCase(w, "cfg.json", r, run)
          : safetensorsCase(w, "sae_weights.safetensors", r, run),
      ),
    cleanup: w.cleanup,
  };
}
