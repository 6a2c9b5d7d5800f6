// One device per test file (creating devices is slow on software adapters).

import { Gpu, type GpuOptions } from "../../engine/gpu/gpu.ts";

const devices = new Map<string, Promise<Gpu>>();

export function testGpu(options: GpuOptions = {}): Promise<Gpu> {
  const key = JSON.stringify({ b: options.maxBindingBytes ?? null, n: options.name ?? null });
  let g = devices.get(key);
  if (!g) devices.set(key, g = Gpu.create(options));
  return g;
}
