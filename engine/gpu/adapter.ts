// What Gpu.create takes and reports, and the usage every activation buffer gets.

/** Options of {@link Gpu.create}. */
export interface GpuOptions {
  /** Use this adapter instead of asking navigator.gpu for one. */
  adapter?: GPUAdapter;
  /**
   * Pretend the device binds at most this many bytes per storage binding.
   * Tests lower it to exercise the chunked paths that 70B-sized matrices need.
   */
  maxBindingBytes?: number;
  /** A name for this device in errors and labels ("gpu0"). */
  name?: string;
  /**
   * Request the optional features fast kernel variants use when the adapter
   * offers them (today: "subgroups"); default true. false gives the plain
   * kernels, which tests compare the variants with.
   */
  optionalFeatures?: boolean;
}

/** Optional device features some kernels have a faster variant for. */
export const OPTIONAL_FEATURES: GPUFeatureName[] = ["subgroups" as GPUFeatureName];

/**
 * Usage of activation buffers (tensors, pooled scratch): storage for every
 * kernel, and uniform too, so that a decode matvec can bind its x as a uniform
 * array (matvec_quant.ts: llvmpipe then loads x once per workgroup, not once
 * per lane).
 */
export function activationUsage(): GPUBufferUsageFlags {
  return GPUBufferUsage.STORAGE | GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_SRC |
    GPUBufferUsage.COPY_DST;
}

/** A readable summary of the adapter, for load messages and benchmarks. */
export interface AdapterSummary {
  /** The adapter's description ("llvmpipe (LLVM 19.1.7, 256 bits)"); browsers may hide it. */
  description: string;
  /** The vendor ("mesa", "google"). */
  vendor: string;
  /** The architecture ("swiftshader"), when known. */
  architecture: string;
  /** The device's features, sorted. */
  features: string[];
  /** The largest storage binding the device allows, in bytes. */
  maxStorageBufferBindingSize: number;
  /** The largest buffer the device allows, in bytes. */
  maxBufferSize: number;
}
