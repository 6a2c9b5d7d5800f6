// Tokenizer: a Hugging Face tokenizer.json (+ tokenizer_config.json) wrapped
// for generation. Encoding and whole-sequence decoding are delegated to
// @huggingface/tokenizers (tokenizers.js), which the fixtures were
// cross-checked against; this file adds what generation needs on top: special
// token ids, a streaming decoder that never emits half a character, and chat
// templates rendered by @huggingface/jinja.
//
// The caller reads the files (Deno and browsers read them differently); every
// error names the file it is about.

// Full npm: specifiers (not deno.json's import map) so that the library runs
// when imported by path or URL from a project without our deno.json.
// deno-lint-ignore no-import-prefix
import { Tokenizer as HfTokenizer } from "npm:@huggingface/tokenizers@0.2.0";
// deno-lint-ignore no-import-prefix
import { Template } from "npm:@huggingface/jinja@0.5.11";
import { FormatError } from "../errors.ts";
import { renderBounded, templateLimits } from "./chat_template.ts";
import { checkId, StreamDecoder } from "./decode_stream.ts";

/** One turn of a conversation, as chat templates expect it. */
export interface ChatMessage {
  /** "system", "user", "assistant" or whatever the template knows. */
  role: string;
  /** The turn's text. */
  content: string;
}

export interface TokenizerOptions {
  /** Path of tokenizer_config.json, for error messages (default: beside `file`). */
  configFile?: string;
  /** Contents of a separate chat_template.jinja; wins over tokenizer_config's. */
  chatTemplate?: string;
  /**
   * The model's vocabulary size (config.json vocab_size): every token id must
   * be below it. Without it ids are only held below MAX_TOKEN_ID.
   */
  vocabSize?: number;
}

/** Ids above this are refused even without a vocab_size: the tokenizer allocates up to the largest. */
export const MAX_TOKEN_ID = 1 << 22;

/** Options of {@link Tokenizer.applyChatTemplate}. */
export interface ChatOptions {
  /** End with the assistant header so that the model answers (default false). */
  addGenerationPrompt?: boolean;
  /** Extra template variables (tools, documents, date_string, ...). */
  extra?: Record<string, unknown>;
}

/** Options of {@link Tokenizer.decodeStream}. */
export interface DecodeStreamOptions {
  /** Leave out special tokens (BOS, EOS, chat markers) from the text (default false). */
  skipSpecialTokens?: boolean;
  /**
   * Ids already in the context (the prompt). With them the stream yields
   * decode(prompt + generated) minus decode(prompt), so the first generated
   * token keeps its leading space; without them it yields decode(generated),
   * whose leading SentencePiece space is stripped like any decode's.
   */
  prompt?: readonly number[];
}

/** Incremental detokenizer for one generation. */
export interface DecodeStream {
  /** Adds one id; returns the text it completed ("" while a character is still partial). */
  push(id: number): string;
  /** Returns whatever is still held back (an incomplete byte sequence decodes to U+FFFD). */
  flush(): string;
}

// Used only when tokenizer_config.json is absent or names no eos_token: the
// end-of-sequence tokens of the Llama families this engine runs.
const KNOWN_EOS = ["</s>", "<|end_of_text|>", "<|eot_id|>", "<|eom_id|>", "<|endoftext|>"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** tokenizer_config.json writes special tokens as strings or as serialized AddedToken objects. */
function tokenContent(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (isObject(v) && typeof v.content === "string") return v.content;
  return null;
}

/**
 * Every id in model.vocab and added_tokens must be an integer below `limit`
 * before tokenizers.js sees them: its get_vocab() fills an array up to the
 * largest id, so one id of 2^31 costs minutes and gigabytes.
 */
function checkTokenIds(json: Record<string, unknown>, file: string, limit: number, why: string) {
  const check = (id: unknown, what: string) => {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id >= limit) {
      throw new FormatError(
        file,
        `${what} has id ${JSON.stringify(id)}; ids must be integers in 0..${limit - 1} (${why})`,
      );
    }
  };
  const vocab = (json.model as Record<string, unknown>).vocab;
  if (isObject(vocab)) {
    for (const [token, id] of Object.entries(vocab)) {
      check(id, `model.vocab ${JSON.stringify(token)}`);
    }
  } else if (Array.isArray(vocab) && vocab.length > limit) {
    throw new FormatError(file, `model.vocab has ${vocab.length} pieces, more than ${why}`);
  }
  const added = json.added_tokens ?? [];
  if (!Array.isArray(added)) throw new FormatError(file, "added_tokens must be a list");
  added.forEach((t, i) => {
    if (!isObject(t) || typeof t.content !== "string") {
      throw new FormatError(file, `added_tokens[${i}] must be an object with a string content`);
    }
    check(t.id, `added_tokens[${i}] ${JSON.stringify(t.content)}`);
  });
}

function sibling(file: string, name: string): string {
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return slash < 0 ? name : file.slice(0, slash + 1) + name;
}

/**
 * A Hugging Face tokenizer.json with its tokenizer_config.json: encode, decode,
 * stream-decode and chat templates. Every id is checked against the model's
 * vocabulary.
 */
export class Tokenizer {
  /** Path or URL of tokenizer.json, named in errors. */
  readonly file: string;
  /** Path or URL of tokenizer_config.json (which may not exist), named in errors. */
  readonly configFile: string;
  /** Number of ids: every id is below it. */
  readonly vocabSize: number;
  /** The beginning-of-sequence id, if the tokenizer has one. */
  readonly bosId: number | null;
  /** Ids that end a generation (tokenizer_config's eos_token and the model's eos ids). */
  readonly eosIds: readonly number[];
  /** The BOS token's text, e.g. "<s>" or "<|begin_of_text|>". */
  readonly bosToken: string | null;
  /** The EOS token's text. */
  readonly eosToken: string | null;
  /** The Jinja chat template, or null when the model has none. */
  readonly chatTemplate: string | null;
  #hf: HfTokenizer;
  #config: Record<string, unknown> | null;
  #cleanUp: boolean;
  #template: Template | null = null;
  #sources?: { tokenizer: unknown; config: unknown; chatTemplate?: string };

  private constructor(
    hf: HfTokenizer,
    config: Record<string, unknown> | null,
    file: string,
    opts: TokenizerOptions,
  ) {
    this.#hf = hf;
    this.#config = config;
    this.file = file;
    this.configFile = opts.configFile ?? sibling(file, "tokenizer_config.json");
    // Ids are dense in every tokenizer.json we know of; the largest id bounds them anyway.
    let maxId = -1;
    for (const id of hf.get_vocab(true).values()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
    // Cleanup rewrites " ." to "." across token boundaries, which a stream cannot
    // take back; tokenizers.js defaults it on, so only an explicit true enables it.
    this.#cleanUp = config?.clean_up_tokenization_spaces === true;

    this.bosToken = tokenContent(config?.bos_token);
    this.eosToken = tokenContent(config?.eos_token);
    this.bosId = this.bosToken !== null ? this.#configTokenId("bos_token", this.bosToken) : (
      // Without a config, BOS is whatever special token the post-processor prepends.
      this.#firstSpecialOfEmpty()
    );
    if (this.bosToken === null && this.bosId !== null) this.bosToken = hf.id_to_token(this.bosId)!;
    if (this.eosToken !== null) {
      this.eosIds = [this.#configTokenId("eos_token", this.eosToken)];
    } else {
      this.eosIds = KNOWN_EOS.map((t) => hf.token_to_id(t)).filter((id) => id !== undefined);
      if (this.eosIds.length > 0) this.eosToken = hf.id_to_token(this.eosIds[0])!;
    }

    // Probe once so that a tokenizer that cannot encode fails at load, not mid-chat.
    this.decode(this.encode("Hello, world! 123", { addSpecialTokens: true }));

    const template = opts.chatTemplate ?? config?.chat_template;
    this.chatTemplate = Tokenizer.#pickTemplate(template, this.configFile);
  }

  /**
   * Builds a tokenizer from parsed tokenizer.json and tokenizer_config.json
   * (null when the model has none). `file` is tokenizer.json's path, used in errors.
   */
  static fromJson(
    tokenizerJson: unknown,
    tokenizerConfig: unknown | null,
    file: string,
    opts: TokenizerOptions = {},
  ): Tokenizer {
    const configFile = opts.configFile ?? sibling(file, "tokenizer_config.json");
    if (!isObject(tokenizerJson) || !isObject(tokenizerJson.model)) {
      throw new Error(`${file}: not a tokenizer.json (expected an object with a "model" object)`);
    }
    if (tokenizerConfig !== null && tokenizerConfig !== undefined && !isObject(tokenizerConfig)) {
      throw new Error(`${configFile}: not a tokenizer_config.json (expected a JSON object)`);
    }
    const config = isObject(tokenizerConfig) ? tokenizerConfig : null;
    const limit = opts.vocabSize ?? MAX_TOKEN_ID;
    checkTokenIds(
      tokenizerJson,
      file,
      limit,
      opts.vocabSize ? `the model's vocab_size is ${opts.vocabSize}` : "the largest supported",
    );
    // The Rust serializer always writes these keys; tokenizers.js insists on them.
    const json = {
      normalizer: null,
      pre_tokenizer: null,
      post_processor: null,
      decoder: null,
      added_tokens: [],
      ...tokenizerJson,
    };
    let hf: HfTokenizer;
    try {
      hf = new HfTokenizer(json, config ?? {});
    } catch (e) {
      throw new Error(`${file}: cannot build the tokenizer: ${errorMessage(e)}`, { cause: e });
    }
    const t = new Tokenizer(hf, config, file, { ...opts, configFile });
    t.#sources = { tokenizer: tokenizerJson, config, chatTemplate: opts.chatTemplate };
    return t;
  }

  /**
   * The files it was built from, as text: tokenizer.json, tokenizer_config.json
   * and chat_template.jinja when there were (Engine.saveWeights stores them).
   */
  files(): Record<string, string> {
    const s = this.#sources!;
    const out: Record<string, string> = { "tokenizer.json": JSON.stringify(s.tokenizer) };
    if (s.config) out["tokenizer_config.json"] = JSON.stringify(s.config);
    if (s.chatTemplate !== undefined) out["chat_template.jinja"] = s.chatTemplate;
    return out;
  }

  /** Like fromJson, from the files' text, so that malformed JSON is reported with its file. */
  static fromText(
    tokenizerText: string,
    configText: string | null,
    file: string,
    opts: TokenizerOptions = {},
  ): Tokenizer {
    const configFile = opts.configFile ?? sibling(file, "tokenizer_config.json");
    const parse = (text: string, name: string): unknown => {
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Error(`${name}: not valid JSON: ${errorMessage(e)}`, { cause: e });
      }
    };
    const config = configText === null ? null : parse(configText, configFile);
    return Tokenizer.fromJson(parse(tokenizerText, file), config, file, { ...opts, configFile });
  }

  /** Text to ids; with `addSpecialTokens` (default true) the tokenizer's BOS is prepended. */
  encode(text: string, { addSpecialTokens = true }: { addSpecialTokens?: boolean } = {}): number[] {
    return this.#library(
      "encode",
      () => this.#hf.encode(text, { add_special_tokens: addSpecialTokens }).ids,
    );
  }

  /** Ids to text; throws for an id outside the vocabulary. */
  decode(
    ids: readonly number[],
    { skipSpecialTokens = false }: { skipSpecialTokens?: boolean } = {},
  ): string {
    for (const id of ids) checkId(this, id);
    if (ids.length === 0) return ""; // tokenizers.js throws on an empty list
    return this.#library("decode", () =>
      this.#hf.decode([...ids], {
        skip_special_tokens: skipSpecialTokens,
        clean_up_tokenization_spaces: this.#cleanUp,
      }));
  }

  /** A decoder fed one id at a time that never emits half a character. */
  decodeStream(opts: DecodeStreamOptions = {}): DecodeStream {
    for (const id of opts.prompt ?? []) checkId(this, id);
    return new StreamDecoder(this, opts.skipSpecialTokens ?? false, opts.prompt ?? []);
  }

  /** The token's text as in the vocabulary (e.g. "▁Once"), or undefined. */
  idToToken(id: number): string | undefined {
    return this.#hf.id_to_token(id);
  }

  /** The id of a vocabulary entry, or undefined. */
  tokenToId(token: string): number | undefined {
    return this.#hf.token_to_id(token);
  }

  /** Renders the model's chat template (the text still holds BOS and the other special tokens). */
  applyChatTemplate(messages: readonly ChatMessage[], opts: ChatOptions = {}): string {
    if (this.chatTemplate === null) {
      const where = this.#config === null
        ? `${this.configFile} was not found`
        : `${this.configFile} has no "chat_template"`;
      throw new Error(
        `no chat template: ${where}, so this is not a chat model; encode plain text instead`,
      );
    }
    try {
      this.#template ??= new Template(this.chatTemplate);
    } catch (e) {
      throw new Error(`${this.configFile}: chat_template does not parse: ${errorMessage(e)}`, {
        cause: e,
      });
    }
    const specials: Record<string, string | null> = {};
    for (const key of ["bos_token", "eos_token", "unk_token", "pad_token"]) {
      specials[key] = tokenContent(this.#config?.[key]);
    }
    specials.bos_token ??= this.bosToken;
    specials.eos_token ??= this.eosToken;
    try {
      const chars = messages.reduce((n, m) => n + String(m.content ?? "").length, 0);
      return renderBounded(this.#template, {
        ...specials,
        ...opts.extra,
        messages,
        add_generation_prompt: opts.addGenerationPrompt ?? true,
      }, templateLimits(messages.length, chars));
    } catch (e) {
      throw new Error(`${this.configFile}: chat_template failed: ${errorMessage(e)}`, { cause: e });
    }
  }

  /** The template writes BOS itself, so special tokens are not added again. */
  encodeChat(messages: readonly ChatMessage[], opts: ChatOptions = {}): number[] {
    return this.encode(this.applyChatTemplate(messages, opts), { addSpecialTokens: false });
  }

  #configTokenId(key: string, token: string): number {
    const id = this.#hf.token_to_id(token);
    if (id === undefined) {
      throw new Error(`${this.configFile}: ${key} "${token}" is not in ${this.file}'s vocabulary`);
    }
    return id;
  }

  /**
   * Runs a tokenizers.js call: tokenizers.js builds lazily and fails late (a
   * malformed post_processor throws "type is not iterable" on the first
   * encode), so its errors are this file's errors and name it.
   */
  #library<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw new FormatError(this.file, `${what} failed inside tokenizers.js: ${errorMessage(e)}`, {
        cause: e,
      });
    }
  }

  #firstSpecialOfEmpty(): number | null {
    const id = this.encode("", { addSpecialTokens: true })[0];
    return id !== undefined && this.#hf.get_added_tokens_decoder().get(id)?.special ? id : null;
  }

  static #pickTemplate(template: unknown, configFile: string): string | null {
    if (template === undefined || template === null) return null;
    if (typeof template === "string") return template;
    // transformers also saves several named templates as [{name, template}]; "default" is the chat one.
    if (Array.isArray(template)) {
      const named = template.find((t) => isObject(t) && t.name === "default");
      if (isObject(named) && typeof named.template === "string") return named.template;
    } else if (isObject(template) && typeof template.default === "string") {
      return template.default;
    }
    throw new Error(`${configFile}: chat_template is neither a string nor has a "default" entry`);
  }
}
