// Engine.load of a device-layout container (engine/formats/device_container.ts,
// written by engine.saveWeights): found by its name (*.loupe.safetensors, as a
// path or the one such file of a FileSource without config.json), opened and
// checked before any device exists. The weights then load stage by stage with
// loadContainerStage: bytes to buffers, no conversion.

import { CONTAINER_SUFFIX, DeviceContainer } from "./formats/device_container.ts";
import { type FileSource, openSource, splitFileSource } from "./formats/source.ts";
import { Tokenizer } from "./formats/tokenizer.ts";
import type { LlamaConfig } from "./formats/config.ts";
import { abortableSource } from "./platform/files.ts";
import { FormatError, UsageError } from "./errors.ts";
import type { MatrixFormat } from "./quant/format.ts";
import { layoutPlanFormat } from "./formats/device_container.ts";
import { expectedTensors } from "./model/weights.ts";
import { containerRopeFactors } from "./model/weights_container.ts";
import { TOP_TENSORS } from "./model/modules.ts";
import type { LoadOptions } from "./load.ts";

/** A container opened for Engine.load. */
export interface ContainerModel {
  describe: string;
  config: LlamaConfig;
  tokenizer: Tokenizer;
  container: DeviceContainer;
  /** Formats bounding the bytes of the layer matrices and of the embedding / head. */
  layerPlan: MatrixFormat;
  embedPlan: MatrixFormat;
}

const PLAN_RANK: readonly MatrixFormat[] = ["q4", "q4k", "q6k", "q8", "f32"];
const isContainerName = (name: string) => name.toLowerCase().endsWith(CONTAINER_SUFFIX);

/** The container `given` names or holds, opened; null for any other source. */
export async function openContainerModel(
  given: string | FileSource,
  o: LoadOptions,
): Promise<ContainerModel | null> {
  let files: FileSource, file: string;
  if (typeof given === "string") {
    const split = splitFileSource(given, /\.loupe\.safetensors$/i);
    if (!split) return null;
    files = await openSource(split.folder, o);
    file = split.file;
  } else {
    if (await given.has("config.json")) return null;
    const found = (given.names ?? []).filter(isContainerName);
    if (found.length !== 1) return null;
    files = o.signal ? abortableSource(given, o.signal) : given;
    file = found[0];
  }
  checkOptions(o, file);
  const container = await DeviceContainer.open(await files.open(file));
  try {
    const config = container.info.config;
    const rope = await containerRopeFactors(container, config);
    if (rope) config.ropeFreqFactors = rope;
    const text = async (name: string) => await container.fileText(name);
    const json = await text("tokenizer.json");
    if (json === null) {
      throw new FormatError(container.file, "tensor loupe.file.tokenizer.json is missing", {
        tensor: "loupe.file.tokenizer.json",
      });
    }
    const tokenizer = Tokenizer.fromText(
      json,
      await text("tokenizer_config.json"),
      `${container.file} (tokenizer.json)`,
      {
        configFile: `${container.file} (tokenizer_config.json)`,
        chatTemplate: await text("chat_template.jinja") ?? undefined,
        vocabSize: config.vocabSize,
      },
    );
    // Every matrix's layout is checked against the config here, before devices exist.
    let layer = 0, embed = 0;
    for (const [name, shape] of expectedTensors(config)) {
      if (shape.length !== 2) continue;
      const rank = PLAN_RANK.indexOf(layoutPlanFormat(container.layout(name, shape)));
      if (name === TOP_TENSORS.embed || name === TOP_TENSORS.lmHead) embed = Math.max(embed, rank);
      else layer = Math.max(layer, rank);
    }
    return {
      describe: `${files.describe}/${file}`,
      config,
      tokenizer,
      container,
      layerPlan: PLAN_RANK[layer],
      embedPlan: PLAN_RANK[embed],
    };
  } catch (e) {
    container.close();
    throw e;
  }
}

/** Options that would convert weights cannot apply to a container's, which are converted already. */
function checkOptions(o: LoadOptions, file: string): void {
  for (const key of ["quant", "embedQuant", "importance", "budget"] as const) {
    if (o[key] !== undefined && o[key] !== false) {
      throw new UsageError(
        `Engine.load ${key}: ${file} holds weights already in their device layout ` +
          `(saved by engine.saveWeights); load it without ${key}`,
      );
    }
  }
}
