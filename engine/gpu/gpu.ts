// One WebGPU device and everything that is per-device: the pipeline cache, the
// live-buffer count (tests assert that a failed load leaves none behind),
// uniform slabs and readback. Kernels never build pipelines themselves.

import { DeviceLostError, NoAdapterError, OutOfMemoryError } from "../errors.ts";
import { noAdapterMessage } from "./no_adapter.ts";
import type { Kernel } from "./kernel.ts";
import { maxBindingFor } from "./limits.ts";
import {
  activationUsage,
  type AdapterSummary,
  type GpuOptions,
  OPTIONAL_FEATURES,
} from "./adapter.ts";

export { activationUsage, type AdapterSummary, type GpuOptions };

export { BUFFER_HEADROOM, maxBindingFor } from "./limits.ts";

/**
 * One WebGPU device and everything that is per device: the one pipeline cache,
 * tracked buffers (`liveBuffers`), pooled scratch and uniform slabs.
 */
export class Gpu {
  /** The device's name in errors and labels ("gpu0"). */
  readonly name: string;
  /** The adapter, when this Gpu requested the device itself. */
  readonly adapter: GPUAdapter | null;
  /** The WebGPU device. */
  readonly device: GPUDevice;
  /** Bytes one storage binding may span: the device limit, or lower for tests. */
  readonly maxBindingBytes: number;
  readonly #pipelines = new Map<string, GPUComputePipeline>();
  readonly #live = new Map<GPUBuffer, number>();
  #lostReason: string | null = null;
  #lostKind = "unknown";
  /** Bytes queued by write() since the queue last caught up (see settleWrites). */
  #unsettledBytes = 0;
  /** Resolves with a reason once the device is lost (never rejects). */
  readonly lost: Promise<string>;
  #errors: string[] = [];
  /** Rejects of the guard() calls waiting now, failed at once if the device is lost. */
  readonly #waiters = new Set<(e: Error) => void>();
  /** Whether fast variants may use optional features (GpuOptions.optionalFeatures). */
  #optional = true;
  /** The Recorder's free uniform slabs on this device (see recorder.ts). */
  readonly uniformSlabs: { buffer: GPUBuffer; bytes: Uint8Array<ArrayBuffer>; used: number }[] = [];
  /** Free transient buffers by byte size (see acquire / release). */
  readonly #pool = new Map<number, GPUBuffer[]>();
  /**
   * The recorder of the pass being recorded, if any: Tensor ops made inside an
   * intervention join that pass instead of submitting on their own.
   */
  activeRecorder: import("./recorder.ts").Recorder | null = null;

  private constructor(
    name: string,
    adapter: GPUAdapter | null,
    device: GPUDevice,
    maxBinding: number,
  ) {
    this.name = name;
    this.adapter = adapter;
    this.device = device;
    this.maxBindingBytes = maxBinding;
    this.lost = device.lost.then((info) => {
      this.#lostReason = `${info.reason}: ${info.message}`;
      this.#lostKind = info.reason;
      for (const fail of this.#waiters) fail(this.#lostError());
      this.#waiters.clear();
      return this.#lostReason;
    });
    // Shader compile and validation errors surface here, asynchronously; they
    // are thrown at the next sync point (assertAlive) instead of leaving a
    // pipeline that silently does nothing.
    device.addEventListener("uncapturederror", (e) => {
      this.#errors.push((e as GPUUncapturedErrorEvent).error.message);
    });
  }

  /**
   * Requests an adapter and a device (with the optional features it offers).
   * Throws NoAdapterError, naming the missing driver and the fix, when there is none.
   */
  static async create(options: GpuOptions = {}): Promise<Gpu> {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    if (!options.adapter && !gpu) throw new NoAdapterError(noAdapterMessage("no navigator.gpu"));
    const adapter = options.adapter ?? await gpu!.requestAdapter();
    if (!adapter) throw new NoAdapterError(noAdapterMessage("requestAdapter() returned null"));
    const l = adapter.limits;
    const wanted = options.optionalFeatures === false ? [] : OPTIONAL_FEATURES;
    const device = await adapter.requestDevice({
      label: options.name ?? "gpu0",
      requiredFeatures: wanted.filter((f) => adapter.features.has(f)),
      requiredLimits: {
        maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
        maxBufferSize: l.maxBufferSize,
        maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
        maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
        maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
        maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
        maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
        // Smaller alignments let row views of activations start at any row.
        minStorageBufferOffsetAlignment: l.minStorageBufferOffsetAlignment,
        minUniformBufferOffsetAlignment: l.minUniformBufferOffsetAlignment,
        maxUniformBufferBindingSize: l.maxUniformBufferBindingSize,
      },
    });
    const made = new Gpu(
      options.name ?? "gpu0",
      adapter,
      device,
      maxBindingFor(device.limits, options.maxBindingBytes),
    );
    made.#optional = options.optionalFeatures !== false;
    return made;
  }

  /** Wraps a device someone else requested (its limits are whatever they asked for). */
  static fromDevice(device: GPUDevice, name: string, maxBindingBytes?: number): Gpu {
    return new Gpu(name, null, device, maxBindingFor(device.limits, maxBindingBytes));
  }

  /**
   * The subgroup size when the device has "subgroups" and every subgroup has
   * the same size (adapter info subgroupMinSize == subgroupMaxSize: NVIDIA and
   * Apple 32, SwiftShader 4), else null. Kernels that reduce with subgroupAdd
   * use workgroups of exactly one subgroup, so they need the size fixed.
   */
  get subgroupSize(): number | null {
    if (!this.#optional || !this.device.features.has("subgroups")) return null;
    const info = (this.adapter?.info ??
      (this.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo) as
        | (GPUAdapterInfo & { subgroupMinSize?: number; subgroupMaxSize?: number })
        | undefined;
    const min = info?.subgroupMinSize, max = info?.subgroupMaxSize;
    return min && min === max ? min : null;
  }

  /**
   * Whether WGSL has dot4I8Packed here (the runtime's wgslLanguageFeatures has
   * "packed_4x8_integer_dot_product": Deno 2.9 and Chromium do), unless
   * optional features are off.
   */
  get hasPacked4x8(): boolean {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu as
      | (GPU & { wgslLanguageFeatures?: ReadonlySet<string> })
      | undefined;
    const features = gpu?.wgslLanguageFeatures;
    return this.#optional && (features?.has("packed_4x8_integer_dot_product") ?? false);
  }

  /** A software adapter (llvmpipe, SwiftShader): kernels pick shapes that suit CPUs. */
  get isFallbackAdapter(): boolean {
    const info = this.adapter?.info ??
      (this.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
    return info?.isFallbackAdapter ?? false;
  }

  /**
   * Chromium's SwiftShader (vendor "google", architecture "swiftshader"): a
   * software adapter like llvmpipe, but with a far slower shader compiler for
   * large kernels (shaders/matmul_rows.ts, largestRowsTile).
   */
  get isSwiftShader(): boolean {
    const info = this.adapter?.info ??
      (this.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
    return /swiftshader/i.test(`${info?.architecture ?? ""} ${info?.description ?? ""}`);
  }

  /** What the adapter is and its limits, for messages and benchmarks. */
  get summary(): AdapterSummary {
    const info = this.adapter?.info ??
      (this.device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo ??
      ({ description: "", vendor: "", architecture: "", device: "" } as GPUAdapterInfo);
    return {
      // Browsers may hide the description; vendor and architecture still say
      // which adapter it is ("google swiftshader").
      description: info.description ||
        [info.vendor, info.architecture].filter((x) => x).join(" ") || info.device ||
        "unknown adapter",
      vendor: info.vendor,
      architecture: info.architecture,
      features: [...(this.adapter?.features ?? this.device.features)].sort(),
      maxStorageBufferBindingSize: this.device.limits.maxStorageBufferBindingSize,
      maxBufferSize: this.device.limits.maxBufferSize,
    };
  }

  /** WebGPU's GPUDeviceLostInfo.reason once lost ("destroyed" or "unknown"), else null. */
  get lostKind(): string | null {
    return this.#lostReason === null ? null : this.#lostKind;
  }

  /** True once the device is lost. */
  get isLost(): boolean {
    return this.#lostReason !== null;
  }

  /**
   * Waits for `p`, or fails as soon as the device is lost: a lost device may
   * never settle a pending map or work-done promise, and nothing may hang.
   */
  async guard<T>(p: Promise<T>): Promise<T> {
    // The losing racer must not become an unhandled rejection.
    p.catch(() => {});
    if (this.#lostReason !== null) throw this.#lostError();
    // Not `this.lost.then(...)` per call: reactions on a promise that never
    // settles are never freed (656 bytes per call, measured), and generation
    // waits here once per token.
    let fail!: (e: Error) => void;
    const lost = new Promise<never>((_, reject) => (fail = reject));
    this.#waiters.add(fail);
    try {
      return await Promise.race([p, lost]);
    } finally {
      this.#waiters.delete(fail);
    }
  }

  #lostError(): Error {
    return new DeviceLostError(
      this.#lostKind,
      `GPU device ${this.name} was lost (${this.#lostReason})`,
    );
  }

  /**
   * Throws if the device was lost or reported a validation error; callers
   * check before and after GPU work.
   */
  assertAlive(): void {
    if (this.#lostReason !== null) {
      throw new Error(`GPU device ${this.name} was lost (${this.#lostReason})`);
    }
    if (this.#errors.length > 0) {
      const errors = this.#errors.splice(0);
      throw new Error(`GPU device ${this.name} reported an error: ${errors.join("; ")}`);
    }
  }

  // ---- pipelines -------------------------------------------------------------

  /**
   * The one pipeline cache: built once per kernel key on this device. The key is
   * also the GPU label, so validation errors name the kernel variant.
   */
  pipeline(kernel: Kernel): GPUComputePipeline {
    let p = this.#pipelines.get(kernel.key);
    if (!p) {
      const module = this.device.createShaderModule({ label: kernel.key, code: kernel.source });
      p = this.device.createComputePipeline({
        label: kernel.key,
        layout: "auto",
        compute: { module, entryPoint: kernel.entryPoint ?? "main", constants: kernel.constants },
      });
      this.#pipelines.set(kernel.key, p);
    }
    return p;
  }

  /** Keys of the kernels compiled on this device so far, sorted. */
  get pipelineKeys(): string[] {
    return [...this.#pipelines.keys()].sort();
  }

  // ---- buffers ---------------------------------------------------------------

  /** Creates a tracked buffer. Size is rounded up to 4 bytes (a WebGPU rule). */
  createBuffer(label: string, size: number, usage: GPUBufferUsageFlags): GPUBuffer {
    this.assertAlive();
    const bytes = Math.max(4, Math.ceil(size / 4) * 4);
    if (bytes > this.device.limits.maxBufferSize) {
      throw new OutOfMemoryError(
        bytes,
        this.device.limits.maxBufferSize,
        `${label}: buffer of ${bytes} bytes exceeds maxBufferSize ${this.device.limits.maxBufferSize} on ${this.name}`,
      );
    }
    const buffer = this.device.createBuffer({ label, size: bytes, usage });
    this.#live.set(buffer, bytes);
    return buffer;
  }

  /** A storage buffer holding `data`, usable as kernel input and copy source. */
  upload(label: string, data: ArrayBufferView, extraUsage: GPUBufferUsageFlags = 0): GPUBuffer {
    const buffer = this.createBuffer(
      label,
      data.byteLength,
      GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC | extraUsage,
    );
    this.write(buffer, data);
    return buffer;
  }

  /** Queues a write of `data` into `buffer` at `offset` (padded to 4 bytes). */
  write(buffer: GPUBuffer, data: ArrayBufferView, offset = 0): void {
    const bytes = new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
    this.#unsettledBytes += bytes.byteLength;
    if (bytes.byteLength % 4 === 0) {
      this.device.queue.writeBuffer(buffer, offset, bytes);
    } else {
      const padded = new Uint8Array(Math.ceil(bytes.byteLength / 4) * 4);
      padded.set(bytes);
      this.device.queue.writeBuffer(buffer, offset, padded);
    }
  }

  /**
   * Waits for the queue once more than `thresholdBytes` have been written since
   * it last caught up. WebGPU stages every queue.writeBuffer in host memory
   * until the queue has processed it, so a loader that writes a whole
   * checkpoint without waiting holds a second copy of it: on llvmpipe, 2.15 GB
   * written into buffers gave an RSS of 4.4 GB, and 2.3 GB when waiting every
   * 256 MiB. Loaders call this after each slab.
   */
  async settleWrites(thresholdBytes = 256 << 20): Promise<void> {
    if (this.#unsettledBytes < thresholdBytes) return;
    this.#unsettledBytes = 0;
    this.device.queue.submit([]);
    await this.guard(this.device.queue.onSubmittedWorkDone());
  }

  /**
   * A storage buffer for a short-lived tensor, from the pool when one of that
   * size is free, so that interventions do not allocate per token.
   */
  acquire(label: string, size: number): GPUBuffer {
    const bytes = Math.max(4, Math.ceil(size / 4) * 4);
    const free = this.#pool.get(bytes)?.pop();
    if (free) return free;
    return this.createBuffer(label, bytes, activationUsage());
  }

  /** Returns an acquired buffer to the pool; later queue work is ordered after earlier use. */
  release(buffer: GPUBuffer): void {
    if (!this.#live.has(buffer)) return;
    const list = this.#pool.get(buffer.size) ?? [];
    list.push(buffer);
    this.#pool.set(buffer.size, list);
  }

  /** Destroys pooled buffers and free uniform slabs (both refill on demand). */
  trimPool(): void {
    for (const list of this.#pool.values()) for (const b of list) this.destroyBuffer(b);
    this.#pool.clear();
    for (const s of this.uniformSlabs.splice(0)) this.destroyBuffer(s.buffer);
  }

  /** Destroys a buffer made by this Gpu and stops counting it. */
  destroyBuffer(buffer: GPUBuffer): void {
    if (this.#live.delete(buffer)) buffer.destroy();
  }

  /** Number and total bytes of buffers created here and not yet destroyed. */
  get liveBuffers(): { count: number; bytes: number } {
    let bytes = 0;
    for (const b of this.#live.values()) bytes += b;
    return { count: this.#live.size, bytes };
  }

  /** Copies `size` bytes of a buffer to the CPU. Slow path: waits for the GPU. */
  async read(buffer: GPUBuffer, offset = 0, size = buffer.size - offset): Promise<ArrayBuffer> {
    this.assertAlive();
    const padded = Math.ceil(size / 4) * 4;
    const staging = this.createBuffer(
      `${buffer.label}.readback`,
      padded,
      GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    );
    try {
      const enc = this.device.createCommandEncoder({ label: `${buffer.label}.readback` });
      enc.copyBufferToBuffer(buffer, offset, staging, 0, padded);
      this.device.queue.submit([enc.finish()]);
      await this.guard(staging.mapAsync(GPUMapMode.READ));
      const out = staging.getMappedRange().slice(0, size);
      staging.unmap();
      this.assertAlive();
      return out;
    } catch (e) {
      this.assertAlive();
      throw e;
    } finally {
      this.destroyBuffer(staging);
    }
  }

  /** Destroys every buffer still alive and the device itself. */
  destroy(): void {
    for (const b of this.#live.keys()) b.destroy();
    this.#live.clear();
    this.#pool.clear();
    this.#pipelines.clear();
    this.device.destroy();
  }
}
