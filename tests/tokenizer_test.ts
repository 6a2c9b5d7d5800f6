import assert from "node:assert/strict";
import { type DecodeStream, Tokenizer } from "../engine/formats/tokenizer.ts";
import { rng } from "./util/compare.ts";

const MODELS = new URL("./fixtures/models/", import.meta.url);

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await Deno.readTextFile(new URL(path, MODELS)));
}

async function load(model: string): Promise<Tokenizer> {
  const dir = new URL(`${model}/`, MODELS);
  const file = new URL("tokenizer.json", dir);
  let config: unknown = null;
  try {
    config = JSON.parse(await Deno.readTextFile(new URL("tokenizer_config.json", dir)));
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return Tokenizer.fromJson(JSON.parse(await Deno.readTextFile(file)), config, file.pathname);
}

function streamAll(stream: DecodeStream, ids: readonly number[]): string[] {
  const chunks = ids.map((id) => stream.push(id));
  chunks.push(stream.flush());
  return chunks;
}

interface RefCase {
  name: string;
  text: string;
  ids: number[];
  tokens: string[];
  decoded_skip_special: string;
  decoded_with_special: string;
  roundtrip_skip_special: boolean;
}
interface Reference {
  vocab_size: number;
  special_ids: Record<string, number>;
  cases: RefCase[];
  chat: {
    messages: { role: string; content: string }[];
    add_generation_prompt: boolean;
    text: string;
    ids: number[];
    tokens: string[];
  };
}

const llama3 = await load("llama3-tiny");
const stories = await load("stories260K");
const tiny656k = await load("tinystories-656k");
const ref = await readJson("llama3-tiny/tokenizer-reference.json") as Reference;

for (const c of ref.cases) {
  Deno.test(`tokenizer: llama3-tiny reference case "${c.name}"`, () => {
    assert.deepEqual(llama3.encode(c.text), c.ids);
    assert.deepEqual(c.ids.map((id) => llama3.idToToken(id)), c.tokens);
    assert.equal(llama3.decode(c.ids, { skipSpecialTokens: true }), c.decoded_skip_special);
    assert.equal(llama3.decode(c.ids), c.decoded_with_special);
    assert.equal(c.decoded_skip_special === c.text, c.roundtrip_skip_special);
    // Without the post-processor's BOS the ids are the rest of the sequence.
    assert.deepEqual(llama3.encode(c.text, { addSpecialTokens: false }), c.ids.slice(1));
  });
}

Deno.test("tokenizer: llama3-tiny chat template renders and encodes like the reference", () => {
  const { chat } = ref;
  const opts = { addGenerationPrompt: chat.add_generation_prompt };
  assert.equal(llama3.applyChatTemplate(chat.messages, opts), chat.text);
  const ids = llama3.encodeChat(chat.messages, opts);
  assert.deepEqual(ids, chat.ids);
  assert.deepEqual(ids.map((id) => llama3.idToToken(id)), chat.tokens);
  assert.equal(ids.filter((id) => id === llama3.bosId).length, 1, "exactly one BOS");
  const noPrompt = llama3.applyChatTemplate(chat.messages, { addGenerationPrompt: false });
  assert.equal(noPrompt + "<|start_header_id|>assistant<|end_header_id|>\n\n", chat.text);
});

Deno.test("tokenizer: llama3-tiny special ids and vocabulary", () => {
  assert.equal(llama3.vocabSize, ref.vocab_size);
  assert.equal(llama3.bosId, ref.special_ids["<|begin_of_text|>"]);
  assert.deepEqual(llama3.eosIds, [ref.special_ids["<|eot_id|>"]]);
  for (const [token, id] of Object.entries(ref.special_ids)) {
    assert.equal(llama3.idToToken(id), token);
    assert.equal(llama3.tokenToId(token), id);
  }
  assert.equal(llama3.idToToken(512), undefined);
});

Deno.test("tokenizer: stories260K encodes like llama2.c and round-trips", () => {
  assert.deepEqual(stories.encode("Once upon a time"), [1, 403, 407, 261, 378]);
  assert.deepEqual(stories.encode("Lily wanted"), [1, 317, 391, 266]);
  assert.equal(stories.bosId, 1);
  assert.deepEqual(stories.eosIds, [2]);
  assert.equal(stories.vocabSize, 512);
  for (const text of ["Once upon a time", "Lily wanted", "  two  spaces\nand a café 🦙!", ""]) {
    const ids = stories.encode(text);
    assert.equal(ids[0], 1);
    assert.equal(stories.decode(ids, { skipSpecialTokens: true }), text);
  }
  // Not a chat model: the error says which file lacks the template.
  assert.throws(
    () => stories.applyChatTemplate([{ role: "user", content: "hi" }]),
    /stories260K\/tokenizer_config\.json has no "chat_template"/,
  );
});

Deno.test("tokenizer: tinystories-656k encodes its reference prompt", () => {
  assert.deepEqual(tiny656k.encode("Once upon a time"), [1, 80, 147, 201, 282, 57]);
  assert.equal(tiny656k.bosId, 1);
  assert.deepEqual(tiny656k.eosIds, [2]);
  assert.equal(tiny656k.vocabSize, 2048);
  const ids = tiny656k.encode("Once upon a time, there was a little girl named Lily.");
  assert.equal(
    tiny656k.decode(ids, { skipSpecialTokens: true }),
    "Once upon a time, there was a little girl named Lily.",
  );
});

interface Llama2cRun {
  prompt: string;
  prompt_tokens: number[];
  token_ids: number[];
  stdout: string;
}
const llama2c = await readJson("stories260K/llama2c/greedy_reference.json") as {
  runs: Llama2cRun[];
};
const txtFiles: Record<string, string> = {
  "": "greedy_noprompt.txt",
  "Once upon a time": "greedy_once_upon_a_time.txt",
  "Lily wanted": "greedy_lily_wanted.txt",
};

for (const run of llama2c.runs) {
  Deno.test(`tokenizer: llama2.c's printed text for prompt "${run.prompt}"`, async () => {
    const printed = await Deno.readTextFile(
      new URL(`stories260K/llama2c/${txtFiles[run.prompt]}`, MODELS),
    );
    assert.equal(printed, run.stdout);
    assert.equal(run.token_ids.length, 257);
    assert.deepEqual(run.token_ids.slice(0, run.prompt_tokens.length), run.prompt_tokens);
    assert.deepEqual(stories.encode(run.prompt), run.prompt_tokens);
    // llama2.c prints every id after BOS (prompt included), drops the first
    // piece's leading space after BOS, and ends with printf("\n").
    const text = stories.decode(run.token_ids, { skipSpecialTokens: true });
    assert.equal(text + "\n", printed);
    // Keeping the special tokens shows BOS and, since the text no longer
    // starts with a space, the first word's space too.
    assert.equal(stories.decode(run.token_ids), "<s> " + text);

    // Streaming from BOS reproduces the printout chunk by chunk.
    const fromBos = streamAll(stories.decodeStream({ skipSpecialTokens: true }), run.token_ids);
    assert.equal(fromBos.join(""), text);
    // Streaming only the generated ids after the prompt continues the prompt's text exactly.
    const gen = run.token_ids.slice(run.prompt_tokens.length);
    const stream = stories.decodeStream({ prompt: run.prompt_tokens, skipSpecialTokens: true });
    assert.equal(run.prompt + streamAll(stream, gen).join(""), text);
    // Without the prompt, decode(generated) strips the first piece's space, as the stream does.
    const bare = streamAll(stories.decodeStream(), gen).join("");
    assert.equal(bare, stories.decode(gen));
    if (run.prompt !== "") assert.equal(bare, text.slice(run.prompt.length).replace(/^ /, ""));
  });
}

Deno.test("tokenizer: stream holds back split UTF-8 (byte-level and byte-fallback)", () => {
  const text = "a 🦙, 你好 café";
  for (const tok of [llama3, stories]) {
    const ids = tok.encode(text, { addSpecialTokens: false });
    const chunks = streamAll(tok.decodeStream(), ids);
    assert.equal(chunks.join(""), text);
    for (const c of chunks) assert.ok(!c.includes("\uFFFD"), `partial character in ${c}`);
    assert.ok(chunks.includes("🦙") || chunks.includes(" 🦙"), chunks.join("|"));
  }
  // Llama's four byte tokens of one emoji: nothing until the last.
  const llama = llama3.encode("🦙", { addSpecialTokens: false });
  assert.equal(llama.length, 4);
  assert.deepEqual(streamAll(llama3.decodeStream(), llama), ["", "", "", "🦙", ""]);
});

Deno.test("tokenizer: stream keeps the first generated space only with a prompt", () => {
  const prompt = stories.encode("Once upon a time");
  const whole = stories.encode("Once upon a time there was");
  assert.deepEqual(whole.slice(0, prompt.length), prompt);
  const gen = whole.slice(prompt.length);
  const withPrompt = streamAll(stories.decodeStream({ prompt, skipSpecialTokens: true }), gen);
  assert.equal(withPrompt.join(""), " there was");
  assert.equal(streamAll(stories.decodeStream(), gen).join(""), "there was");
  // A prompt ending mid-character: the completed character comes out once.
  const bytes = llama3.encode("é", { addSpecialTokens: false });
  assert.equal(bytes.length, 2);
  const s = llama3.decodeStream({ prompt: [llama3.bosId!, bytes[0]], skipSpecialTokens: true });
  assert.deepEqual(streamAll(s, [bytes[1], 64]), ["é", "a", ""]);
});

function randomIds(random: () => number, n: number, vocab: number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * vocab));
}

Deno.test("tokenizer: stream equals decode for random llama3-tiny id sequences", () => {
  const random = rng(7);
  // Mostly byte tokens 128..255 (UTF-8 lead and continuation bytes) so
  // characters are split, completed and broken; some merges and specials.
  const pick = () => {
    const r = random();
    if (r < 0.6) return 128 + Math.floor(random() * 128);
    if (r < 0.95) return Math.floor(random() * 496);
    return 496 + Math.floor(random() * 16);
  };
  for (let trial = 0; trial < 300; trial++) {
    const ids = Array.from({ length: 1 + Math.floor(random() * 40) }, pick);
    for (const skipSpecialTokens of [false, true]) {
      const got = streamAll(llama3.decodeStream({ skipSpecialTokens }), ids).join("");
      assert.equal(got, llama3.decode(ids, { skipSpecialTokens }), `ids ${ids}`);
      const prompt = randomIds(random, 5, 512);
      const s = llama3.decodeStream({ prompt, skipSpecialTokens });
      const all = llama3.decode([...prompt, ...ids], { skipSpecialTokens });
      const head = llama3.decode(prompt, { skipSpecialTokens });
      if (all.startsWith(head)) assert.equal(head + streamAll(s, ids).join(""), all);
    }
  }
});

Deno.test("tokenizer: stream equals decode for random stories260K id sequences", () => {
  const random = rng(11);
  for (let trial = 0; trial < 300; trial++) {
    const ids = randomIds(random, 1 + Math.floor(random() * 40), 512);
    for (const skipSpecialTokens of [false, true]) {
      const got = streamAll(stories.decodeStream({ skipSpecialTokens }), ids).join("");
      assert.equal(got, stories.decode(ids, { skipSpecialTokens }), `ids ${ids}`);
    }
  }
});

Deno.test("tokenizer: bad input fails with the file's name", () => {
  assert.throws(() => Tokenizer.fromJson("nope", null, "m/tokenizer.json"), /m\/tokenizer\.json/);
  assert.throws(
    () => Tokenizer.fromJson({ version: "1.0" }, null, "m/tokenizer.json"),
    /m\/tokenizer\.json/,
  );
  assert.throws(
    () => Tokenizer.fromJson({ model: { type: "Nope" } }, null, "m/tokenizer.json"),
    /m\/tokenizer\.json: cannot build/,
  );
  assert.throws(
    () => Tokenizer.fromJson({ model: {} }, [], "m/tokenizer.json"),
    /m\/tokenizer_config\.json/,
  );
  assert.throws(
    () => Tokenizer.fromText("{not json", null, "m/tokenizer.json"),
    /m\/tokenizer\.json: not valid JSON/,
  );
  assert.throws(
    () => Tokenizer.fromText('{"model": {}}', "{", "m/tokenizer.json"),
    /m\/tokenizer_config\.json: not valid JSON/,
  );
  assert.throws(() => llama3.decode([512]), /outside .*llama3-tiny\/tokenizer\.json's vocabulary/);
  assert.throws(() => llama3.decode([1.5]), RangeError);
  assert.equal(llama3.decode([]), "");
  const stream = llama3.decodeStream();
  assert.throws(() => stream.push(-1), RangeError);
  assert.equal(stream.push(64), "a");
});

Deno.test("tokenizer: a tokenizer without tokenizer_config.json still works", async () => {
  const file = new URL("tinystories-656k/tokenizer.json", MODELS);
  const tok = Tokenizer.fromJson(JSON.parse(await Deno.readTextFile(file)), null, file.pathname);
  assert.deepEqual(tok.encode("Once upon a time"), [1, 80, 147, 201, 282, 57]);
  assert.equal(tok.bosId, 1); // from the post-processor
  // "<|end_story|>" is no known EOS name: the engine needs config.json's eos_token_id here.
  assert.deepEqual(tok.eosIds, []);
  assert.throws(
    () => tok.applyChatTemplate([{ role: "user", content: "hi" }]),
    /tinystories-656k\/tokenizer_config\.json was not found/,
  );
});

Deno.test("tokenizer: a separate chat_template.jinja wins and sees bos_token", async () => {
  const dir = new URL("stories260K/", MODELS);
  const tok = Tokenizer.fromText(
    await Deno.readTextFile(new URL("tokenizer.json", dir)),
    await Deno.readTextFile(new URL("tokenizer_config.json", dir)),
    "stories260K/tokenizer.json",
    { chatTemplate: "{{ bos_token }}{% for m in messages %}{{ m.content }}{% endfor %}" },
  );
  const messages = [{ role: "user", content: "Once upon a time" }];
  assert.equal(tok.applyChatTemplate(messages), "<s>Once upon a time");
  // The template's "<s>" is the one BOS; the text after it gets SentencePiece's prepended space.
  assert.deepEqual(tok.encodeChat(messages), [1, 403, 407, 261, 378]);
});
