// `loupe attribute`: gradients of m = log p(target | prompt) at the last
// position with respect to every module output on the residual stream
// (engine/backward.ts), written as safetensors for scripts:
//
//   loupe attribute --model SRC --tokens 1,2,3 [--target ID] [--corrupt 1,2,4]
//                   [--sae SRC --layer NAME [--graph FILE.json]] [--quant q8]
//                   --out FILE.safetensors [--json]
//
// FILE holds `metric` [1] (F32), `target` [1] and `tokens` [T] (I32), and
// `grad.<module>` [T, hidden] for model.embed_tokens and every model.layers.N,
// model.layers.N.self_attn and model.layers.N.mlp; with --corrupt,
// `patching.<module>` [T] (the attribution-patching estimate per position,
// engine/backward_patching.ts); with --sae and --layer, `attr.<layer>.sae.features`
// [T, d_sae] (activation x gradient, the error term held constant,
// sae/attribution.ts). One forward and one backward serve all of them. With
// --graph (and --sae, --layer), the pruned attribution graph of the target's
// logit over the SAE's features (sae/attribution_graph.ts) is written as
// circuit-tracer's graph JSON; --out is then optional. A summary goes to stdout.

import { parseArgs } from "node:util";
import { Engine } from "../engine/engine.ts";
import { gradients } from "../engine/backward.ts";
import { patchedModules, patchingEstimates } from "../engine/backward_patching.ts";
import { Sae } from "../sae/sae.ts";
import { attachSae, type SaeAttachment } from "../sae/attach.ts";
import { featureAttributionOf } from "../sae/attribution.ts";
import { type AttributionGraph, attributionGraph } from "../sae/attribution_graph.ts";
import { attributionGraphJson } from "../sae/attribution_graph_json.ts";
import { type TensorToWrite, writeSafetensors } from "../engine/formats/safetensors.ts";
import { UsageError } from "../engine/errors.ts";
import { DEFAULT_MODEL } from "./cli_flags.ts";

export const ATTRIBUTE_HELP =
  `loupe attribute: gradients of log p(target | prompt) at the last position

  --model SRC        model folder, http(s) URL or hf:owner/name (default: the bundled stories260K)
  --tokens IDS       the prompt as comma-separated token ids (required)
  --target ID        the token whose log-probability is the metric (default: the greedy next token)
  --corrupt IDS      a corrupted prompt of the same length: also write patching.<module> [T], the
                     attribution-patching estimate of m(patched) - m(clean) per position
  --sae SRC --layer NAME
                     an SAE (Goodfire .pth/.safetensors, SAELens folder) on module NAME: also write
                     attr.NAME.sae.features [T, d_sae], activation x gradient (error held constant)
  --graph FILE       with --sae and --layer: write the pruned attribution graph of the target's logit
                     (frozen attention, norms and SiLU gates; node threshold 0.8, edge 0.98) as
                     circuit-tracer's graph JSON; --out becomes optional
  --quant FORMAT     weight format: f32 (default), q8 or q4
  --out FILE         write metric, target, tokens, grad.<module> [T, hidden] (and patching.<module>)
                     as safetensors (required)
  --json             print the summary as one JSON object
  --help             this text`;

const FORMATS = ["f32", "q8", "q4"] as const;

function ids(flag: string, v: string): number[] {
  return v.split(",").map((s, i) => {
    const n = Number(s.trim());
    if (s.trim() === "" || !Number.isInteger(n) || n < 0) {
      throw new UsageError(`--${flag}: item ${i} ("${s}") is not a token id`);
    }
    return n;
  });
}

/** The pruned attribution graph of the target's logit at `site`, as circuit-tracer's JSON. */
async function writeGraph(
  site: SaeAttachment,
  tokens: number[],
  target: number | undefined,
  file: string,
  json: boolean,
): Promise<void> {
  const tok = site.engine.tokenizer;
  const start = performance.now();
  const g: AttributionGraph = await attributionGraph([site], tokens, { target });
  const ms = performance.now() - start;
  const doc = attributionGraphJson(g, {
    slug: `loupe-${g.target}`,
    tokenText: (id) => tok.idToToken(id)?.replaceAll("\u2581", " ") ?? String(id),
    featureLabel: (_, f) => site.sae.featureLabel(f),
  });
  await Deno.writeTextFile(file, JSON.stringify(doc, null, 1));
  const summary = {
    graph: file,
    target: g.target,
    logit: g.logit,
    nodes: g.nodes.length,
    keptNodes: doc.nodes.length,
    keptLinks: doc.links.length,
    edgeSumPlusBias: doc.metadata.loupe.edge_sum_plus_bias,
    ms: Math.round(ms),
  };
  console.log(
    json ? JSON.stringify(summary) : `attribution graph of logit ${g.target} = ${g.logit}: ` +
      `${g.nodes.length} nodes, ${doc.nodes.length} kept with ${doc.links.length} links, ` +
      `written to ${file} (${summary.ms} ms)`,
  );
}

/** Runs `loupe attribute ARGS`; returns the exit code (2 for usage errors). */
export async function attributeMain(args: string[]): Promise<number> {
  try {
    const v = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        model: { type: "string" },
        tokens: { type: "string" },
        target: { type: "string" },
        corrupt: { type: "string" },
        sae: { type: "string" },
        layer: { type: "string" },
        quant: { type: "string" },
        out: { type: "string" },
        graph: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean" },
      },
    }).values;
    if (v.help) {
      console.log(ATTRIBUTE_HELP);
      return 0;
    }
    if (!v.tokens || !(v.out || v.graph)) {
      throw new UsageError("attribute needs --tokens IDS and --out FILE (or --graph FILE)");
    }
    const quant = v.quant ?? "f32";
    if (!(FORMATS as readonly string[]).includes(quant)) {
      throw new UsageError(`--quant expects one of ${FORMATS.join(", ")}, got "${quant}"`);
    }
    const tokens = ids("tokens", v.tokens);
    const target = v.target === undefined ? undefined : ids("target", v.target)[0];
    if (!v.sae !== !v.layer) throw new UsageError("--sae and --layer go together");
    if (v.graph && !v.sae) {
      throw new UsageError("--graph needs an SAE: give --sae SRC --layer NAME");
    }
    const corrupt = v.corrupt === undefined ? undefined : ids("corrupt", v.corrupt);
    if (corrupt && corrupt.length !== tokens.length) {
      throw new UsageError(
        `--corrupt has ${corrupt.length} tokens and --tokens ${tokens.length}; they must match`,
      );
    }
    const engine = await Engine.load(v.model ?? DEFAULT_MODEL, {
      quant: quant as typeof FORMATS[number],
    });
    let site: SaeAttachment | null = null;
    try {
      if (v.sae) {
        const sae = await Sae.load(v.sae, engine);
        try {
          site = attachSae(engine, v.layer!, sae);
        } catch (e) {
          sae.dispose();
          throw e;
        }
      }
      const out = v.out;
      if (out) {
        const cache = [
          ...(corrupt ? patchedModules(engine) : []),
          ...(site ? [site.features] : []),
        ];
        const r = await gradients(engine, engine.checkTokens(tokens), { target, cache });
        try {
          const tensors: TensorToWrite[] = [
            { name: "metric", dtype: "F32", shape: [1], data: Float32Array.of(r.metric) },
            { name: "target", dtype: "I32", shape: [1], data: Int32Array.of(r.target) },
            { name: "tokens", dtype: "I32", shape: [tokens.length], data: Int32Array.from(tokens) },
          ];
          for (const [name, g] of r.grads) {
            tensors.push({
              name: `grad.${name}`,
              dtype: "F32",
              shape: [...g.shape],
              data: await g.toArray(),
            });
          }
          if (corrupt) {
            const estimates = await patchingEstimates(engine, r, engine.checkTokens(corrupt));
            for (const [name, e] of estimates) {
              tensors.push({
                name: `patching.${name}`,
                dtype: "F32",
                shape: [e.length],
                data: Float32Array.from(e),
              });
            }
          }
          if (site) {
            const a = await featureAttributionOf(site, r);
            try {
              const data = await a.attribution.toArray();
              tensors.push({
                name: `attr.${site.features}`,
                dtype: "F32",
                shape: [...a.attribution.shape],
                data,
              });
            } finally {
              a.dispose();
            }
          }
          await Deno.writeFile(out, writeSafetensors(tensors));
          const summary = {
            metric: r.metric,
            target: r.target,
            tokens: tokens.length,
            gradients: r.grads.size,
            out,
            keptBytesPerToken: r.bytes.keptPerToken,
          };
          console.log(
            v.json ? JSON.stringify(summary) : `log p(${r.target} | prompt) = ${r.metric}; ` +
              `${r.grads.size} gradients [${tokens.length}, ${engine.config.hiddenSize}] written to ${out}`,
          );
        } finally {
          r.dispose();
        }
      }
      if (v.graph && site) await writeGraph(site, tokens, target, v.graph, v.json ?? false);
    } finally {
      site?.detach();
      site?.sae.dispose();
      engine.dispose();
    }
    return 0;
  } catch (e) {
    console.error(`loupe: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error("(loupe attribute --help lists the flags)");
      return 2;
    }
    return 1;
  }
}
