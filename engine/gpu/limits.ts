// How large one storage binding and one matrix chunk may be on a device:
// the adapter's limits, less a headroom SwiftShader needs.

/**
 * Bytes kept free under maxBufferSize by the largest buffers Loupe makes
 * (binding-sized chunks of matrices): Chromium 150's SwiftShader grants
 * maxBufferSize 1 GiB but fails to allocate a buffer of exactly 1 GiB
 * (VK_ERROR_OUT_OF_DEVICE_MEMORY; 1 GiB - 256 B allocates), which the
 * 65,536 x 4,096 f32 matrices of Goodfire's 8B SAE hit as one chunk.
 */
export const BUFFER_HEADROOM = 64 * 1024;

/**
 * Bytes one storage binding (and one matrix chunk) may span on a device with
 * `limits`: maxStorageBufferBindingSize, at most maxBufferSize - BUFFER_HEADROOM,
 * and at most `requested` (tests force small chunks with it).
 */
export function maxBindingFor(
  limits: { maxStorageBufferBindingSize: number; maxBufferSize: number },
  requested?: number,
): number {
  const limit = Math.min(
    limits.maxStorageBufferBindingSize,
    limits.maxBufferSize - BUFFER_HEADROOM,
  );
  return Math.min(limit, requested ?? limit);
}
