// Token ids from users are checked before anything reaches the GPU: an id
// outside the vocabulary would make the embedding gather read nothing (or
// another chunk's rows), and a prompt past the context would overrun the KV cache.

import { ContextLengthError } from "../errors.ts";

/** Checks ids against the vocabulary and the context; returns them as u32. */
export function checkTokenIds(
  tokens: ArrayLike<number>,
  vocab: number,
  pastLength: number,
  contextLength: number,
): Uint32Array {
  if (tokens.length === 0) throw new Error("tokens: at least one token id is needed");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!Number.isInteger(t) || t < 0 || t >= vocab) {
      throw new Error(
        `tokens[${i}] = ${t} is not a token id: expected an integer in [0, ${vocab})`,
      );
    }
  }
  if (pastLength + tokens.length > contextLength) {
    throw new ContextLengthError(
      pastLength + tokens.length,
      contextLength,
      `prompt of ${tokens.length} tokens` + (pastLength ? ` after ${pastLength} cached` : "") +
        ` exceeds the context length ${contextLength}`,
    );
  }
  return Uint32Array.from(tokens);
}
