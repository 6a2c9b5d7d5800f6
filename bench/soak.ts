// `soak`: many generations on stories260K with an add-vector intervention, SAE
// steering and the SAE's features cached, every tenth generation dropped after
// a few tokens without return() (an abandoned generator). Every 100
// generations it reports the live buffer count, engine.memory and, where the
// runner can measure it, the process RSS: buffers must stay flat, and RSS
// growth is what the runtime leaks or keeps. `soak-runtime`: the same RSS
// readings for bare WebGPU loops in the runtime (no Loupe code) that make the
// calls a generation makes, to tell our growth from the runtime's.
// No Deno APIs: RSS and the JS heap come from ctx.rss / ctx.heap when the
// runner has them (a flat heap with a growing RSS is native memory).

import { Engine } from "../engine/engine.ts";
import type { Tensor } from "../engine/ops/tensor.ts";
import { attachSae, Sae } from "../sae/mod.ts";
import type { BenchContext } from "./harness.ts";
import type { BenchResult } from "./result.ts";

const EVERY = 100;
const MB = 1024 * 1024;

/** One checkpoint as a result line; growth is per 100 iterations since the first checkpoint. */
function checkpoint(
  ctx: BenchContext,
  name: string,
  shape: string,
  done: number,
  figures: Record<string, number>,
  first: { done: number; rss: number } | null,
): BenchResult {
  const rss = ctx.rss ? ctx.rss() / MB : NaN;
  const heap = ctx.heap ? ctx.heap() / MB : NaN;
  const line: BenchResult = {
    name,
    shape: `${shape} after ${done}`,
    format: "f32",
    adapter: ctx.gpu.summary.description,
    figures: { iterations: done, ...figures, heapMB: heap, rssMB: rss },
    ratios: {},
  };
  if (first && done > first.done) {
    line.ratios.rssGrowthMBPer100 = (rss - first.rss) / (done - first.done) * 100;
  }
  ctx.log(
    `  ${name} ${line.shape}: ${
      Object.entries(line.figures).map(([k, v]) => `${k} ${+v.toFixed(2)}`).join(", ")
    }${first ? `, RSS +${line.ratios.rssGrowthMBPer100?.toFixed(2)} MB/100` : ""}`,
  );
  return line;
}

export async function benchSoak(ctx: BenchContext, n = ctx.soakN ?? 1000): Promise<BenchResult[]> {
  const gpu = ctx.gpu;
  const engine = await Engine.load(`${ctx.fixtures}models/stories260K`, { gpu });
  const sae = await Sae.load(`${ctx.fixtures}saes/stories260K-layer2/saelens`, engine);
  const site = attachSae(engine, "model.layers.2", sae);
  const hidden = engine.config.hiddenSize;
  const vector = engine.tensor(new Float32Array(hidden).map((_, i) => Math.sin(i) * 0.1), [hidden]);
  const interventions = {
    "model.layers.1": (x: Tensor<"f32">) => x.addVector(vector, 0.5),
    ...site.steer([{ feature: 3, add: 2 }, { feature: 7, mul: 0.5 }]),
  };
  const results: BenchResult[] = [];
  let first: { done: number; rss: number } | null = null, tokens = 0, t0 = performance.now();
  try {
    for (let i = 1; i <= n; i++) {
      const drop = i % 10 === 0;
      const g = engine.generate([1, 403, 407, 261, 378], {
        maxNewTokens: 16,
        ignoreEos: true,
        temperature: 0.8,
        seed: i,
        cache: [site.features],
        interventions,
      });
      let got = 0;
      for await (const _ of g) {
        got++;
        if (drop && got === 4) break; // stopped early: break calls return()
      }
      tokens += got;
      if (drop) {
        // An abandoned generator: stepped, then never resumed nor returned.
        const h = engine.generate([1, 317], { maxNewTokens: 8, interventions });
        await h.next();
      }
      if (i % EVERY === 0 || i === n) {
        const m = engine.memory, live = gpu.liveBuffers;
        const s = (performance.now() - t0) / 1000;
        const line = checkpoint(ctx, "soak", "stories260K generations", i, {
          liveBuffers: live.count,
          liveMB: live.bytes / MB,
          engineMB: (m.weights + m.kvCache + m.scratch) / MB,
          tokensPerSecond: tokens / s,
        }, first);
        first ??= { done: i, rss: line.figures.rssMB };
        results.push(line);
        tokens = 0;
        t0 = performance.now();
      }
    }
  } finally {
    vector.dispose();
    sae.dispose();
    engine.dispose();
  }
  return results;
}

/**
 * Per iteration, the dispatches of a 16-token generation on stories260K: 16
 * submissions of 80 dispatches, each with a bind group of its own and a
 * uniform written per submission, as the Recorder does.
 */
async function dispatchLoop(ctx: BenchContext, n: number): Promise<BenchResult[]> {
  const device = ctx.gpu.device;
  const module = device.createShaderModule({
    code: `@group(0) @binding(0) var<uniform> k: vec4f;
      @group(0) @binding(1) var<storage, read_write> x: array<f32>;
      @compute @workgroup_size(64) fn main(@builtin(global_invocation_id) i: vec3u) {
        if (i.x < arrayLength(&x)) { x[i.x] = x[i.x] * k.x + k.y; }
      }`,
  });
  const pipeline = device.createComputePipeline({ layout: "auto", compute: { module } });
  const uniform = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const x = device.createBuffer({ size: 64 * 4, usage: GPUBufferUsage.STORAGE });
  const results: BenchResult[] = [];
  let first: { done: number; rss: number } | null = null;
  try {
    for (let i = 1; i <= n; i++) {
      for (let step = 0; step < 16; step++) {
        device.queue.writeBuffer(uniform, 0, Float32Array.of(1, 0, 0, 0));
        const enc = device.createCommandEncoder();
        const pass = enc.beginComputePass();
        for (let d = 0; d < 80; d++) {
          pass.setPipeline(pipeline);
          pass.setBindGroup(
            0,
            device.createBindGroup({
              layout: pipeline.getBindGroupLayout(0),
              entries: [{ binding: 0, resource: { buffer: uniform } }, {
                binding: 1,
                resource: { buffer: x },
              }],
            }),
          );
          pass.dispatchWorkgroups(1);
        }
        pass.end();
        device.queue.submit([enc.finish()]);
      }
      await device.queue.onSubmittedWorkDone();
      if (i % EVERY === 0 || i === n) {
        const line = checkpoint(ctx, "soak-runtime", "bind groups+dispatches", i, {}, first);
        first ??= { done: i, rss: line.figures.rssMB };
        results.push(line);
      }
    }
  } finally {
    uniform.destroy();
    x.destroy();
  }
  return results;
}

/**
 * Bare WebGPU in the runtime, per iteration what a 16-token generation does
 * with buffers and maps: create 4 MAP_READ buffers, 16 submissions each
 * followed by mapAsync + unmap, destroy them. Then the dispatches of one
 * (dispatchLoop), and a loop creating and destroying a device (checkpoints
 * every 10, n / 10 iterations).
 */
export async function benchSoakRuntime(
  ctx: BenchContext,
  n = ctx.soakN ?? 1000,
): Promise<BenchResult[]> {
  const device = ctx.gpu.device;
  const src = device.createBuffer({ size: 4, usage: GPUBufferUsage.COPY_SRC });
  const results: BenchResult[] = [];
  let first: { done: number; rss: number } | null = null;
  try {
    for (let i = 1; i <= n; i++) {
      const bufs = Array.from(
        { length: 4 },
        () =>
          device.createBuffer({
            size: 4,
            usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
          }),
      );
      for (let k = 0; k < 16; k++) {
        const b = bufs[k % 4];
        const enc = device.createCommandEncoder();
        enc.copyBufferToBuffer(src, 0, b, 0, 4);
        device.queue.submit([enc.finish()]);
        await b.mapAsync(GPUMapMode.READ);
        b.unmap();
      }
      for (const b of bufs) b.destroy();
      if (i % EVERY === 0 || i === n) {
        const line = checkpoint(ctx, "soak-runtime", "buffers+maps", i, {}, first);
        first ??= { done: i, rss: line.figures.rssMB };
        results.push(line);
      }
    }
  } finally {
    src.destroy();
  }
  results.push(...await dispatchLoop(ctx, n));
  first = null;
  const devices = Math.max(10, Math.floor(n / 10));
  for (let i = 1; i <= devices; i++) {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) break;
    const d: GPUDevice = await adapter.requestDevice();
    d.destroy();
    if (i % 10 === 0) {
      const line = checkpoint(ctx, "soak-runtime", "device create+destroy", i, {}, first);
      first ??= { done: i, rss: line.figures.rssMB };
      results.push(line);
    }
  }
  return results;
}
