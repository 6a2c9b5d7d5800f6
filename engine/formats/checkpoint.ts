// What the weight loader reads a checkpoint through, whichever file format
// holds it: tensors by Hugging Face name and shape, rows as f32, and for
// formats that store ggml blocks (GGUF) the raw rows and their type, so that
// they reach the device as stored. storedPlanFormat bounds the device bytes
// of stored matrices for the placement planner.

import type { MatrixFormat } from "../quant/format.ts";
import type { GgmlType } from "../quant/ggml.ts";

export interface CheckpointTensor {
  /** Row-major, PyTorch order: a matrix is [rows, cols]. */
  readonly shape: readonly number[];
  /** The file holding it, named in errors. */
  readonly file: string;
}

export interface Checkpoint {
  /** Where the checkpoint came from, for messages. */
  readonly describe: string;
  /** Where the model's hyperparameters came from ("config.json", "the GGUF metadata"). */
  readonly configName?: string;
  /** Every tensor by Hugging Face name (model.layers.N...). */
  readonly tensors: ReadonlyMap<string, CheckpointTensor>;
  get(name: string): CheckpointTensor;
  /** Rows [rowStart, rowStart + rowCount) along the first dimension as f32. */
  readF32(name: string, rowStart?: number, rowCount?: number): Promise<Float32Array>;
  /** The ggml type a tensor is stored in, or null when rows are only readable as f32. */
  storedType?(name: string): GgmlType | null;
  /** Raw rows in the stored type's layout (whole rows, ggml blocks as in the file). */
  readStoredRows?(name: string, rowStart: number, rowCount: number): Promise<Uint8Array>;
  close(): void;
}

/** Device formats by bytes per weight, smallest first. */
const PLAN_RANK: readonly MatrixFormat[] = ["q4", "q4k", "q6k", "q8", "f32"];
/** A device format holding at least as many bytes per weight as each stored type. */
const PLAN_BOUND: Readonly<Record<GgmlType, MatrixFormat>> = {
  Q4_0: "q4", // 4.5 bits, the q4 block-32 layout itself
  Q4_K: "q4k", // 4.5 bits
  Q4_1: "q6k", // 5 bits
  Q5_0: "q6k", // 5.5 bits
  Q5_1: "q6k", // 6 bits
  Q5_K: "q6k", // 5.5 bits
  Q6_K: "q6k", // 6.5625 bits
  Q8_0: "q8", // 8.5 bits; q8 plans at its default block 16 (9 bits)
  F16: "f32", // widened on the device
  BF16: "f32",
  F32: "f32",
};

/** The format to plan `names` in when they are kept as stored: an upper bound on their bytes. */
export function storedPlanFormat(ckpt: Checkpoint, names: string[]): MatrixFormat {
  let rank = 0;
  for (const name of names) {
    if (!ckpt.tensors.has(name)) continue; // lm_head of a tied model
    const type = ckpt.storedType?.(name);
    rank = Math.max(rank, PLAN_RANK.indexOf(type ? PLAN_BOUND[type] : "f32"));
  }
  return PLAN_RANK[rank];
}
