// Streaming detokenization for generation: the text each new id completes,
// never half a character (split out of tokenizer.ts).

import type { DecodeStream, Tokenizer } from "./tokenizer.ts";

const REPLACEMENT = "\uFFFD";

// tokenizers.js would turn an unknown id into the unk token (or "undefined")
// without a word; an id past the vocabulary means the caller sampled a padded row.
export function checkId(tok: Tokenizer, id: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= tok.vocabSize) {
    throw new RangeError(
      `token id ${id} is outside ${tok.file}'s vocabulary 0..${tok.vocabSize - 1}`,
    );
  }
}

/**
 * Decodes a growing window of ids and emits how far its text grew: the window
 * starts at the first id of the previously emitted chunk, so a SentencePiece
 * leading space is stripped from prefix and window alike (i.e. only at the
 * true start), and bytes of a split character are held back until the text
 * stops ending in U+FFFD. Emission points are character boundaries, so
 * decode(all) = emitted + decode(window) and the pushes add up to decode(all).
 */
export class StreamDecoder implements DecodeStream {
  #tok: Tokenizer;
  #skip: boolean;
  #ids: number[];
  #prefixOffset = 0; // window start
  #readOffset: number; // ids before this have been emitted
  #prefixText: string; // decode(ids[prefixOffset, readOffset))

  constructor(tok: Tokenizer, skipSpecialTokens: boolean, prompt: readonly number[]) {
    this.#tok = tok;
    this.#skip = skipSpecialTokens;
    this.#ids = [...prompt];
    this.#readOffset = prompt.length;
    this.#prefixText = this.#decodeWindow(prompt.length);
  }

  push(id: number): string {
    checkId(this.#tok, id); // before it joins the window, so a bad id leaves the stream usable
    this.#ids.push(id);
    const text = this.#decodeWindow(this.#ids.length);
    if (text === this.#prefixText || text.endsWith(REPLACEMENT)) return "";
    return this.#emit(text);
  }

  flush(): string {
    const text = this.#decodeWindow(this.#ids.length);
    return text === this.#prefixText ? "" : this.#emit(text);
  }

  #decodeWindow(end: number): string {
    return this.#tok.decode(this.#ids.slice(this.#prefixOffset, end), {
      skipSpecialTokens: this.#skip,
    });
  }

  #emit(text: string): string {
    // Only a prompt that ends mid-character (its text ends in U+FFFD that the
    // new bytes complete) gets here without a common prefix; emit past the
    // shared part rather than repeat text the caller already has.
    let common = this.#prefixText.length;
    if (!text.startsWith(this.#prefixText)) {
      common = 0;
      while (common < text.length && text[common] === this.#prefixText[common]) common++;
    }
    const out = text.slice(common);
    this.#prefixOffset = this.#readOffset;
    this.#readOffset = this.#ids.length;
    this.#prefixText = this.#decodeWindow(this.#readOffset);
    return out;
  }
}
