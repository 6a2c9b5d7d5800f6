// Runs before the test suite (deno task test): without a WebGPU adapter every
// GPU test would fail with the same stack trace, so say once what is missing
// and how to fix it, and stop.

import { noAdapterMessage } from "../engine/gpu/no_adapter.ts";

const adapter = await navigator.gpu?.requestAdapter();
if (!adapter) {
  console.error(
    `tests: ${
      noAdapterMessage(navigator.gpu ? "requestAdapter() returned null" : "no navigator.gpu")
    }`,
  );
  Deno.exit(1);
}
