// Builds SAE files in tests: random SAEs in SAELens and Goodfire safetensors
// form, and torch-style .pth archives (zip + protocol-2 pickle) byte by byte,
// good or deliberately broken.

import { writeSafetensors } from "../../engine/formats/safetensors.ts";
import type { SaeHostWeights } from "../../sae/reference.ts";
import { randomArray, rng } from "./compare.ts";

/** A random SAE in the GPU layout (W_enc, W_dec: [d_sae, d_in]). */
export function randomSae(seed: number, dIn: number, dSae: number, jump = false): SaeHostWeights {
  const r = rng(seed);
  return {
    wEnc: randomArray(r, dSae * dIn, 1 / Math.sqrt(dIn)),
    wDec: randomArray(r, dSae * dIn, 0.5),
    bEnc: randomArray(r, dSae, 0.1),
    bDec: randomArray(r, dIn, 0.2),
    threshold: jump ? randomArray(r, dSae, 0.1).map((v) => Math.abs(v)) : null,
  };
}

/** [rows, cols] -> [cols, rows]. */
export function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  return out;
}

export function saeLensFiles(
  w: SaeHostWeights,
  dIn: number,
  dSae: number,
  cfg: Record<string, unknown>,
): Record<string, Uint8Array | string> {
  const tensors = [
    {
      name: "W_enc",
      dtype: "F32" as const,
      shape: [dIn, dSae],
      data: transpose(w.wEnc, dSae, dIn),
    },
    { name: "b_enc", dtype: "F32" as const, shape: [dSae], data: w.bEnc },
    { name: "W_dec", dtype: "F32" as const, shape: [dSae, dIn], data: w.wDec },
    { name: "b_dec", dtype: "F32" as const, shape: [dIn], data: w.bDec },
  ];
  if (w.threshold) {
    tensors.push({ name: "threshold", dtype: "F32", shape: [dSae], data: w.threshold });
  }
  return {
    "cfg.json": JSON.stringify({ d_in: dIn, d_sae: dSae, normalize_activations: "none", ...cfg }),
    "sae_weights.safetensors": writeSafetensors(tensors),
  };
}

/** Goodfire names: encoder [d_sae, d_in], decoder [d_in, d_sae]. */
export function goodfireTensors(w: SaeHostWeights, dIn: number, dSae: number) {
  return [
    { name: "encoder_linear.weight", shape: [dSae, dIn], data: w.wEnc },
    { name: "encoder_linear.bias", shape: [dSae], data: w.bEnc },
    { name: "decoder_linear.weight", shape: [dIn, dSae], data: transpose(w.wDec, dSae, dIn) },
    { name: "decoder_linear.bias", shape: [dIn], data: w.bDec },
  ];
}

export async function writeFolder(files: Record<string, Uint8Array | string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "loupe-sae-" });
  for (const [name, data] of Object.entries(files)) {
    const path = `${dir}/${name}`;
    await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    if (typeof data === "string") await Deno.writeTextFile(path, data);
    else await Deno.writeFile(path, data);
  }
  return dir;
}

// ---- pickle ------------------------------------------------------------------

class Bytes {
  parts: number[] = [];
  op(...b: number[]) {
    this.parts.push(...b);
    return this;
  }
  str(s: string) {
    const u = new TextEncoder().encode(s);
    const n = u.length;
    return this.op(0x58, n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24, ...u);
  }
  int(v: number) {
    return this.op(0x4a, v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255);
  }
  global(module: string, name: string) {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  tuple(values: number[]) {
    this.op(0x28);
    for (const v of values) this.int(v);
    return this.op(0x74);
  }
}

export interface PickledTensorSpec {
  name: string;
  storage: string;
  /** torch storage class, default FloatStorage */
  type?: string;
  numel: number;
  offset?: number;
  shape: number[];
  stride?: number[];
}

/** A torch-style protocol-2 state-dict pickle; `prelude` opcodes run first (for hostile tests). */
export function statePickle(
  tensors: PickledTensorSpec[],
  prelude?: (b: Bytes) => void,
): Uint8Array {
  const b = new Bytes().op(0x80, 2);
  prelude?.(b);
  b.global("collections", "OrderedDict").op(0x29, 0x52, 0x28);
  for (const t of tensors) {
    const stride = t.stride ??
      t.shape.map((_, i) => t.shape.slice(i + 1).reduce((a, c) => a * c, 1));
    b.str(t.name).global("torch._utils", "_rebuild_tensor_v2").op(0x28, 0x28).str("storage")
      .global("torch", t.type ?? "FloatStorage").str(t.storage).str("cpu").int(t.numel).op(
        0x74,
        0x51,
      )
      .int(t.offset ?? 0).tuple(t.shape).tuple(stride).op(0x89)
      .global("collections", "OrderedDict").op(0x29, 0x52, 0x74, 0x52);
  }
  return new Uint8Array(b.op(0x75, 0x2e).parts);
}

export function pickleGlobalCall(b: Bytes, module: string, name: string, arg: string) {
  b.global(module, name).str(arg).op(0x85, 0x52, 0x30);
}

// ---- zip -----------------------------------------------------------------------

// The bytewise reference form (independent of sae/crc32.ts's slicing-by-8).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32Reference(d: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of d) c = CRC_TABLE[(c ^ x) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipOptions {
  /** Central-directory size to claim for an entry instead of the true one. */
  lieSize?: { name: string; size: number };
  /** Compression method to claim (data stays stored). */
  method?: number;
  /**
   * For this entry, write all-ones 32-bit sizes and a zip64 extra field whose
   * header claims `claim` bytes while `have` bytes of it are present.
   */
  zip64Extra?: { name: string; claim: number; have: number };
}

/** A zip as torch writes it: stored entries, data descriptors, zip64 end records. */
export function buildZip(
  entries: { name: string; data: Uint8Array }[],
  opts: ZipOptions = {},
): Uint8Array {
  const out: number[] = [];
  const le = (v: number, n: number) => {
    for (let i = 0; i < n; i++) out.push(Number((BigInt(v) >> BigInt(8 * i)) & 255n));
  };
  const central: { name: Uint8Array; crc: number; size: number; offset: number }[] = [];
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const offset = out.length;
    const crc = crc32Reference(e.data);
    le(0x04034b50, 4), le(45, 2), le(8, 2), le(opts.method ?? 0, 2), le(0, 4), le(0, 4);
    le(0, 4), le(0, 4), le(name.length, 2), le(0, 2);
    out.push(...name, ...e.data);
    le(0x08074b50, 4), le(crc, 4), le(e.data.length, 4), le(e.data.length, 4);
    central.push({ name, crc, size: e.data.length, offset });
  }
  const dirStart = out.length;
  for (const c of central) {
    const n = new TextDecoder().decode(c.name);
    const x = opts.zip64Extra?.name === n ? opts.zip64Extra : null;
    const size = x ? 0xffffffff : opts.lieSize?.name === n ? opts.lieSize.size : c.size;
    le(0x02014b50, 4), le(45, 2), le(45, 2), le(8, 2), le(opts.method ?? 0, 2), le(0, 4);
    le(c.crc, 4), le(size, 4), le(size, 4), le(c.name.length, 2), le(x ? 4 + x.have : 0, 2);
    le(0, 2), le(0, 2), le(0, 2), le(0, 4), le(c.offset, 4);
    out.push(...c.name);
    if (x) {
      le(1, 2), le(x.claim, 2);
      for (let i = 0; i < x.have; i++) out.push(i < 8 ? (c.size >> (8 * i)) & 255 : 0);
    }
  }
  const dirSize = out.length - dirStart;
  const z64 = out.length;
  le(0x06064b50, 4), le(44, 8), le(45, 2), le(45, 2), le(0, 4), le(0, 4);
  le(central.length, 8), le(central.length, 8), le(dirSize, 8), le(dirStart, 8);
  le(0x07064b50, 4), le(0, 4), le(z64, 8), le(1, 4);
  // The 32-bit fields are all ones: a reader must take them from the zip64 record.
  le(0x06054b50, 4), le(0, 2), le(0, 2), le(0xffff, 2), le(0xffff, 2);
  le(0xffffffff, 4), le(0xffffffff, 4), le(0, 2);
  return new Uint8Array(out);
}

/** A Goodfire-style .pth of f32 tensors under `folder/`. */
export function goodfirePth(
  tensors: { name: string; shape: number[]; data: Float32Array }[],
  folder = "archive",
  opts: ZipOptions = {},
): Uint8Array {
  const specs = tensors.map((t, i) => ({
    name: t.name,
    storage: String(i),
    numel: t.data.length,
    shape: t.shape,
  }));
  return buildZip([
    { name: `${folder}/data.pkl`, data: statePickle(specs) },
    ...tensors.map((t, i) => ({
      name: `${folder}/data/${i}`,
      data: new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
    })),
    { name: `${folder}/version`, data: new TextEncoder().encode("3\n") },
  ], opts);
}
