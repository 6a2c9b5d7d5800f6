// The tokenizer a GGUF file carries in its metadata (tokenizer.ggml.*), built
// as the tokenizer.json and tokenizer_config.json Hugging Face would have, so
// the one Tokenizer class (tokenizers.js underneath) serves both formats.
//
//   "llama" (SentencePiece BPE): tokens, scores, token_type. SentencePiece
//     merges the adjacent pair whose concatenation is the highest-scoring
//     piece; that is BPE with merges ranked by the merged piece's score, which
//     is how transformers converts such models (SentencePieceExtractor): for
//     each piece in id order, its splits into two pieces (ordered by the ids of
//     left, right), all stably sorted by score, descending. Byte tokens
//     (<0x41>) give byte fallback.
//   "gpt2" (byte-level BPE): tokens and merges as stored; the pre-tokenizer
//     from tokenizer.ggml.pre ("llama-bpe": Llama 3's split regex).
// Control tokens become special added tokens, user-defined ones plain added
// tokens, as in transformers' GGUF conversion.

import { FormatError } from "../errors.ts";
import type { GgufMetadata } from "./gguf_metadata.ts";
import { Tokenizer } from "./tokenizer.ts";

/** llama.cpp's token types (llama_token_type). */
const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 };

/** Llama 3's pre-tokenizer split (llama.cpp's LLAMA3 pre-type, tokenizer.ggml.pre "llama-bpe"). */
const LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}|" +
  " ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** tokenizer.ggml.pre values whose pre-tokenizer we build. */
export const SUPPORTED_BPE_PRE = ["llama-bpe", "llama3", "llama-v3"] as const;

const NO_TOKEN = 0xffffffff;

interface Specials {
  bos: string | null;
  eos: string | null;
  unk: string | null;
  addBos: boolean;
  addEos: boolean;
}

function optionalToken(m: GgufMetadata, key: string, tokens: string[]): string | null {
  if (!m.has(key)) return null;
  const id = m.integer(key, [-1, NO_TOKEN]);
  if (id === -1 || id === NO_TOKEN) return null;
  if (id >= tokens.length) m.fail(key, `a token id below ${tokens.length}`);
  return tokens[id];
}

/** Pieces -> ids; a repeated piece keeps its first id (later copies are unreachable anyway). */
function vocabulary(tokens: string[]): Map<string, number> {
  const vocab = new Map<string, number>();
  tokens.forEach((t, id) => vocab.has(t) || vocab.set(t, id));
  return vocab;
}

/** transformers' SentencePieceExtractor merges, from pieces and scores. */
export function sentencePieceMerges(tokens: string[], scores: Float32Array): [string, string][] {
  const vocab = vocabulary(tokens);
  const merges: { left: string; right: string; score: number }[] = [];
  tokens.forEach((piece, id) => {
    if (vocab.get(piece) !== id) return;
    const local: { left: string; right: string; score: number }[] = [];
    const chars = [...piece];
    for (let k = 1; k < chars.length; k++) {
      const left = chars.slice(0, k).join(""), right = chars.slice(k).join("");
      if (vocab.has(left) && vocab.has(right)) local.push({ left, right, score: scores[id] });
    }
    local.sort((a, b) =>
      vocab.get(a.left)! - vocab.get(b.left)! || vocab.get(a.right)! - vocab.get(b.right)!
    );
    merges.push(...local);
  });
  merges.sort((a, b) => b.score - a.score); // stable
  return merges.map((m) => [m.left, m.right]);
}

interface AddedToken {
  id: number;
  content: string;
  single_word: boolean;
  lstrip: boolean;
  rstrip: boolean;
  normalized: boolean;
  special: boolean;
}

function addedTokens(tokens: string[], types: Int32Array | undefined): AddedToken[] {
  const added: AddedToken[] = [];
  if (!types) return added;
  const vocab = vocabulary(tokens);
  for (let id = 0; id < tokens.length; id++) {
    const t = types[id];
    if (t !== TOKEN_TYPE.control && t !== TOKEN_TYPE.unknown && t !== TOKEN_TYPE.userDefined) {
      continue;
    }
    if (vocab.get(tokens[id]) !== id) continue;
    added.push({
      id,
      content: tokens[id],
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: t !== TOKEN_TYPE.userDefined,
    });
  }
  return added;
}

/** BOS / EOS around each sequence, as add_bos_token / add_eos_token ask; null when neither. */
function templateProcessing(s: Specials, vocab: Map<string, number>) {
  const around = [[s.addBos, s.bos], [s.addEos, s.eos]].filter(([on, t]) => on && t) as [
    boolean,
    string,
  ][];
  if (around.length === 0) return null;
  const special = (token: string, typeId: number) => ({
    SpecialToken: { id: token, type_id: typeId },
  });
  const wrap = (id: string, typeId: number) => [
    ...(s.addBos && s.bos ? [special(s.bos, typeId)] : []),
    { Sequence: { id, type_id: typeId } },
    ...(s.addEos && s.eos ? [special(s.eos, typeId)] : []),
  ];
  const specialTokens: Record<string, unknown> = {};
  for (const [, token] of around) {
    specialTokens[token] = { id: token, ids: [vocab.get(token)], tokens: [token] };
  }
  return {
    type: "TemplateProcessing",
    single: wrap("A", 0),
    pair: [...wrap("A", 0), ...wrap("B", 1)],
    special_tokens: specialTokens,
  };
}

/**
 * Longest SentencePiece piece accepted: merges are found by trying every split
 * of every piece (quadratic in its length); real pieces are under 32
 * characters (SentencePiece's own default limit is 16).
 */
export const MAX_PIECE_LENGTH = 256;

function sentencePieceJson(
  m: GgufMetadata,
  tokens: string[],
  types: Int32Array | undefined,
  s: Specials,
) {
  const long = tokens.findIndex((t) => t.length > MAX_PIECE_LENGTH);
  if (long >= 0) {
    m.fail(
      "tokenizer.ggml.tokens",
      `pieces of at most ${MAX_PIECE_LENGTH} characters; item ${long} has ${tokens[long].length}`,
    );
  }
  const scores = m.floats("tokenizer.ggml.scores", tokens.length);
  if (!scores) {
    m.fail(
      "tokenizer.ggml.scores",
      `an array of ${tokens.length} float32 (SentencePiece needs them)`,
    );
  }
  const spacePrefix = m.bool("tokenizer.ggml.add_space_prefix", true);
  const byteFallback = types?.some((t) => t === TOKEN_TYPE.byte) ?? false;
  return {
    normalizer: {
      type: "Sequence",
      normalizers: [
        ...(spacePrefix ? [{ type: "Prepend", prepend: "▁" }] : []),
        { type: "Replace", pattern: { String: " " }, content: "▁" },
      ],
    },
    pre_tokenizer: null,
    decoder: {
      type: "Sequence",
      decoders: [
        { type: "Replace", pattern: { String: "▁" }, content: " " },
        ...(byteFallback ? [{ type: "ByteFallback" }] : []),
        { type: "Fuse" },
        ...(spacePrefix ? [{ type: "Strip", content: " ", start: 1, stop: 0 }] : []),
      ],
    },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: s.unk,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: true,
      byte_fallback: byteFallback,
      ignore_merges: false,
      vocab: Object.fromEntries(vocabulary(tokens)),
      merges: sentencePieceMerges(tokens, scores!),
    },
  };
}

function byteLevelJson(m: GgufMetadata, tokens: string[]) {
  const pre = m.string("tokenizer.ggml.pre", "default");
  if (!(SUPPORTED_BPE_PRE as readonly string[]).includes(pre)) {
    throw new FormatError(
      m.file,
      `tokenizer.ggml.pre ${JSON.stringify(pre)} is not supported; supported: ` +
        SUPPORTED_BPE_PRE.join(", "),
    );
  }
  const merges = m.strings("tokenizer.ggml.merges");
  if (!merges) m.fail("tokenizer.ggml.merges", "an array of strings (byte-level BPE needs them)");
  const pairs = merges!.map((line, i) => {
    const parts = line.split(" ");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      m.fail("tokenizer.ggml.merges", `"left right" pairs; item ${i} is ${JSON.stringify(line)}`);
    }
    return parts as [string, string];
  });
  return {
    normalizer: null,
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [
        { type: "Split", pattern: { Regex: LLAMA3_SPLIT }, behavior: "Isolated", invert: false },
        { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: true,
      vocab: Object.fromEntries(vocabulary(tokens)),
      merges: pairs,
    },
  };
}

/** tokenizer.json and tokenizer_config.json contents from GGUF metadata. */
export function ggufTokenizerFiles(
  m: GgufMetadata,
): { tokenizer: Record<string, unknown>; config: Record<string, unknown> } {
  const model = m.string("tokenizer.ggml.model");
  const tokens = m.strings("tokenizer.ggml.tokens");
  if (!tokens || tokens.length === 0) {
    m.fail("tokenizer.ggml.tokens", "a non-empty array of strings");
  }
  const types = m.ints("tokenizer.ggml.token_type", tokens!.length);
  const isSpm = model === "llama";
  if (!isSpm && model !== "gpt2") {
    m.fail("tokenizer.ggml.model", `"llama" (SentencePiece) or "gpt2" (byte-level BPE)`);
  }
  const pre = isSpm ? "" : m.string("tokenizer.ggml.pre", "default");
  const s: Specials = {
    bos: optionalToken(m, "tokenizer.ggml.bos_token_id", tokens!),
    eos: optionalToken(m, "tokenizer.ggml.eos_token_id", tokens!),
    unk: optionalToken(m, "tokenizer.ggml.unknown_token_id", tokens!),
    // llama.cpp's defaults: BOS for SentencePiece and Llama 3, not for other BPE.
    addBos: m.bool(
      "tokenizer.ggml.add_bos_token",
      isSpm || SUPPORTED_BPE_PRE.includes(pre as never),
    ),
    addEos: m.bool("tokenizer.ggml.add_eos_token", false),
  };
  const body = isSpm ? sentencePieceJson(m, tokens!, types, s) : byteLevelJson(m, tokens!);
  const processing = templateProcessing(s, vocabulary(tokens!));
  const byteLevelPost = {
    type: "ByteLevel",
    add_prefix_space: true,
    trim_offsets: false,
    use_regex: true,
  };
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: addedTokens(tokens!, types),
    ...body,
    post_processor: isSpm
      ? processing
      : { type: "Sequence", processors: [byteLevelPost, ...(processing ? [processing] : [])] },
  };
  const chatTemplate = m.has("tokenizer.chat_template")
    ? m.string("tokenizer.chat_template")
    : undefined;
  const config: Record<string, unknown> = {
    add_bos_token: s.addBos,
    add_eos_token: s.addEos,
    bos_token: s.bos,
    eos_token: s.eos,
    unk_token: s.unk,
    clean_up_tokenization_spaces: false,
    ...(chatTemplate !== undefined ? { chat_template: chatTemplate } : {}),
  };
  return { tokenizer, config };
}

/** The Tokenizer of a GGUF file; errors name the file and the metadata key. */
export function ggufTokenizer(m: GgufMetadata, vocabSize: number): Tokenizer {
  const { tokenizer, config } = ggufTokenizerFiles(m);
  return Tokenizer.fromJson(tokenizer, config, `${m.file} (tokenizer.ggml.*)`, {
    configFile: `${m.file} (tokenizer metadata)`,
    vocabSize,
  });
}
