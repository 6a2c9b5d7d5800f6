// Paths and readers for the reference fixtures in tests/fixtures/ (see its README.md).

import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { FIXTURES } from "./fixtures_dir.ts";

// A folder path under Deno, an http URL in the browser tests.
export { FIXTURES };

export const MODELS = ["stories260K", "llama3-tiny", "tinystories-656k"] as const;
export type ModelName = typeof MODELS[number];
/**
 * A seeded llama3-style model with tied F16 embeddings and 8 KV heads for 8
 * heads (tests/util/make_tied_f16_fixture.ts). It has reference.safetensors
 * only (no interventions or gradients), so it is not one of MODELS.
 */
export const TIED_F16_MODEL = "llama3-tied-f16" as const;

export function modelPath(name: ModelName | typeof TIED_F16_MODEL): string {
  return `${FIXTURES}models/${name}`;
}

/** Every tensor of a reference .safetensors file, read into memory. */
export async function readReference(
  folder: string,
  file: string,
): Promise<Map<string, Float32Array | Int32Array>> {
  const ckpt = await openSafetensors(await openSource(folder), file);
  try {
    const out = new Map<string, Float32Array | Int32Array>();
    for (const name of ckpt.tensors.keys()) out.set(name, await ckpt.readTensor(name));
    return out;
  } finally {
    ckpt.close();
  }
}
