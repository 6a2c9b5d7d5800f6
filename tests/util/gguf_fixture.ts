// GGUF files for tests: the stories260K fixture's bytes, copies of it with
// metadata or tensors edited (through the writer), byte patches of its tensor
// infos, and a fetch that serves bytes from memory so that Engine.load reads
// them as an http file.

import { type GgufValue, readGgufHeader } from "../../engine/formats/gguf_header.ts";
import { type GgufTensorToWrite, writeGguf } from "../../engine/formats/gguf_write.ts";
import { openSource } from "../../engine/formats/source.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import { f16Bits } from "../../engine/quant/ggml.ts";
import { modelPath } from "./fixtures.ts";

export const STORIES_GGUF_DIR = `${modelPath("stories260K")}/gguf`;
export const STORIES_GGUF = `${STORIES_GGUF_DIR}/stories260K.gguf`;

/** The whole fixture file (1.2 MB). */
export async function storiesGgufBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const reader = await (await openSource(STORIES_GGUF_DIR)).open("stories260K.gguf");
  try {
    return await reader.read(0, reader.size);
  } finally {
    reader.close();
  }
}

/** A GGUF file rewritten by the writer after `edit` changed its metadata or tensors. */
export async function rewriteGguf(
  bytes: Uint8Array,
  edit: (metadata: Map<string, GgufValue>, tensors: GgufTensorToWrite[]) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const header = await readGgufHeader(memoryReader("in.gguf", bytes));
  const metadata = new Map(header.metadata);
  metadata.delete("general.alignment");
  const tensors = header.tensors.map((t) => ({
    name: t.name,
    type: t.type,
    ne: t.ne,
    data: bytes.slice(t.offset, t.offset + t.byteLength),
  }));
  edit(metadata, tensors);
  return writeGguf({ metadata, tensors, alignment: header.alignment });
}

/**
 * Byte offset of a tensor's info fields after its name (n_dims, ne[], type,
 * offset) in a GGUF file, found by its length-prefixed name.
 */
export function tensorInfoAt(bytes: Uint8Array, name: string): {
  nDims: number;
  typeAt: number;
  offsetAt: number;
} {
  const encoded = new TextEncoder().encode(name);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(encoded.length), true);
  const needle = new Uint8Array([...length, ...encoded]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    const at = i + needle.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const nDims = view.getUint32(at, true);
    const typeAt = at + 4 + 8 * nDims;
    return { nDims, typeAt, offsetAt: typeAt + 4 };
  }
  throw new Error(`no tensor info for ${name}`);
}

/** A fetch serving `files` at http://memory.test/<name> (whole files; HEAD too). */
export function memoryFetch(files: Record<string, Uint8Array>): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const bytes = files[decodeURIComponent(url.pathname.slice(1))];
    if (!bytes) return Promise.resolve(new Response("not found", { status: 404 }));
    const head = (init?.method ?? "GET") === "HEAD";
    return Promise.resolve(
      new Response(head ? null : bytes.slice(), {
        headers: { "content-length": String(bytes.length) },
      }),
    );
  };
}

export const MEMORY_URL = "http://memory.test";

/**
 * ggml's reference quantizers for Q8_0 and Q4_0 (quantize_row_q8_0_ref,
 * quantize_row_q4_0_ref): blocks of 32, an f16 scale, then the codes. `values`
 * holds whole rows whose length is a multiple of 32.
 */
export function quantizeGgmlRef(type: "Q8_0" | "Q4_0", values: Float32Array): Uint8Array {
  const blocks = values.length / 32, size = type === "Q8_0" ? 34 : 18;
  const out = new Uint8Array(blocks * size), view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = values.subarray(b * 32, b * 32 + 32), at = b * size;
    if (type === "Q8_0") {
      let amax = 0;
      for (const v of x) amax = Math.max(amax, Math.abs(v));
      const d = amax / 127, id = d ? 1 / d : 0;
      view.setUint16(at, f16Bits(d), true);
      for (let j = 0; j < 32; j++) view.setInt8(at + 2 + j, Math.round(x[j] * id));
    } else {
      let amax = 0, max = 0;
      for (const v of x) if (Math.abs(v) > amax) [amax, max] = [Math.abs(v), v];
      const d = max / -8, id = d ? 1 / d : 0;
      view.setUint16(at, f16Bits(d), true);
      const code = (v: number) => Math.min(15, Math.trunc(v * id + 8.5));
      for (let j = 0; j < 16; j++) out[at + 2 + j] = code(x[j]) | (code(x[j + 16]) << 4);
    }
  }
  return out;
}
