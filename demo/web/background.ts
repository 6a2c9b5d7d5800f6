// Background corpora for feature search: what "specific to these texts" is
// measured against. Two are offered: a small built-in set of TinyStories-like
// sentences (fixed, so a search gives the same ranking on every visit and the
// browser test can recompute it in Deno), and the page's own corpus of model
// samples once it is built (closer to the SAE's training text, but sampled, so
// it depends on the adapter's rounding).

import type { FeatureStats } from "../../mod.ts";
import type { Corpus } from "./corpus.ts";

/**
 * The built-in background: everyday TinyStories sentences on varied topics
 * (people, animals, places, feelings, dialogue), so that features of the
 * story genre itself ("Once upon a time", names, "happy") fire on both sides
 * and rank low, and what is specific to the searched texts ranks high.
 */
export const BUILTIN_BACKGROUND: readonly string[] = [
  "Once upon a time, there was a little girl named Lily.",
  "She liked to play outside in the sun with her friends.",
  "One day, a boy named Tom went to the park with his mom.",
  "The cat sat on the mat and looked at the bird.",
  "The dog was big and brown. He ran fast to the tree.",
  "Mom made a cake for the party, and everyone was happy.",
  "Ben was sad because he lost his toy car.",
  '"Can I have a cookie?" asked Sue. Her dad said yes.',
  "They went to the beach and built a big sand castle.",
  "The little bird sang a song in the tall green tree.",
  "It was a cold day, so Anna put on her warm hat.",
  "The fish swam in the blue water near the boat.",
  "Tim wanted to help his friend find the lost ball.",
  "At night, the moon was bright and the stars were shining.",
  "The old man gave the girl a red flower from his garden.",
  "They said sorry and hugged. They were friends again.",
];

/** What a search can be compared with, as the page's selector names them. */
export const BACKGROUND_CHOICES = {
  builtin: `${BUILTIN_BACKGROUND.length} built-in sentences`,
  corpus: "the page's corpus of model samples",
  none: "none (rank by firing on the texts alone)",
} as const;

export type BackgroundChoice = keyof typeof BACKGROUND_CHOICES;

/**
 * FeatureStats of the page's corpus from its sparse features: every token
 * but each story's first (BOS, as collectFeatureStats leaves a leading BOS
 * out). Zero activations are not stored, and add nothing to any sum.
 */
export function corpusStats(corpus: Corpus, dSae: number): FeatureStats {
  const s: FeatureStats = {
    texts: corpus.stories.length,
    tokens: 0,
    sum: new Float64Array(dSae),
    sumSq: new Float64Array(dSae),
    fired: new Float64Array(dSae),
  };
  for (const story of corpus.stories) {
    for (let t = 1; t < story.ids.length; t++) {
      s.tokens++;
      for (let j = story.start[t]; j < story.start[t + 1]; j++) {
        const f = story.idx[j], v = story.val[j];
        s.sum[f] += v;
        s.sumSq[f] += v * v;
        s.fired[f]++;
      }
    }
  }
  return s;
}
