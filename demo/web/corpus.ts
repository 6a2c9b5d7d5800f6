// The page's own corpus for feature dashboards: sequences the model samples
// from BOS (a fixed seed per sequence, so the corpus is the same on every
// visit; past an EOS a new story starts, as in the SAE's training text), with
// SAE features cached on the GPU while generating. Activations are kept sparse (the
// SAE fires ~17 of 1024 features per token), which is all that density and
// top-activating contexts need. Cached in IndexedDB by model, SAE and settings.

import { cacheGet, cachePut } from "./cache.ts";
import type { Session } from "./session.ts";

export interface CorpusSettings {
  /** Sequences sampled from BOS. */
  stories: number;
  /** Tokens generated per sequence (EOS does not stop it). */
  tokens: number;
  seed: number;
  temperature: number;
}

/** 1,536 tokens: about 25 s on SwiftShader (decode ~60 tokens/s), a few seconds on a GPU. */
export const DEFAULT_CORPUS: CorpusSettings = {
  stories: 12,
  tokens: 128,
  seed: 1234,
  temperature: 1,
};

/** One sampled sequence (BOS first; stories follow one another) and its firing features. */
export interface CorpusStory {
  ids: number[];
  /** Position t's features are idx/val[start[t] .. start[t + 1]). */
  start: Uint32Array;
  idx: Uint16Array;
  val: Float32Array;
}

export interface Context {
  story: number;
  pos: number;
  value: number;
}

export interface Corpus {
  settings: CorpusSettings;
  stories: CorpusStory[];
  tokenCount: number;
  /** Per feature: fraction of corpus tokens where it fires. */
  density: Float32Array;
  /** Per feature: its largest activation in the corpus. */
  maxAct: Float32Array;
  /** Per feature: its top contexts, largest first. */
  top: Context[][];
}

/** How many top contexts each feature keeps. */
const TOP = 10;

function sparsify(ids: number[], dense: Float32Array, dSae: number): CorpusStory {
  const T = ids.length;
  const start = new Uint32Array(T + 1);
  const idx: number[] = [], val: number[] = [];
  for (let t = 0; t < T; t++) {
    const row = dense.subarray(t * dSae, (t + 1) * dSae);
    for (let f = 0; f < dSae; f++) {
      if (row[f] > 0) {
        idx.push(f);
        val.push(row[f]);
      }
    }
    start[t + 1] = idx.length;
  }
  return { ids, start, idx: Uint16Array.from(idx), val: Float32Array.from(val) };
}

/** Activation of `feature` at each position of a story. */
export function storyActivations(s: CorpusStory, feature: number): Float32Array {
  const out = new Float32Array(s.ids.length);
  for (let t = 0; t < s.ids.length; t++) {
    for (let j = s.start[t]; j < s.start[t + 1]; j++) if (s.idx[j] === feature) out[t] = s.val[j];
  }
  return out;
}

function summarise(settings: CorpusSettings, stories: CorpusStory[], dSae: number): Corpus {
  const count = new Uint32Array(dSae), maxAct = new Float32Array(dSae);
  const top: Context[][] = Array.from({ length: dSae }, () => []);
  let tokenCount = 0;
  stories.forEach((s, story) => {
    // BOS is the same context in every story; it would fill every top list.
    for (let t = 1; t < s.ids.length; t++) {
      tokenCount++;
      for (let j = s.start[t]; j < s.start[t + 1]; j++) {
        const f = s.idx[j], value = s.val[j];
        count[f]++;
        if (value > maxAct[f]) maxAct[f] = value;
        const list = top[f];
        if (list.length < TOP || value > list[list.length - 1].value) {
          let i = list.length;
          while (i > 0 && list[i - 1].value < value) i--;
          list.splice(i, 0, { story, pos: t, value });
          if (list.length > TOP) list.pop();
        }
      }
    }
  });
  const density = Float32Array.from(count, (c) => c / Math.max(1, tokenCount));
  return { settings, stories, tokenCount, density, maxAct, top };
}

/**
 * Generates and encodes the corpus (or reads it from IndexedDB), one story at
 * a time through the session's queue so that the user's generations are not
 * held up behind the whole corpus.
 */
export async function buildCorpus(
  session: Session,
  cacheKey: string,
  settings: CorpusSettings,
  progress: (done: number, total: number) => void,
): Promise<Corpus & { cached: boolean }> {
  const dSae = session.sae.dSae;
  const key = `corpus|${cacheKey}|${JSON.stringify(settings)}`;
  const hit = await cacheGet<CorpusStory[]>(key);
  if (hit && hit.length === settings.stories) {
    progress(settings.stories, settings.stories);
    return { ...summarise(settings, hit, dSae), cached: true };
  }
  const stories: CorpusStory[] = [];
  for (let i = 0; i < settings.stories; i++) {
    const prompt = [session.bos];
    // Past EOS the model starts a new story after a BOS, as in its training text.
    const r = await session.generate(prompt, {
      maxNewTokens: settings.tokens,
      temperature: settings.temperature,
      seed: settings.seed + i,
      ignoreEos: true,
    }, () => {});
    const ids = prompt.concat(r.ids).slice(0, r.fed);
    stories.push(sparsify(ids, r.features, dSae));
    progress(i + 1, settings.stories);
  }
  await cachePut(key, stories);
  return { ...summarise(settings, stories, dSae), cached: false };
}
