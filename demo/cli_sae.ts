// SAE flags of the CLI: --sae SRC --layer NAME [--steer FEATURE:add=V ...]
// [--variant FILE] [--abort-when ...] [--save-variant FILE], and the
// `loupe features` command.

import type { Engine } from "../engine/engine.ts";
import type { Intervention } from "../engine/hooks.ts";
import {
  attachSae,
  checkVariantSae,
  FeatureLabels,
  loadVariant,
  parseModeratedList,
  Sae,
  type SaeAttachment,
  steering,
  variantAbortWhen,
  variantEdits,
  variantFromEdits,
  variantToJson,
} from "../sae/mod.ts";
import { readText } from "../sae/labels.ts";
import { parseAbortWhen, parseSteer } from "./cli_steer.ts";

export { parseAbortWhen, parseSteer };

export interface LoadedSae {
  sae: Sae;
  site: SaeAttachment;
  /** --include-moderated was given. */
  includeModerated: boolean;
  /** --steer, --variant and --abort-when as an intervention at the SAE's layer (else empty). */
  interventions: Record<string, Intervention>;
  /** Detaches the SAE from the engine and frees its buffers. */
  dispose(): void;
}

/** The SAE flags as loadSaeFlags takes them. */
export interface SaeFlags {
  sae?: string;
  layer?: string;
  steer: string[];
  /** --labels FILE. */
  labels?: string;
  /** --moderated FILE. */
  moderated?: string;
  /** --include-moderated. */
  includeModerated?: boolean;
  /** --variant FILE: edits and abort conditions applied before --steer's. */
  variant?: string;
  /** --abort-when specs. */
  abortWhen?: string[];
  /** --save-variant FILE: where to write the steering as a variant. */
  saveVariant?: string;
  /** The model source (a variant's base_model). */
  model?: string;
}

export async function loadSaeFlags(
  engine: Engine,
  v: SaeFlags,
  usage: (m: string) => Error,
): Promise<LoadedSae | null> {
  const aborts = parseAbortWhen(v.abortWhen ?? [], usage);
  if (!v.sae) {
    if (v.layer || v.steer.length) throw usage("--layer and --steer need --sae SRC");
    if (v.variant || aborts.length || v.saveVariant) {
      throw usage("--variant, --abort-when and --save-variant need --sae SRC and --layer NAME");
    }
    if (v.labels || v.moderated || v.includeModerated) {
      throw usage("--labels, --moderated and --include-moderated need --sae SRC");
    }
    return null;
  }
  if (!v.layer) throw usage("--sae needs --layer NAME (the module it reads, e.g. model.layers.2)");
  let edits = parseSteer(v.steer, usage);
  // Read before the SAE loads, so that a bad file fails fast.
  const variant = v.variant ? await loadVariant(v.variant) : null;
  console.error(`loading SAE ${v.sae}`);
  // On the device that runs the layer (deviceOf also checks the name).
  const sae = await Sae.load(v.sae, engine, { module: v.layer });
  try {
    const site = attachSae(engine, v.layer, sae);
    console.error(
      `SAE: ${sae.describe} (${sae.dIn} -> ${sae.dSae}, ${sae.activation.kind}) on ${v.layer}`,
    );
    if (v.labels) {
      const labels = await FeatureLabels.load(v.labels);
      sae.useLabels(labels);
      console.error(
        `labels: ${labels.size} features labelled from ${v.labels}` +
          (labels.moderated.length ? `, ${labels.moderated.length} moderated` : ""),
      );
    }
    if (v.moderated) sae.moderate(parseModeratedList(await readText(v.moderated), v.moderated));
    if (v.includeModerated) {
      console.error(`moderated features included (${sae.moderated.size} on the deny list)`);
    }
    // Edits are checked against the SAE now, not at the first forward pass.
    for (const e of edits) {
      if (!Number.isInteger(e.feature) || e.feature >= sae.dSae) {
        throw usage(`--steer: feature ${e.feature} is outside [0, ${sae.dSae})`);
      }
    }
    let abortWhen = aborts;
    if (variant) {
      checkVariantSae(variant, sae, v.layer, v.variant!);
      if (v.model !== undefined && variant.base_model !== v.model) {
        console.error(`note: ${v.variant} was made for ${variant.base_model}; running ${v.model}`);
      }
      edits = [...variantEdits(variant), ...edits];
      abortWhen = [...variantAbortWhen(variant), ...aborts];
      console.error(
        `variant ${v.variant}: ${variant.edits.length} edits, ${variant.abort_when.length} ` +
          `abort conditions`,
      );
    }
    const includeModerated = !!v.includeModerated;
    const steer = edits.length || abortWhen.length
      ? { [v.layer]: steering(sae, edits, { includeModerated, abortWhen }) }
      : {};
    if (v.saveVariant) {
      const text = variantToJson(variantFromEdits({
        baseModel: v.model ?? "unknown",
        sae: { id: v.sae, layer: v.layer, dSae: sae.dSae },
        edits,
        abortWhen,
      }));
      await Deno.writeTextFile(v.saveVariant, text);
      console.error(
        `variant written to ${v.saveVariant} (${edits.length} edits, ${abortWhen.length} abort conditions)`,
      );
    }
    return {
      sae,
      site,
      includeModerated,
      interventions: steer,
      dispose: () => {
        site.detach();
        sae.dispose();
      },
    };
  } catch (e) {
    sae.dispose();
    throw e;
  }
}

/** Combines two intervention sets; at a shared module the first runs, then the second. */
export function mergeInterventions(
  a: Record<string, Intervention>,
  b: Record<string, Intervention>,
): Record<string, Intervention> {
  const out = { ...a };
  for (const [name, fn] of Object.entries(b)) {
    const first = out[name];
    out[name] = !first ? fn : async (x, ctx) => {
      const r = await first(x, ctx);
      const mid = Array.isArray(r) ? r[0] : r ?? x;
      return fn(mid, ctx);
    };
  }
  return out;
}

export interface TokenFeatures {
  token: number;
  text: string;
  top: { feature: number; value: number; label?: string; moderated?: true }[];
}

/** Per-token top-k SAE features of a prompt at the SAE's layer. */
export async function promptFeatures(
  engine: Engine,
  loaded: LoadedSae,
  tokens: number[],
  k: number,
): Promise<TokenFeatures[]> {
  // With --variant the features are those of the steered model.
  const r = await engine.forward(tokens, {
    cache: [loaded.site.module],
    interventions: loaded.interventions,
  });
  try {
    const x = await r.cache.get(loaded.site.module)!.toArray();
    const sae = loaded.sae;
    const top = await sae.topFeaturesToArray(x, k, { includeModerated: loaded.includeModerated });
    return tokens.map((token, t) => ({
      token,
      text: engine.tokenizer.decode([token]),
      top: Array.from({ length: k }, (_, j) => {
        const feature = top.indices[t * k + j], label = sae.featureLabel(feature);
        return {
          feature,
          value: top.values[t * k + j],
          ...(label !== undefined ? { label } : {}),
          ...(sae.moderated.has(feature) ? { moderated: true as const } : {}),
        };
      }),
    }));
  } finally {
    r.dispose();
  }
}
