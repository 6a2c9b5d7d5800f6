// Streams an SAE's tensors to the GPU a block of rows at a time, into the one
// layout every SAE kernel reads: W_enc and W_dec both [d_sae, d_in], one row per
// feature, split into binding-sized row chunks. Matrices stored [d_in, d_sae]
// (SAELens' W_enc, Goodfire's decoder weight) are transposed on the GPU.
//
// With `quant: "q8"` both matrices become QuantMatrix (engine/quant): each
// block of feature rows is quantized on the host as it streams by and only the
// packed rows are uploaded. A transposed matrix has no feature rows on the
// host, so it is transposed on the GPU into a transient f32 matrix first, read
// back a block at a time, quantized and uploaded; the f32 copy is freed before
// the next matrix (peak: one f32 matrix more than the quantized SAE).

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { QuantMatrix, type WeightMatrix } from "../engine/quant/matrix.ts";
import type { SaeGpuWeights } from "../shaders/sae_encode.ts";
import { transposeInto } from "../shaders/sae_transpose.ts";
import type { SaeSpec, StoredMatrix } from "./format.ts";
import type { WeightTensor } from "./weights.ts";

/** Host memory per block read: large enough for few reads, small next to a 1 GiB matrix. */
const BLOCK_BYTES = 16 * 1024 * 1024;

/** Device formats an SAE's matrices can be stored in. */
export type SaeQuant = "f32" | "q8";

async function quantizeFrom(gpu: Gpu, label: string, src: Matrix): Promise<QuantMatrix> {
  const out = QuantMatrix.create(gpu, label, src.rows, src.cols, "q8");
  try {
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
        out.writeRows(c.rowStart + r, new Float32Array(bytes));
      }
    }
  } catch (e) {
    out.dispose();
    throw e;
  }
  return out;
}

async function uploadMatrix(
  gpu: Gpu,
  label: string,
  m: StoredMatrix,
  dSae: number,
  dIn: number,
  owned: { dispose(): void }[],
  quant: SaeQuant,
): Promise<WeightMatrix> {
  if (quant === "f32") return await uploadF32(gpu, label, m, dSae, dIn, owned);
  if (!m.transposed) {
    const out = QuantMatrix.create(gpu, label, dSae, dIn, quant);
    owned.push(out);
    const per = Math.max(1, Math.floor(BLOCK_BYTES / (dIn * 4)));
    for (let r = 0; r < dSae; r += per) {
      out.writeRows(r, await m.tensor.readRows(r, Math.min(per, dSae - r)));
      await gpu.settleWrites();
    }
    return out;
  }
  const tmp: { dispose(): void }[] = [];
  try {
    const f32 = await uploadF32(gpu, `${label}.f32`, m, dSae, dIn, tmp);
    await gpu.device.queue.onSubmittedWorkDone();
    const out = await quantizeFrom(gpu, label, f32);
    owned.push(out);
    return out;
  } finally {
    for (const t of tmp) t.dispose();
  }
}

async function uploadF32(
  gpu: Gpu,
  label: string,
  m: StoredMatrix,
  dSae: number,
  dIn: number,
  owned: { dispose(): void }[],
): Promise<Matrix> {
  const out = Matrix.create(gpu, label, dSae, dIn);
  owned.push(out);
  const [rows, cols] = m.tensor.shape;
  const per = Math.max(1, Math.floor(Math.min(BLOCK_BYTES, gpu.maxBindingBytes) / (cols * 4)));
  if (!m.transposed) {
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
      transposeInto(rec, new Tensor(gpu, staging.buffer, [n, cols], "f32", 0, false), r, out);
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
    const wEnc = await uploadMatrix(gpu, `${label}.W_enc`, spec.wEnc, dSae, dIn, owned, quant);
    const wDec = await uploadMatrix(gpu, `${label}.W_dec`, spec.wDec, dSae, dIn, owned, quant);
    // Checksums are complete only now: a corrupt file fails here and frees everything.
    await spec.file.verify?.();
    gpu.assertAlive();
    return { wEnc, wDec, bEnc, bDec, threshold, center: spec.applyBDecToInput };
  } catch (e) {
    for (const o of owned) o.dispose();
    throw e;
  }
}
