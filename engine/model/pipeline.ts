// One model over one or more devices: each stage is a LlamaGraph over a
// contiguous range of layers on its own GPUDevice. A chunk runs stage by stage;
// between stages the residual stream [tokens, hidden] goes through a mapped
// staging buffer and the CPU (WebGPU has no device-to-device copy), so the
// bytes moved per token and boundary are one hidden vector.

import type { Gpu } from "../gpu/gpu.ts";
import { Recorder } from "../gpu/recorder.ts";
import type { KvCache } from "./kv_cache.ts";
import type { ChunkSegments, LlamaGraph, Tap } from "./llama.ts";

export interface Stage {
  gpu: Gpu;
  graph: LlamaGraph;
  /** MAP_READ buffer [maxChunk, hidden] for this stage's output (not on the last stage). */
  staging: GPUBuffer | null;
}

export interface RunOptions {
  allLogits: boolean;
  taps?: ReadonlyMap<string, Tap>;
  /** Records extra work into the last stage's submission of each chunk (logit copies, sampling). */
  after?: (rec: Recorder, start: number, n: number) => void;
  /** Wait for the GPUs at the end (default true). */
  wait?: boolean;
  /**
   * Batched prompts: per id, its position in its prompt and the cache row of
   * its prompt's first token (sliced per chunk; see ChunkSegments).
   */
  segments?: ChunkSegments;
}

export class Pipeline {
  readonly stages: readonly Stage[];
  readonly maxChunk: number;
  /** Bytes copied between devices so far (residual stream only). */
  transferredBytes = 0;

  constructor(graphs: readonly LlamaGraph[]) {
    const hidden = graphs[0].config.hiddenSize;
    this.maxChunk = Math.min(...graphs.map((g) => g.maxChunk));
    const stages: Stage[] = [];
    try {
      graphs.forEach((graph, i) => {
        const last = i === graphs.length - 1;
        const staging = last ? null : graph.gpu.createBuffer(
          `Pipeline.staging.${i}`,
          this.maxChunk * hidden * 4,
          GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
        );
        stages.push({ gpu: graph.gpu, graph, staging });
      });
    } catch (e) {
      for (const s of stages) if (s.staging) s.gpu.destroyBuffer(s.staging);
      throw e;
    }
    this.stages = stages;
  }

  get first(): Stage {
    return this.stages[0];
  }

  get last(): Stage {
    return this.stages[this.stages.length - 1];
  }

  /** The device of a layer's stage. */
  stageOfLayer(layer: number): Stage {
    const s = this.stages.find((s) => {
      const [a, b] = s.graph.layerRange;
      return layer >= a && layer < b;
    });
    if (!s) throw new Error(`layer ${layer} is on no device`);
    return s;
  }

  /**
   * Runs `ids` chunk by chunk through every stage, continuing `cache` (its
   * length advances by ids.length). Chunk c's transfer to stage s + 1 waits on
   * stage s only, so later chunks' compute on stage s overlaps nothing yet:
   * transfers are synchronous per chunk (see ARCHITECTURE.md).
   */
  async run(ids: Uint32Array, cache: KvCache, o: RunOptions): Promise<void> {
    const hidden = this.first.graph.config.hiddenSize;
    for (let start = 0; start < ids.length; start += this.maxChunk) {
      const chunk = ids.subarray(start, start + this.maxChunk);
      const n = chunk.length, bytes = n * hidden * 4;
      let carried: Uint8Array<ArrayBuffer> | null = null;
      for (const stage of this.stages) {
        stage.gpu.assertAlive();
        if (carried) stage.gpu.write(stage.graph.scratch.x.buffer, carried);
        const rec = new Recorder(stage.gpu, "forward");
        try {
          await stage.graph.record(rec, {
            tokens: chunk,
            cache,
            allLogits: o.allLogits,
            taps: o.taps,
            segments: o.segments && {
              positions: o.segments.positions.subarray(start, start + n),
              firstKey: o.segments.firstKey.subarray(start, start + n),
            },
          });
          if (stage.staging) rec.copy(stage.graph.scratch.x.buffer, 0, stage.staging, 0, bytes);
          else o.after?.(rec, start, n);
          rec.submit();
        } catch (e) {
          rec.abandon();
          throw e;
        }
        if (stage.staging) {
          await stage.gpu.guard(stage.staging.mapAsync(GPUMapMode.READ, 0, bytes));
          carried = new Uint8Array(stage.staging.getMappedRange(0, bytes).slice(0));
          stage.staging.unmap();
          this.transferredBytes += bytes;
        }
      }
      cache.advance(n);
    }
    if (o.wait ?? true) {
      // Earlier stages are done: their output was mapped. Only the last one's
      // work may still be running; waiting on the others would cost a poll each.
      await this.last.gpu.guard(this.last.gpu.device.queue.onSubmittedWorkDone());
      for (const s of this.stages) s.gpu.assertAlive();
    }
  }

  dispose(): void {
    for (const s of this.stages) {
      if (s.staging) s.gpu.destroyBuffer(s.staging);
      s.graph.dispose();
    }
  }
}
