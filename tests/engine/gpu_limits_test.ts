// Binding and chunk sizes under a device's limits: no buffer Loupe sizes by
// maxBindingBytes reaches maxBufferSize, which Chromium's SwiftShader grants
// (1 GiB) but cannot allocate (the full-size run's 65,536 x 4,096 f32 SAE
// matrix failed with VK_ERROR_OUT_OF_DEVICE_MEMORY as one 1 GiB chunk). The
// row split is checked through Matrix.rowsPerChunk on a device wrapper with
// SwiftShader's limits (nothing allocated), and on this machine's device.

import assert from "node:assert/strict";
import { BUFFER_HEADROOM, Gpu, maxBindingFor } from "../../engine/gpu/gpu.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { testGpu } from "../util/gpu.ts";

const GIB = 2 ** 30;
const SWIFTSHADER = { maxStorageBufferBindingSize: GIB, maxBufferSize: GIB };

Deno.test("maxBindingFor: the binding limit, BUFFER_HEADROOM under maxBufferSize, or less if asked", () => {
  assert.equal(maxBindingFor(SWIFTSHADER), GIB - BUFFER_HEADROOM);
  // A binding limit below the buffer limit is taken as it is.
  assert.equal(
    maxBindingFor({ maxStorageBufferBindingSize: 128 << 20, maxBufferSize: GIB }),
    128 << 20,
  );
  assert.equal(maxBindingFor(SWIFTSHADER, 4096), 4096);
  assert.equal(maxBindingFor(SWIFTSHADER, 2 * GIB), GIB - BUFFER_HEADROOM);
  assert.equal(maxBindingFor(SWIFTSHADER) % 4, 0, "a multiple of 4 bytes");
});

Deno.test("a 65,536 x 4,096 f32 matrix under SwiftShader's 1 GiB limits is two chunks, each under 1 GiB", () => {
  const lost = new Promise<GPUDeviceLostInfo>(() => {});
  const device = {
    limits: SWIFTSHADER,
    lost,
    addEventListener() {},
  } as unknown as GPUDevice;
  const gpu = Gpu.fromDevice(device, "swiftshader-limits");
  const per = Matrix.rowsPerChunk(gpu, 4096);
  assert.ok(per < 65536, `rows per chunk ${per}`);
  assert.equal(Math.ceil(65536 / per), 2);
  assert.ok(per * 4096 * 4 < GIB);
});

Deno.test("this device: maxBindingBytes stays under maxBufferSize", async () => {
  const gpu = await testGpu();
  const l = gpu.device.limits;
  assert.ok(gpu.maxBindingBytes <= l.maxBufferSize - BUFFER_HEADROOM);
  assert.ok(gpu.maxBindingBytes <= l.maxStorageBufferBindingSize);
  assert.equal(gpu.maxBindingBytes, maxBindingFor(l));
});
