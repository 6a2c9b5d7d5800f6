// SAE flags of the CLI: --sae SRC --layer NAME [--steer FEATURE:add=V ...],
// and the `loupe features` command.

import type { Engine } from "../engine/engine.ts";
import type { Intervention } from "../engine/hooks.ts";
import {
  attachSae,
  FeatureLabels,
  parseModeratedList,
  Sae,
  type SaeAttachment,
  steering,
} from "../sae/mod.ts";
import { readText } from "../sae/labels.ts";
import type { FeatureEdit } from "../sae/steer.ts";

const STEER = /^(\d+):(?:(add|set|mul)=(.+)|(ablate)|clamp=(.+),(.+))$/;

/** FEATURE:add=V | FEATURE:set=V | FEATURE:mul=V | FEATURE:ablate | FEATURE:clamp=MIN,MAX */
export function parseSteer(specs: readonly string[], usage: (m: string) => Error): FeatureEdit[] {
  return specs.map((spec) => {
    const m = STEER.exec(spec);
    if (!m) {
      throw usage(
        `--steer expects FEATURE:add=V, FEATURE:set=V, FEATURE:mul=V, FEATURE:ablate or FEATURE:clamp=MIN,MAX; got "${spec}"`,
      );
    }
    const feature = Number(m[1]);
    const num = (s: string) => {
      const n = Number(s);
      if (s.trim() === "" || !Number.isFinite(n)) {
        throw usage(`--steer ${spec}: "${s}" is not a number`);
      }
      return n;
    };
    if (m[4]) return { feature, ablate: true };
    if (m[5] !== undefined) return { feature, clamp: [num(m[5]), num(m[6])] as [number, number] };
    return { feature, [m[2]]: num(m[3]) } as FeatureEdit;
  });
}

export interface LoadedSae {
  sae: Sae;
  site: SaeAttachment;
  /** --include-moderated was given. */
  includeModerated: boolean;
  /** The --steer edits as an intervention at the SAE's layer (absent without --steer). */
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
}

export async function loadSaeFlags(
  engine: Engine,
  v: SaeFlags,
  usage: (m: string) => Error,
): Promise<LoadedSae | null> {
  if (!v.sae) {
    if (v.layer || v.steer.length) throw usage("--layer and --steer need --sae SRC");
    if (v.labels || v.moderated || v.includeModerated) {
      throw usage("--labels, --moderated and --include-moderated need --sae SRC");
    }
    return null;
  }
  if (!v.layer) throw usage("--sae needs --layer NAME (the module it reads, e.g. model.layers.2)");
  const edits = parseSteer(v.steer, usage);
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
    const includeModerated = !!v.includeModerated;
    return {
      sae,
      site,
      includeModerated,
      interventions: edits.length ? { [v.layer]: steering(sae, edits, { includeModerated }) } : {},
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
  const r = await engine.forward(tokens, { cache: [loaded.site.module] });
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
