// --intervene NAME:add=FILE.safetensors | NAME:zero | NAME:scale=S, for
// `loupe run` and `loupe generate`. FILE holds a tensor `vector` [hidden]
// (each fixture folder has one: vector.safetensors).

import type { Engine } from "../engine/engine.ts";
import { openSafetensors } from "../engine/formats/safetensors.ts";
import { openSource } from "../engine/formats/source.ts";
import type { Tensor } from "../engine/ops/tensor.ts";
import type { Intervention } from "../engine/hooks.ts";

export interface ParsedInterventions {
  interventions: Record<string, Intervention>;
  dispose(): void;
}

const SPEC = /^([A-Za-z0-9_.]+):(add=(.+)|zero|scale=(.+))$/;

async function readVector(file: string, width: number): Promise<Float32Array> {
  const slash = file.lastIndexOf("/");
  const dir = slash < 0 ? "." : file.slice(0, slash) || "/";
  const ckpt = await openSafetensors(await openSource(dir), file.slice(slash + 1));
  try {
    const info = ckpt.tensors.get("vector");
    if (!info) {
      throw new Error(
        `${file}: no tensor named "vector" (has: ${[...ckpt.tensors.keys()].join(", ")})`,
      );
    }
    if (info.shape.length !== 1 || info.shape[0] !== width) {
      throw new Error(
        `${file}: tensor vector has shape [${info.shape}], expected [${width}] (the model's hidden size)`,
      );
    }
    return await ckpt.readF32("vector");
  } finally {
    ckpt.close();
  }
}

/** Parses the specs against the engine's module names; vectors go to the GPU. */
export async function parseInterventions(
  specs: readonly string[],
  engine: Engine,
  usage: (msg: string) => Error,
): Promise<ParsedInterventions> {
  const interventions: Record<string, Intervention> = {};
  const owned: Tensor[] = [];
  try {
    for (const spec of specs) {
      const m = SPEC.exec(spec);
      if (!m) {
        throw usage(
          `--intervene expects NAME:add=FILE.safetensors, NAME:zero or NAME:scale=S, got "${spec}"`,
        );
      }
      const [, name, , file, scale] = m;
      if (!engine.moduleNames.includes(name)) {
        throw usage(
          `--intervene: unknown module "${name}"; valid names: ${engine.moduleNames.join(", ")}`,
        );
      }
      if (interventions[name]) throw usage(`--intervene: ${name} is given twice`);
      if (file !== undefined) {
        const vector = engine.tensor(await readVector(file, engine.config.hiddenSize), [
          engine.config.hiddenSize,
        ]);
        owned.push(vector);
        interventions[name] = (x) => x.addVector(vector);
      } else if (scale !== undefined) {
        const s = Number(scale);
        if (!Number.isFinite(s)) {
          throw usage(`--intervene ${name}:scale= expects a number, got "${scale}"`);
        }
        interventions[name] = (x) => x.scale(s);
      } else {
        interventions[name] = (x) => x.zerosLike();
      }
    }
  } catch (e) {
    for (const t of owned) t.dispose();
    throw e;
  }
  return { interventions, dispose: () => owned.forEach((t) => t.dispose()) };
}
