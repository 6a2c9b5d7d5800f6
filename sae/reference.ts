// A plain-TS SAE on the CPU (f64 accumulation), the reference every SAE
// kernel and the steering paths are tested against. Weights in the GPU
// layout: W_enc and W_dec both [d_sae, d_in].

import { applyOpReference } from "../shaders/sae_edit.ts";
import { saeDecodeReference } from "../shaders/sae_decode.ts";
import { saeEncodeReference } from "../shaders/sae_encode.ts";
import { topkMaskReference } from "../shaders/sae_topk.ts";
import type { SaeActivation } from "./format.ts";
import type { PlannedEdit } from "./steer.ts";
import { conditionHolds } from "./conditions.ts";

/** An SAE's weights read back to the host (Sae.readWeights), f32. */
export interface SaeHostWeights {
  /** [d_sae, d_in] */
  wEnc: Float32Array;
  /** [d_sae, d_in] */
  wDec: Float32Array;
  /** [d_sae] */
  bEnc: Float32Array;
  /** [d_in] */
  bDec: Float32Array;
  /** [d_sae] JumpReLU thresholds, or null. */
  threshold: Float32Array | null;
}

export interface SaeReferenceSpec {
  dIn: number;
  dSae: number;
  activation: SaeActivation;
  applyBDecToInput: boolean;
}

export function encodeReference(
  w: SaeHostWeights,
  s: SaeReferenceSpec,
  x: Float32Array,
): Float32Array {
  const T = x.length / s.dIn;
  const act = s.activation.kind === "topk" ? "none" : s.activation.kind;
  const pre = saeEncodeReference(
    x,
    {
      wEnc: w.wEnc,
      bEnc: w.bEnc,
      center: s.applyBDecToInput ? w.bDec : null,
      threshold: w.threshold,
    },
    act,
    T,
    s.dIn,
    s.dSae,
  );
  return s.activation.kind === "topk" ? topkMaskReference(pre, s.dSae, s.activation.k) : pre;
}

export function decodeReference(w: SaeHostWeights, s: SaeReferenceSpec, f: Float32Array) {
  return saeDecodeReference(f, w.wDec, w.bDec, f.length / s.dSae, s.dSae, s.dIn);
}

/** The seed's recipe in f64: x' = decode(f') + (x - decode(f)). */
export function steerReference(
  w: SaeHostWeights,
  s: SaeReferenceSpec,
  x: Float32Array,
  plan: readonly PlannedEdit[],
): Float32Array {
  const T = x.length / s.dIn;
  const f = encodeReference(w, s, x);
  const edited = f.slice();
  for (const p of plan) {
    for (let t = 0; t < T; t++) {
      if (p.positions && !p.positions.includes(t)) continue;
      // Conditions read the features as encoded, never an earlier edit's result.
      if (p.when && !conditionHolds(f[t * s.dSae + p.when.feature], p.when)) continue;
      const i = t * s.dSae + p.feature;
      edited[i] = applyOpReference(edited[i], p.op);
    }
  }
  // decode(f') - decode(f) = W_dec^T (f' - f), summed in f64 over changed features.
  const out = new Float32Array(x.length);
  for (let t = 0; t < T; t++) {
    const acc = new Float64Array(s.dIn);
    for (let n = 0; n < s.dIn; n++) acc[n] = x[t * s.dIn + n];
    for (let j = 0; j < s.dSae; j++) {
      const d = edited[t * s.dSae + j] - f[t * s.dSae + j];
      if (d === 0) continue;
      for (let n = 0; n < s.dIn; n++) acc[n] += d * w.wDec[j * s.dIn + n];
    }
    out.set(acc, t * s.dIn);
  }
  return out;
}
