// One view of an SAE's weight file whatever its format: named float tensors
// whose rows can be read a block at a time, so that a 1 GiB matrix streams to
// the GPU without ever being whole in host memory.

import type { SafetensorsCheckpoint } from "../engine/formats/safetensors.ts";
import { type FloatDType, isFloatDType } from "../engine/formats/dtype.ts";
import { checkWeightRange } from "../engine/formats/weight_range.ts";

export interface WeightTensor {
  name: string;
  /** Row-major; rows are along the first dimension. */
  shape: readonly number[];
  dtype: FloatDType;
  /** Rows [start, start + count) as f32 (exact for F32, F16 and BF16). */
  readRows(start: number, count: number): Promise<Float32Array>;
}

export interface WeightFile {
  /** Where the file is, for messages. */
  describe: string;
  tensors: Map<string, WeightTensor>;
  /**
   * Verifies checksums (a .pth's zip CRC-32s) of whatever the reads so far did
   * not stream through in order, reading those bytes; a mismatch is a
   * FormatError naming the entry. Called once every tensor has been read.
   */
  verify?(): Promise<void>;
  close(): void;
}

/** A safetensors checkpoint as a WeightFile; non-float tensors are left out. */
export function safetensorsWeights(ckpt: SafetensorsCheckpoint): WeightFile {
  const tensors = new Map<string, WeightTensor>();
  for (const [name, info] of ckpt.tensors) {
    if (!isFloatDType(info.dtype)) continue;
    tensors.set(name, {
      name,
      shape: info.shape,
      dtype: info.dtype,
      readRows: async (start, count) => {
        const rows = await ckpt.readF32(name, start, count);
        checkWeightRange(rows, info.file, name, start * (rows.length / Math.max(count, 1)));
        return rows;
      },
    });
  }
  return { describe: ckpt.describe, tensors, close: () => ckpt.close() };
}
