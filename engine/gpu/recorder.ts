// Records many kernel dispatches into one command encoder and submits them
// together: a whole forward pass is one submission. Uniform params are packed
// into shared slabs (one writeBuffer per slab at submit) instead of a buffer per
// dispatch. Slabs are reused right after submit: queue.writeBuffer is ordered
// on the queue after the previous submission's reads.

import type { Gpu } from "./gpu.ts";
import type { Kernel, ParamFields, ParamValues } from "./kernel.ts";
import type { Lease } from "./tensor.ts";

const SLAB_BYTES = 64 * 1024;

/** A buffer, or a byte range of one, bound as a storage binding. */
export type Binding = GPUBuffer | { buffer: GPUBuffer; offset?: number; size?: number };

/** One dispatch of a kernel: its params, buffers and workgroup counts. */
export interface Dispatch<F extends ParamFields = ParamFields> {
  /** Uniform values by name, packed per the kernel's params spec (kernel.ts defineParams). */
  params?: ParamValues<F>;
  /** Storage buffers bound at bindings 1..n in order. */
  buffers: readonly Binding[];
  /** Workgroups in x, y, z (y and z default to 1); grids over the device limit are refused. */
  workgroups: readonly [number, number?, number?];
}

interface Slab {
  buffer: GPUBuffer;
  bytes: Uint8Array<ArrayBuffer>;
  used: number;
}

/**
 * Records kernel dispatches and copies on one device into one command encoder,
 * submitted together (a forward pass is one submission). Low level: most code
 * uses Tensor ops and engine calls, which record through the active recorder.
 */
export class Recorder {
  /** The device it records for. */
  readonly gpu: Gpu;
  /** Its label: the command encoder's, and in errors. */
  readonly label: string;
  #encoder: GPUCommandEncoder;
  #pass: GPUComputePassEncoder | null = null;
  #slabs: Slab[] = [];
  #align: number;
  #finished = false;
  /** Pool buffers of tensors made during this pass (and their leases); released after submit. */
  #transient: { buffer: GPUBuffer; lease?: Lease }[] = [];
  /** Dispatches recorded so far (benchmarks and tests read it). */
  dispatchCount = 0;

  /** A new encoder on `gpu`; throws if the device is lost. */
  constructor(gpu: Gpu, label: string) {
    this.gpu = gpu;
    this.label = label;
    gpu.assertAlive();
    this.#encoder = gpu.device.createCommandEncoder({ label });
    this.#align = gpu.device.limits.minUniformBufferOffsetAlignment;
  }

  /**
   * Runs `fn` with this recorder as its device's active one: Tensor ops and
   * SAE calls made in it record into this submission (their results are then
   * transient, as in a pass) instead of each submitting on its own.
   */
  asActive<T>(fn: () => T): T {
    const gpu = this.gpu;
    if (gpu.activeRecorder === this) return fn();
    if (gpu.activeRecorder) {
      throw new Error(
        `${this.label}: ${gpu.name} is recording ${gpu.activeRecorder.label}; ` +
          `finish that pass before making another recorder active`,
      );
    }
    gpu.activeRecorder = this;
    try {
      return fn();
    } finally {
      gpu.activeRecorder = null;
    }
  }

  /** Records one dispatch of `kernel` (compiled once per device, by key). */
  dispatch<F extends ParamFields>(kernel: Kernel<F>, d: Dispatch<F>): void {
    const [x, y = 1, z = 1] = d.workgroups;
    if (x === 0 || y === 0 || z === 0) return;
    const maxGroups = this.gpu.device.limits.maxComputeWorkgroupsPerDimension;
    if (x > maxGroups || y > maxGroups || z > maxGroups) {
      throw new Error(
        `kernel ${kernel.key}: dispatch [${x}, ${y}, ${z}] exceeds ${maxGroups} per dimension`,
      );
    }
    const pipeline = this.gpu.pipeline(kernel);
    const entries: GPUBindGroupEntry[] = [];
    if ((d.params === undefined) !== (kernel.params === undefined)) {
      throw new Error(
        `kernel ${kernel.key}: ${kernel.params ? "needs params" : "takes no params"}, ` +
          `but the dispatch ${d.params ? "gives some" : "gives none"}`,
      );
    }
    if (d.params && kernel.params) {
      const bytes = kernel.params.encode(kernel.key, d.params);
      const { slab, offset } = this.#allocUniform(bytes.byteLength);
      slab.bytes.set(bytes, offset);
      entries.push({
        binding: 0,
        resource: { buffer: slab.buffer, offset, size: bytes.byteLength },
      });
    }
    d.buffers.forEach((b, i) => {
      const resource = "buffer" in b ? b : { buffer: b };
      this.#checkBinding(kernel, i + 1, resource);
      entries.push({ binding: i + 1, resource });
    });
    const bindGroup = this.gpu.device.createBindGroup({
      label: kernel.key,
      layout: pipeline.getBindGroupLayout(0),
      entries,
    });
    const pass = this.#pass ??= this.#encoder.beginComputePass({ label: this.label });
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(x, y, z);
    this.dispatchCount++;
  }

  /** Records a buffer-to-buffer copy of `size` bytes. */
  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, size: number): void {
    if (size === 0) return;
    this.#endPass();
    this.#encoder.copyBufferToBuffer(src, srcOffset, dst, dstOffset, size);
  }

  /** Zero-fills a byte range. */
  clear(buffer: GPUBuffer, offset: number, size: number): void {
    if (size === 0) return;
    this.#endPass();
    this.#encoder.clearBuffer(buffer, offset, size);
  }

  /**
   * Registers a pool buffer to be released once this pass is submitted; its
   * tensor's `lease` is marked released then, so later use of it throws.
   */
  adopt(buffer: GPUBuffer, lease?: Lease): void {
    this.#transient.push({ buffer, lease });
  }

  /** Takes a buffer back from the transient list: its tensor outlives the pass. */
  keep(buffer: GPUBuffer): boolean {
    const i = this.#transient.findIndex((t) => t.buffer === buffer);
    if (i < 0) return false;
    this.#transient.splice(i, 1);
    return true;
  }

  /** Writes the uniforms, submits the commands. The recorder cannot be reused. */
  submit(): void {
    if (this.#finished) throw new Error(`recorder ${this.label} was already submitted`);
    this.#submitEncoder();
    this.#finished = true;
    this.#releaseTransient();
  }

  /** Returns the transient buffers to the pool and ends their tensors' leases. */
  #releaseTransient(): void {
    for (const t of this.#transient) {
      if (t.lease) t.lease.released = true;
      this.gpu.release(t.buffer);
    }
    this.#transient = [];
  }

  /** Drops what was recorded (after an error); transient buffers go back to the pool. */
  abandon(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#endPass();
    for (const s of this.#slabs) {
      s.used = 0;
      this.gpu.uniformSlabs.push(s);
    }
    this.#slabs = [];
    this.#releaseTransient();
  }

  /**
   * Submits what was recorded so far and keeps recording into a new encoder
   * (used when a pass must read something back midway, e.g. debug checks).
   * Transient tensors stay valid.
   */
  flush(): void {
    if (this.#finished) throw new Error(`recorder ${this.label} was already submitted`);
    this.#submitEncoder();
    this.#encoder = this.gpu.device.createCommandEncoder({ label: this.label });
  }

  #submitEncoder(): void {
    this.#endPass();
    const queue = this.gpu.device.queue;
    for (const s of this.#slabs) queue.writeBuffer(s.buffer, 0, s.bytes, 0, s.used);
    queue.submit([this.#encoder.finish()]);
    for (const s of this.#slabs) {
      s.used = 0;
      this.gpu.uniformSlabs.push(s);
    }
    this.#slabs = [];
  }

  #checkBinding(
    kernel: Kernel,
    binding: number,
    r: { buffer: GPUBuffer; offset?: number; size?: number },
  ) {
    const size = r.size ?? r.buffer.size - (r.offset ?? 0);
    const align = this.gpu.device.limits.minStorageBufferOffsetAlignment;
    if ((r.offset ?? 0) % align !== 0) {
      throw new Error(
        `kernel ${kernel.key}: binding ${binding} (${r.buffer.label}) starts at byte ${r.offset}, ` +
          `not a multiple of minStorageBufferOffsetAlignment (${align}); copy the rows out first`,
      );
    }
    if (size > this.gpu.maxBindingBytes) {
      throw new Error(
        `kernel ${kernel.key}: binding ${binding} (${r.buffer.label}) spans ${size} bytes, more than ` +
          `one binding may hold on ${this.gpu.name} (${this.gpu.maxBindingBytes}); split it into chunks`,
      );
    }
  }

  #endPass(): void {
    this.#pass?.end();
    this.#pass = null;
  }

  #allocUniform(size: number): { slab: Slab; offset: number } {
    let slab = this.#slabs[this.#slabs.length - 1];
    const offset = slab ? Math.ceil(slab.used / this.#align) * this.#align : 0;
    if (!slab || offset + size > SLAB_BYTES) {
      slab = this.gpu.uniformSlabs.pop() ?? {
        buffer: this.gpu.createBuffer(
          "Recorder.uniformSlab",
          SLAB_BYTES,
          GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
        ),
        bytes: new Uint8Array(SLAB_BYTES),
        used: 0,
      };
      this.#slabs.push(slab);
      slab.used = size;
      return { slab, offset: 0 };
    }
    slab.used = offset + size;
    return { slab, offset };
  }
}
