// What an SAE carries beside its weights for inspection: labels and the deny
// list of moderated (hidden) features. Sae delegates to this; every consumer
// (topFeatures, search, contrast, steering) asks the same object.

import { UsageError } from "../engine/errors.ts";
import type { FeatureLabels } from "./labels.ts";

export class FeatureNotes {
  labels: FeatureLabels | null = null;
  /** Hidden features: those moderated by call plus those the current labels moderate. */
  readonly moderated = new Set<number>();
  /** Features moderated by `moderate` calls; they stay hidden when labels change. */
  readonly #byCall = new Set<number>();
  readonly #dSae: number;
  readonly #describe: string;

  constructor(dSae: number, describe: string) {
    this.#dSae = dSae;
    this.#describe = describe;
  }

  useLabels(labels: FeatureLabels): void {
    if (labels.maxIndex >= this.#dSae) {
      throw new UsageError(
        `${labels.source}: feature ${labels.maxIndex} is outside ${this.#describe}'s ` +
          `[0, ${this.#dSae}); are these labels for another SAE?`,
      );
    }
    this.labels = labels;
    // A new labels file replaces the old one's moderation, not adds to it.
    this.moderated.clear();
    for (const f of this.#byCall) this.moderated.add(f);
    this.#add(labels.moderated);
  }

  moderate(features: Iterable<number>): void {
    for (const f of this.#add(features)) this.#byCall.add(f);
  }

  #add(features: Iterable<number>): number[] {
    const list = [...features];
    for (const f of list) {
      if (!Number.isInteger(f) || f < 0 || f >= this.#dSae) {
        throw new UsageError(`moderate: feature ${f} is outside [0, ${this.#dSae})`);
      }
    }
    for (const f of list) this.moderated.add(f);
    return list;
  }

  /** Throws a UsageError naming the moderated features among `features`, unless opted in. */
  check(what: string, features: Iterable<number>, includeModerated = false): void {
    if (includeModerated || this.moderated.size === 0) return;
    const hidden = [...new Set(features)].filter((f) => this.moderated.has(f));
    if (hidden.length === 0) return;
    const many = hidden.length > 1;
    throw new UsageError(
      `${what}: feature${many ? "s" : ""} ${hidden.join(", ")} ${many ? "are" : "is"} moderated ` +
        `(hidden); pass includeModerated: true (--include-moderated) to use ${
          many ? "them" : "it"
        }`,
    );
  }
}
