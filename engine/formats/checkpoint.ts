// What the weight loader reads a checkpoint through, whichever file format
// holds it: tensors by Hugging Face name and shape, rows as f32, and for
// formats that store ggml blocks (GGUF) the raw rows and their type, so that
// they reach the device as stored.

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
