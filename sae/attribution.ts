// Feature attribution at an attached SAE: for m = log p(target | prompt) at
// the last position, the gradient of m with respect to the SAE's features with
// the reconstruction error held constant (x' = decode(f) + stopgrad(x -
// decode(f)), as circuit analyses do), and activation x gradient per token
// and feature. x' equals the module's output, so dm/dx' is the model's own
// gradient there (engine/backward.ts), and dm/df = dm/dx' W_dec^T: one
// forward product with the decoder's rows, the SAE's [d_sae, d_in] layout.

import { type GradientOptions, type GradientResult, gradientsThen } from "../engine/backward.ts";
import { UsageError } from "../engine/errors.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { linear } from "../shaders/linear.ts";
import type { SaeAttachment } from "./attach.ts";

/** What `featureAttribution` returns; `dispose()` it when done. */
export interface FeatureAttribution {
  /** m = log p(target | prompt) at the last position. */
  metric: number;
  /** The token id whose log-probability m is. */
  target: number;
  /** [T, d_sae] the SAE's features on the prompt. */
  features: Tensor<"f32">;
  /** [T, d_sae] dm/d features, the error term held constant. */
  grad: Tensor<"f32">;
  /** [T, d_sae] features x grad: each feature's first-order share of m. */
  attribution: Tensor<"f32">;
  /** Frees the tensors above. */
  dispose(): void;
}

/** Feature attribution on `tokens` at the module `site` hangs on (one forward, one backward). */
export async function featureAttribution(
  site: SaeAttachment,
  tokens: ArrayLike<number>,
  options: Omit<GradientOptions, "cache"> = {},
): Promise<FeatureAttribution> {
  const { target, ...rest } = options;
  const metrics = [{ kind: "logProb" as const, target }];
  // The attribution is computed in the gradients' own call of the engine's
  // queue: run beside a generation, it can neither join its pass nor be refused.
  return await gradientsThen(
    site.engine,
    tokens,
    metrics,
    { ...rest, cache: [site.features] },
    ([r]) => {
      try {
        return Promise.resolve(attributionNow(site, r));
      } finally {
        r.dispose();
      }
    },
  );
}

/**
 * Feature attribution from gradients already taken with `cache` holding
 * `site.features` (so that one backward also serves patching and the rest).
 * The result is independent of `r` (dispose each on its own).
 *
 * Its GPU work waits for the engine's queue (`engine.exclusive`): run beside
 * a generation whose intervention is awaiting, its ops would otherwise join
 * that generation's pass, and the cache it copies could be freed before that
 * pass is submitted. So do not call it from inside `engine.exclusive`; while
 * another call's intervention awaits, it is refused with a BusyError (the
 * engine cannot tell that caller from one inside the intervention).
 */
export async function featureAttributionOf(
  site: SaeAttachment,
  r: GradientResult,
): Promise<FeatureAttribution> {
  return await site.engine.exclusive(() => Promise.resolve(attributionNow(site, r)));
}

function attributionNow(site: SaeAttachment, r: GradientResult): FeatureAttribution {
  const cached = r.cache.get(site.features);
  const grad0 = r.grads.get(site.module);
  if (!cached || !grad0) {
    throw new UsageError(
      `featureAttributionOf: the gradients were taken without caching ${site.features}` +
        (grad0 ? "" : ` or have none for ${site.module}`),
    );
  }
  const made: Tensor[] = [];
  try {
    const sae = site.sae, T = cached.shape[0];
    const features = cached.clone();
    made.push(features);
    const grad = Tensor.empty(sae.gpu, "featureAttribution.grad", [T, sae.dSae], "f32");
    made.push(grad);
    const rec = new Recorder(sae.gpu, "featureAttribution");
    linear(rec, grad0, sae.weights.wDec, grad);
    rec.submit();
    const attribution = features.mul(grad);
    made.push(attribution);
    return {
      metric: r.metric,
      target: r.target,
      features,
      grad,
      attribution,
      dispose: () => made.forEach((t) => t.dispose()),
    };
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  }
}
