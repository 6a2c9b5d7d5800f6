// The demo's token attribution starts at once only when it is cheap
// (demo/web/attribution_panel.ts): at 8B one held the engine, and the chat,
// for 6.6 minutes in Chromium, so there it waits for a click.

import assert from "node:assert/strict";
import {
  ATTRIBUTE_AT_ONCE_FLOPS,
  attributionFlops,
  flopText,
} from "../../demo/web/attribution_panel.ts";
import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { openSource } from "../../engine/formats/source.ts";
import { modelPath } from "../util/fixtures.ts";

const LLAMA_8B = {
  hiddenSize: 4096,
  intermediateSize: 14336,
  numHiddenLayers: 32,
  vocabSize: 128256,
};

Deno.test("token attribution cost: the bundled model attributes at once, an 8B waits for a click", async () => {
  // 8B: 8.84e9 weights counted (8.03e9 in fact: k and v are grouped), x 6 flops per token.
  const per = attributionFlops(LLAMA_8B, 1);
  assert.ok(Math.abs(per / 6 - 8.835e9) < 0.01e9, `${per / 6} weights`);
  assert.ok(attributionFlops(LLAMA_8B, 2) > ATTRIBUTE_AT_ONCE_FLOPS, "two tokens of 8B wait");
  for (const name of ["stories260K", "llama3-tiny"] as const) {
    const config = await loadLlamaConfig(await openSource(modelPath(name)));
    const flops = attributionFlops(config, 256);
    assert.ok(
      flops < ATTRIBUTE_AT_ONCE_FLOPS,
      `${name}: ${flops.toExponential(2)} flops at 256 tokens`,
    );
  }
});

Deno.test("token attribution cost: written without exponents", () => {
  assert.equal(flopText(3.2e12), "3.2 TFLOP");
  assert.equal(flopText(9.5e11), "950 GFLOP");
  assert.equal(flopText(4.1e8), "0.41 GFLOP");
  assert.equal(flopText(2.5e13), "25 TFLOP");
});
