// deno task kernels [--list | --dump KEY | --update-snapshots]: every kernel
// variant the fixture models and SAEs (tests/fixtures) can compile, built
// without a GPU from the same builders the engine calls, so any generated WGSL
// can be read in full. The snapshot test (tests/kernels/snapshot_test.ts)
// compares each with tests/kernels/snapshots/KEY.wgsl (KEY.digest, a SHA-256,
// for kernels over SNAPSHOT_TEXT_LIMIT); after a deliberate
// change to a kernel, `deno task kernels --update-snapshots` rewrites them.
//
// The catalog covers every device the tunings distinguish: a software adapter
// (llvmpipe), a GPU, a GPU with subgroups and with packed 4x8 dot products.

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Kernel } from "../engine/gpu/kernel.ts";
import { DEFAULT_BLOCK, type QuantFormat, quantLayout } from "../engine/quant/format.ts";
import { addKernel } from "../shaders/add.ts";
import { columnSumSquaresKernel } from "../shaders/column_sumsq.ts";
import { computePeakDot4Kernel, computePeakKernel } from "../shaders/compute_peak.ts";
import { attentionKernel, attentionSegmentsKernel } from "../shaders/attention.ts";
import { ATTENTION_TILES, attentionTiledKernel } from "../shaders/attention_tiled.ts";
import {
  attentionCombineKernel,
  attentionSplitKernel,
  attentionSplitSegmentsKernel,
} from "../shaders/attention_split.ts";
import { elementwiseKernel } from "../shaders/elementwise.ts";
import { embeddingKernel, embeddingQuantKernel } from "../shaders/embedding.ts";
import { matmulKernel } from "../shaders/matmul.ts";
import { matmulQuantKernel } from "../shaders/matmul_quant.ts";
import { matmulQuantRowsKernel, quantRowsTile } from "../shaders/matmul_quant_rows.ts";
import { matmulDequantRowsKernel } from "../shaders/matmul_dequant_rows.ts";
import { dequantRowsKernel } from "../shaders/dequant_rows.ts";
import { matmulRowsKernel, ROWS_TILES, rowsTile } from "../shaders/matmul_rows.ts";
import { matvecConfig, matvecKernel } from "../shaders/matvec.ts";
import { matvecQuantConfig, matvecQuantKernel, usesDot4 } from "../shaders/matvec_quant.ts";
import { projectKernel } from "../shaders/project.ts";
import { quantizeXKernel } from "../shaders/quantize_x.ts";
import { rmsnormKernel } from "../shaders/rmsnorm.ts";
import { ropeKernel, ropePositionsKernel } from "../shaders/rope.ts";
import { featureStatsKernel } from "../shaders/sae_feature_stats.ts";
import { probePoolKernels } from "../shaders/probe_pool.ts";
import { probePredictKernel } from "../shaders/probe_predict.ts";
import { probeStepKernel } from "../shaders/probe_step.ts";
import { saeBiasActKernel } from "../shaders/sae_bias_act.ts";
import { saeDecodeKernel, saeDecodeOneTokenKernel } from "../shaders/sae_decode.ts";
import { saeEditKernel, saeEditWhenKernel } from "../shaders/sae_edit.ts";
import { saeStopKernel } from "../shaders/sae_stop.ts";
import { type EncodeActivation, saeEncodeKernel } from "../shaders/sae_encode.ts";
import { saeSparseDecodeKernel } from "../shaders/sae_sparse_decode.ts";
import { saeSteerKernel } from "../shaders/sae_steer.ts";
import { topFeaturesKernel, topkMaskKernel } from "../shaders/sae_topk.ts";
import { saeTransposeKernel, saeTransposeRowsKernel } from "../shaders/sae_transpose.ts";
import { weightLayoutKernel } from "../shaders/sae_weight.ts";
import { argmaxKernel, sampleKernel } from "../shaders/sample.ts";
import { streamF32Kernel, streamQuantKernel } from "../shaders/stream.ts";
import { swigluKernel } from "../shaders/swiglu.ts";
import { BLOCK_FORMATS, blockLayout } from "../engine/quant/block_matrix.ts";
import { embeddingBlockKernel } from "../shaders/embedding.ts";
import { matvecGgmlConfig, matvecGgmlKernel } from "../shaders/matvec_ggml.ts";
import { MATMUL_GGML_ROWS, matmulGgmlRowsKernel } from "../shaders/matmul_ggml_rows.ts";
import { dequantGgmlRowsKernel } from "../shaders/dequant_ggml_rows.ts";
import { streamConfigs } from "./harness.ts";
import { rmsnormBackwardKernel } from "../shaders/rmsnorm_backward.ts";
import { swigluBackwardKernel } from "../shaders/swiglu_backward.ts";
import { logprobBackwardKernel } from "../shaders/logprob_backward.ts";
import { attentionBackwardQueryKernel } from "../shaders/attention_backward_query.ts";
import { attentionBackwardKeyKernel } from "../shaders/attention_backward_key.ts";
import { linearBackwardF32Kernel, linearBackwardQuantKernel } from "../shaders/linear_backward.ts";
import { rmsnormFrozenKernel } from "../shaders/rmsnorm_frozen.ts";
import { linearBackwardGgmlKernel } from "../shaders/linear_backward_ggml.ts";

/**
 * Row lengths (K) of the fixtures' projections: hidden and intermediate sizes
 * of stories260K (64, 172), llama3-tiny and tinystories-656k (128, 384); the
 * SAE's d_in is 64. 13 stands for the odd sizes the kernel tests use (scalar
 * loads, partial blocks).
 */
export const FIXTURE_K = [13, 64, 128, 172, 384];
const FORMATS: QuantFormat[] = ["q8", "q4"];
const ACTIVATIONS: EncodeActivation[] = ["none", "relu", "jumprelu"];

type Device = Pick<Gpu, "isFallbackAdapter" | "subgroupSize" | "hasPacked4x8">;
/** The devices the tunings tell apart. */
const DEVICES: Device[] = [
  { isFallbackAdapter: true, subgroupSize: 0, hasPacked4x8: false },
  { isFallbackAdapter: false, subgroupSize: 0, hasPacked4x8: false },
  { isFallbackAdapter: false, subgroupSize: 32, hasPacked4x8: false },
  { isFallbackAdapter: false, subgroupSize: 32, hasPacked4x8: true },
];

/** Every kernel variant, by key (sorted). */
export function kernelCatalog(): Map<string, Kernel> {
  const all: Kernel[] = [
    addKernel,
    attentionKernel,
    attentionSegmentsKernel,
    attentionSplitKernel,
    attentionSplitSegmentsKernel,
    attentionCombineKernel,
    columnSumSquaresKernel,
    computePeakKernel,
    computePeakDot4Kernel,
    elementwiseKernel,
    embeddingKernel,
    matmulKernel,
    projectKernel,
    quantizeXKernel,
    rmsnormKernel,
    ropeKernel,
    ropePositionsKernel,
    swigluKernel,
    argmaxKernel,
    sampleKernel,
    topFeaturesKernel,
    topkMaskKernel,
    saeTransposeKernel,
    saeTransposeRowsKernel,
    saeEditKernel,
    saeEditWhenKernel,
    saeStopKernel,
    featureStatsKernel,
    probePoolKernels.max,
    probePoolKernels.mean,
    probePredictKernel,
    probeStepKernel,
  ];
  for (const t of ATTENTION_TILES) {
    all.push(attentionTiledKernel(t, false), attentionTiledKernel(t, true));
  }
  for (const K of FIXTURE_K) {
    for (const d of DEVICES) all.push(matvecKernel(K, matvecConfig(d as Gpu)));
    for (const s of ROWS_TILES) {
      all.push(matmulRowsKernel(K % 4 === 0, rowsTile(s, s * 8, K % 4 === 0 ? 32 : 8)));
    }
  }
  const layouts = FORMATS.flatMap((f) => FIXTURE_K.map((K) => quantLayout(f, K, DEFAULT_BLOCK[f])));
  for (const l of layouts) {
    all.push(embeddingQuantKernel(l), matmulQuantKernel(l));
    if (l.cols % 4 === 0) {
      all.push(dequantRowsKernel(l));
      for (const s of ROWS_TILES) all.push(matmulDequantRowsKernel(l, rowsTile(s, s * 8, 32)));
    }
    for (const s of ROWS_TILES) {
      all.push(matmulQuantRowsKernel(l, quantRowsTile(s, l.cols, s * 8)));
    }
    for (const d of DEVICES) {
      const c = matvecQuantConfig(d, l.format, l.cols);
      all.push(matvecQuantKernel(l, c, false));
      if (l.cols % 4 === 0 && !usesDot4(l, c)) all.push(matvecQuantKernel(l, c, true));
    }
  }
  for (const d of DEVICES) {
    for (const c of streamConfigs(d as Gpu, "f32")) all.push(streamF32Kernel(c));
    for (const f of FORMATS) {
      const l = quantLayout(f, 4096, DEFAULT_BLOCK[f]);
      for (const c of streamConfigs(d as Gpu, f)) all.push(streamQuantKernel(l, c));
    }
  }
  // GGML block formats (GGUF tensors, q4k/q6k): per format, K only picks vec4 or f32 x.
  for (const f of BLOCK_FORMATS) {
    all.push(dequantGgmlRowsKernel(f));
    for (const K of FIXTURE_K) {
      const l = blockLayout(f, K);
      all.push(embeddingBlockKernel(l), matmulGgmlRowsKernel(l, MATMUL_GGML_ROWS));
      for (const d of DEVICES) {
        all.push(matvecGgmlKernel(l, matvecGgmlConfig(d, f)));
        if (K % 4 === 0) all.push(matvecGgmlKernel(l, matvecGgmlConfig(d, f), false, true));
      }
    }
    for (const d of DEVICES) {
      all.push(matvecGgmlKernel(blockLayout(f, 4096), matvecGgmlConfig(d, f), true));
    }
  }
  // Backward kernels (gradients): one linear variant per format and block (GGML: per format).
  all.push(
    rmsnormBackwardKernel,
    swigluBackwardKernel,
    logprobBackwardKernel,
    attentionBackwardQueryKernel,
    attentionBackwardKeyKernel,
    ...[4, 1].flatMap((tt) => [
      linearBackwardF32Kernel(tt),
      ...FORMATS.map((f) => linearBackwardQuantKernel(quantLayout(f, 64, DEFAULT_BLOCK[f]), tt)),
      ...BLOCK_FORMATS.map((f) => linearBackwardGgmlKernel(f, tt)),
    ]),
  );
  // Attribution graphs: RMSNorm with its scale frozen (forward and backward).
  all.push(rmsnormFrozenKernel);
  // SAE kernels, for f32 weights and each quantized layout of d_in = 64.
  const saeLayouts = [null, ...FORMATS.map((f) => quantLayout(f, 64, DEFAULT_BLOCK[f]))];
  for (const act of ACTIVATIONS) {
    all.push(saeEncodeKernel(act), saeBiasActKernel("bias_act", act));
    for (const l of saeLayouts) all.push(saeSteerKernel("gather_encode", act, l));
  }
  all.push(saeBiasActKernel("center", "none"), saeSteerKernel("gather_dense", "none", null));
  for (const l of saeLayouts) {
    all.push(
      weightLayoutKernel(saeDecodeKernel, l, 5),
      weightLayoutKernel(saeDecodeOneTokenKernel, l, 5),
      weightLayoutKernel(saeSparseDecodeKernel, l, 5),
      saeSteerKernel("apply", "none", l),
    );
  }
  const byKey = new Map<string, Kernel>();
  for (const k of all) {
    const seen = byKey.get(k.key);
    if (seen && seen.source !== k.source) throw new Error(`two kernels share the key ${k.key}`);
    byKey.set(k.key, k);
  }
  return new Map([...byKey].sort(([a], [b]) => a < b ? -1 : 1));
}

/** A kernel as printed and snapshotted: how it is compiled, then its WGSL. */
export function kernelText(k: Kernel): string {
  const head = [
    `// kernel ${k.key}`,
    `// entry point ${k.entryPoint ?? "main"}`,
    `// constants ${JSON.stringify(k.constants ?? {})}`,
  ];
  return head.join("\n") + "\n\n" + k.source.trimEnd() + "\n";
}

export const SNAPSHOTS = new URL("../tests/kernels/snapshots/", import.meta.url);

/**
 * Kernels whose text is longer than this (the unrolled matmul tiles, 25-240
 * KB each) are snapshotted as a SHA-256 digest instead of in full, which
 * keeps the repository near its ~25 MB budget; `--dump KEY` prints them.
 */
export const SNAPSHOT_TEXT_LIMIT = 24 * 1024;

/** A kernel's snapshot: its file name in SNAPSHOTS and the expected contents. */
export async function snapshotOf(key: string, k: Kernel): Promise<{ name: string; text: string }> {
  const text = kernelText(k);
  if (text.length <= SNAPSHOT_TEXT_LIMIT) return { name: `${key}.wgsl`, text };
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const lines = text.split("\n").length - 1;
  return {
    name: `${key}.digest`,
    text: `// kernel ${key}: ${lines} lines, ${text.length} bytes of WGSL, over the ` +
      `${SNAPSHOT_TEXT_LIMIT}-byte snapshot limit\n` +
      `// read it with: deno task kernels --dump ${key}\n` +
      `sha256 ${hex}\n`,
  };
}

/** The kernel key a snapshot file stands for, or null for another file. */
export function snapshotKey(file: string): string | null {
  const m = /^(.*)\.(wgsl|digest)$/.exec(file);
  return m ? m[1] : null;
}

/** Rewrites every snapshot and removes those of kernels that no longer exist. */
export async function updateSnapshots(catalog: Map<string, Kernel>): Promise<number> {
  Deno.mkdirSync(SNAPSHOTS, { recursive: true });
  const keep = new Set<string>();
  for (const [key, k] of catalog) {
    const snap = await snapshotOf(key, k);
    Deno.writeTextFileSync(new URL(snap.name, SNAPSHOTS), snap.text);
    keep.add(snap.name);
  }
  for (const e of Deno.readDirSync(SNAPSHOTS)) {
    if (snapshotKey(e.name) !== null && !keep.has(e.name)) {
      Deno.removeSync(new URL(e.name, SNAPSHOTS));
    }
  }
  return catalog.size;
}

async function main(args: string[]): Promise<number> {
  const catalog = kernelCatalog();
  if (args[0] === "--list") {
    for (const key of catalog.keys()) console.log(key);
    return 0;
  }
  if (args[0] === "--dump" && args[1]) {
    const k = catalog.get(args[1]);
    if (!k) {
      console.error(`no kernel ${args[1]}; the keys are:\n  ${[...catalog.keys()].join("\n  ")}`);
      return 1;
    }
    console.log(kernelText(k));
    return 0;
  }
  if (args[0] === "--update-snapshots") {
    console.log(`wrote ${await updateSnapshots(catalog)} snapshots to ${SNAPSHOTS.pathname}`);
    return 0;
  }
  console.error(
    "usage: deno task kernels --list | --dump KEY | --update-snapshots\n" +
      "  --list               every kernel key the fixture models and SAEs use\n" +
      "  --dump KEY           the kernel's complete WGSL, entry point and constants\n" +
      "  --update-snapshots   rewrite tests/kernels/snapshots/ after a deliberate change",
  );
  return 2;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
