// Streams an SAE's tensors to the GPU a block of rows at a time, into the one
// layout every SAE kernel reads: W_enc and W_dec both [d_sae, d_in], one row per
// feature, split into binding-sized row chunks. Matrices stored [d_in, d_sae]
// (SAELens' W_enc, Goodfire's decoder weight) are transposed on the GPU.
//
// With `quant: "q8"` both matrices become QuantMatrix (engine/quant): each
// block of feature rows is quantized on the host as it streams by and only the
// packed rows are uploaded. A transposed matrix has no feature rows on the
// host, so a range of features at a time is transposed on the GPU into a
// transient f32 matrix of at most TRANSPOSE_TEMP_BYTES, read back a block at a
// time, quantized and uploaded; each range reads the stored rows again. Peak:
// the quantized SAE plus 256 MiB (Goodfire's 8B decoder: 4 passes over 1 GiB,
// instead of a 1 GiB f32 copy; on a software adapter device memory is host
// memory, and the copy was most of the load's host memory beyond device bytes).

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { QuantMatrix, type PlainWeightMatrix } from "../engine/quant/matrix.ts";
import type { SaeGpuWeights } from "../shaders/sae_encode.ts";
import { transposeInto } from "../shaders/sae_transpose.ts";
import type { SaeSpec, StoredMatrix } from "./format.ts";
import type { WeightTensor } from "./weights.ts";

/** Host memory per block read: large enough for few reads, small next to a 1 GiB matrix. */
const BLOCK_BYTES = 16 * 1024 * 1024;

/** Device formats an SAE's matrices can be stored in. */
export type SaeQuant = "f32" | "q8";

/** f32 bytes on the device per range of features of a transposed matrix being quantized. */
export const TRANSPOSE_TEMP_BYTES = 256 << 20;

/** Quantizes src's rows into out's rows [rowOffset, rowOffset + src.rows). */
async function quantizeInto(
  gpu: Gpu,
  src: Matrix,
  out: QuantMatrix,
  rowOffset: number,
): Promise<void> {
  const per = Math.max(1, Math.floor(BLOCK_BYTES / (src.cols * 4)));
  for (const c of src.chunks) {
    const rows = c.tensor.shape[0];
    for (let r = 0; r < rows; r += per) {
      const n = Math.min(per, rows - r);
      const bytes = await gpu.read(
        c.tensor.buffer,
        c.tensor.offset + r * src.cols * 4,
        n * src.cols * 4,
      );
      out.writeRows(rowOffset + c.rowStart + r, new Float32Array(bytes));
      await gpu.settleWrites();
    }
  }
}

async function uploadMatrix(
  gpu: Gpu,
  label: string,
  m: StoredMatrix,
  dSae: number,
  dIn: number,
  owned: { dispose(): void }[],
  quant: SaeQuant,
  tempBytes: number,
): Promise<PlainWeightMatrix> {
  if (quant === "f32") return await uploadF32(gpu, label, m, dSae, dIn, owned);
  const out = QuantMatrix.create(gpu, label, dSae, dIn, quant);
  owned.push(out);
  if (!m.transposed) {
    const per = Math.max(1, Math.floor(BLOCK_BYTES / (dIn * 4)));
    for (let r = 0; r < dSae; r += per) {
      out.writeRows(r, await m.tensor.readRows(r, Math.min(per, dSae - r)));
      await gpu.settleWrites();
    }
    return out;
  }
  const part = Math.max(1, Math.min(dSae, Math.floor(tempBytes / (dIn * 4))));
  for (let f0 = 0; f0 < dSae; f0 += part) {
    const tmp: { dispose(): void }[] = [];
    try {
      const rows = Math.min(part, dSae - f0);
      const f32 = await uploadF32(gpu, `${label}.f32`, m, rows, dIn, tmp, f0);
      await gpu.device.queue.onSubmittedWorkDone();
      await quantizeInto(gpu, f32, out, f0);
    } finally {
      for (const t of tmp) t.dispose();
    }
  }
  return out;
}

async function uploadF32(
  gpu: Gpu,
  label: string,
  m: StoredMatrix,
  dSae: number,
  dIn: number,
  owned: { dispose(): void }[],
  featureStart = 0,
): Promise<Matrix> {
  const out = Matrix.create(gpu, label, dSae, dIn);
  owned.push(out);
  const [rows, cols] = m.tensor.shape;
  const per = Math.max(1, Math.floor(Math.min(BLOCK_BYTES, gpu.maxBindingBytes) / (cols * 4)));
  if (!m.transposed) {
    if (featureStart !== 0) throw new Error(`${label}: a feature range needs a transposed matrix`);
    for (let r = 0; r < rows; r += per) {
      out.writeRows(r, await m.tensor.readRows(r, Math.min(per, rows - r)));
      await gpu.settleWrites();
    }
    return out;
  }
  if (cols * 4 > gpu.maxBindingBytes) {
    throw new Error(`${label}: a row of ${cols} values is larger than one binding`);
  }
  const staging = Tensor.empty(gpu, `${label}.staging`, [Math.min(per, rows), cols], "f32");
  try {
    for (let r = 0; r < rows; r += per) {
      const n = Math.min(per, rows - r);
      const block = await m.tensor.readRows(r, n);
      gpu.write(staging.buffer, block);
      const rec = new Recorder(gpu, `${label}.transpose`);
      const src = new Tensor(gpu, staging.buffer, [n, cols], "f32", 0, false);
      transposeInto(rec, src, r, out, featureStart);
      rec.submit();
      // One block in flight: the staging buffer is rewritten next.
      await gpu.device.queue.onSubmittedWorkDone();
    }
    gpu.assertAlive();
  } finally {
    staging.dispose();
  }
  return out;
}

async function uploadVector(
  gpu: Gpu,
  label: string,
  t: WeightTensor,
  owned: { dispose(): void }[],
): Promise<Tensor<"f32">> {
  const data = await t.readRows(0, t.shape[0]);
  const out = Tensor.from(gpu, label, data, [t.shape[0]], "f32");
  owned.push(out);
  return out;
}

/** All of the SAE's tensors on `gpu`; on any failure, every buffer made so far is freed. */
export async function uploadSae(
  gpu: Gpu,
  spec: SaeSpec,
  label: string,
  quant: SaeQuant = "f32",
  transposeTempBytes = TRANSPOSE_TEMP_BYTES,
): Promise<SaeGpuWeights> {
  if (quant !== "f32" && quant !== "q8") {
    throw new Error(`${spec.describe}: quant must be "f32" or "q8", got ${quant}`);
  }
  const owned: { dispose(): void }[] = [];
  try {
    const { dSae, dIn } = spec;
    const bEnc = await uploadVector(gpu, `${label}.b_enc`, spec.bEnc, owned);
    const bDec = await uploadVector(gpu, `${label}.b_dec`, spec.bDec, owned);
    const threshold = spec.threshold
      ? await uploadVector(gpu, `${label}.threshold`, spec.threshold, owned)
      : null;
    const matrix = (name: string, m: StoredMatrix) =>
      uploadMatrix(gpu, `${label}.${name}`, m, dSae, dIn, owned, quant, transposeTempBytes);
    const wEnc = await matrix("W_enc", spec.wEnc);
    const wDec = await matrix("W_dec", spec.wDec);
    // Checksums are complete only now: a corrupt file fails here and frees everything.
    await spec.file.verify?.();
    gpu.assertAlive();
    return { wEnc, wDec, bEnc, bDec, threshold, center: spec.applyBDecToInput };
  } catch (e) {
    for (const o of owned) o.dispose();
    throw e;
  }
}
