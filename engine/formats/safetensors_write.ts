// Writes a safetensors file: the CLI's --out, and tests that build files
// (good and deliberately broken) byte by byte.

import { numel } from "./safetensors_header.ts";

export interface TensorToWrite {
  name: string;
  /** F16 and BF16 take their raw bits as a Uint16Array. */
  dtype: "F32" | "I32" | "F16" | "BF16";
  shape: readonly number[];
  data: Float32Array | Int32Array | Uint16Array;
}

const ARRAY_FOR = {
  F32: Float32Array,
  I32: Int32Array,
  F16: Uint16Array,
  BF16: Uint16Array,
} as const;

/**
 * Tensors are stored in the order given, contiguously; the header is padded
 * with spaces so the data section starts 8-byte aligned, as other writers do.
 */
export function writeSafetensors(
  tensors: readonly TensorToWrite[],
  metadata?: Record<string, string>,
): Uint8Array<ArrayBuffer> {
  const header: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    if (t.name === "__metadata__" || t.name in header) {
      throw new Error(`writeSafetensors: duplicate or reserved tensor name ${t.name}`);
    }
    const Want = ARRAY_FOR[t.dtype];
    if (!Want || !(t.data instanceof Want)) {
      throw new Error(
        `writeSafetensors: tensor ${t.name}: dtype ${t.dtype} needs a ${Want?.name ?? "?"} ` +
          `(F32, I32, F16 or BF16)`,
      );
    }
    if (
      !t.shape.every((d) => Number.isSafeInteger(d) && d >= 0) || numel(t.shape) !== t.data.length
    ) {
      throw new Error(
        `writeSafetensors: tensor ${t.name}: shape ${JSON.stringify(t.shape)} does not match ` +
          `${t.data.length} values`,
      );
    }
    header[t.name] = {
      dtype: t.dtype,
      shape: [...t.shape],
      data_offsets: [offset, offset + t.data.byteLength],
    };
    offset += t.data.byteLength;
  }
  const text = JSON.stringify(header);
  const bytes = new TextEncoder().encode(text).length;
  const json = new TextEncoder().encode(text + " ".repeat((8 - bytes % 8) % 8));
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    // Typed arrays are host-endian; every WebGPU host is little-endian, as is the format.
    out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return out;
}
