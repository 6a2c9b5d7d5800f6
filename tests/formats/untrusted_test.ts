// Model files as untrusted input: a config.json whose numbers disagree with
// the checkpoint, tokenizer ids far past the vocabulary, chat templates that
// would render for minutes. Each fails fast with an error naming the file,
// and a failed Engine.load leaves no GPU buffer behind.

import assert from "node:assert/strict";
import { cpuUsage } from "node:process";
import { Engine } from "../../engine/engine.ts";
import { FormatError } from "../../engine/errors.ts";
import {
  openSafetensors,
  type TensorToWrite,
  writeSafetensors,
} from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { Tokenizer } from "../../engine/formats/tokenizer.ts";
import { MAX_RANGE } from "../../engine/formats/chat_template.ts";
import { modelPath } from "../util/fixtures.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const STORIES = modelPath("stories260K");
const LLAMA3 = modelPath("llama3-tiny");

/** A copy of stories260K with config.json, tokenizer.json or extra tensors edited. */
async function copyModel(edit: {
  config?: (c: Record<string, unknown>) => void;
  tokenizer?: (t: Record<string, unknown>) => void;
  extraTensor?: string;
}): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "loupe-untrusted-" });
  for await (const f of Deno.readDir(STORIES)) {
    if (f.isFile) await Deno.copyFile(`${STORIES}/${f.name}`, `${dir}/${f.name}`);
  }
  for (const [file, fn] of [["config.json", edit.config], ["tokenizer.json", edit.tokenizer]]) {
    if (!fn) continue;
    const json = JSON.parse(await Deno.readTextFile(`${dir}/${file}`));
    (fn as (j: Record<string, unknown>) => void)(json);
    await Deno.writeTextFile(`${dir}/${file}`, JSON.stringify(json));
  }
  if (edit.extraTensor) {
    const ckpt = await openSafetensors(await openSource(dir), "model.safetensors");
    const tensors: TensorToWrite[] = [];
    for (const [name, info] of ckpt.tensors) {
      tensors.push({
        name,
        dtype: "F32" as const,
        shape: info.shape,
        data: await ckpt.readF32(name),
      });
    }
    ckpt.close();
    tensors.push({ name: edit.extraTensor, dtype: "F32", shape: [2], data: new Float32Array(2) });
    await Deno.writeFile(`${dir}/model.safetensors`, writeSafetensors(tensors));
  }
  return dir;
}

/** Engine.load must fail with a FormatError matching `pattern`, quickly, leaving no buffer. */
async function assertLoadRefused(dir: string, pattern: RegExp, maxMs = 5000) {
  const before = gpu.liveBuffers;
  const t0 = performance.now();
  const err = await Engine.load(dir, { gpu }).then((e) => (e.dispose(), null), (e) => e);
  const ms = performance.now() - t0;
  try {
    assert.ok(err instanceof FormatError, `expected a FormatError, got ${err}`);
    assert.match(err.message, pattern);
    assert.ok(ms < maxMs, `the refusal took ${ms.toFixed(0)} ms`);
    assert.deepEqual(gpu.liveBuffers, before, "a failed load left GPU buffers allocated");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("config: 1000 layers against a 5-layer checkpoint fail on the checkpoint's own list", async () => {
  await assertLoadRefused(
    await copyModel({ config: (c) => c.num_hidden_layers = 1000 }),
    /model\.safetensors: config\.json says num_hidden_layers is 1000, but the checkpoint's tensors are for 5 layers/,
    1000,
  );
});

Deno.test("config: fewer layers than the checkpoint holds is an error, not a silently shorter model", async () => {
  await assertLoadRefused(
    await copyModel({ config: (c) => c.num_hidden_layers = 4 }),
    /num_hidden_layers is 4, but the checkpoint's tensors are for 5 layers/,
  );
});

Deno.test("config: a tensor the config does not account for is named", async () => {
  await assertLoadRefused(
    await copyModel({ extraTensor: "model.layers.0.mlp.extra_proj.weight" }),
    /1 tensor\(s\) that config\.json does not account for: model\.layers\.0\.mlp\.extra_proj\.weight/,
  );
  await assertLoadRefused(
    await copyModel({ extraTensor: "lm_head.weight" }),
    /does not account for: lm_head\.weight \(config\.json says tie_word_embeddings\)/,
  );
});

Deno.test("config: huge numbers and an epsilon of 1e308 are refused by range, naming the field", async () => {
  await assertLoadRefused(
    await copyModel({ config: (c) => c.num_hidden_layers = 2 ** 31 - 1 }),
    /config\.json: num_hidden_layers must be a positive integer at most 1024, got 2147483647/,
    1000,
  );
  await assertLoadRefused(
    await copyModel({ config: (c) => c.rms_norm_eps = 1e308 }),
    /rms_norm_eps must be a number in \[1e-12, 0\.1\], got 1e\+308/,
  );
});

Deno.test("tokenizer: an id of 2^31 in the vocab or added_tokens is refused before building", async () => {
  const vocab = (t: Record<string, unknown>) =>
    (t.model as { vocab: Record<string, number> }).vocab;
  await assertLoadRefused(
    await copyModel({ tokenizer: (t) => vocab(t)["<big>"] = 2 ** 31 }),
    /tokenizer\.json: model\.vocab "<big>" has id 2147483648; ids must be integers in 0\.\.511 \(the model's vocab_size is 512\)/,
    2000,
  );
  await assertLoadRefused(
    await copyModel({
      tokenizer: (t) =>
        (t.added_tokens as unknown[]).push({ id: 2 ** 31, content: "<x>", special: true }),
    }),
    /added_tokens\[\d+\] "<x>" has id 2147483648/,
    2000,
  );
});

Deno.test("tokenizer: a vocabulary larger than config.json's vocab_size fails at load", async () => {
  await assertLoadRefused(
    await copyModel({ config: (c) => c.vocab_size = 400 }),
    /tokenizer\.json: model\.vocab .* has id 4\d\d; ids must be integers in 0\.\.399 \(the model's vocab_size is 400\)/,
  );
});

Deno.test("chat templates: range(10^7), nested loops and doubling strings stop with a clear error", async () => {
  const json = JSON.parse(await Deno.readTextFile(`${LLAMA3}/tokenizer.json`));
  const config = JSON.parse(await Deno.readTextFile(`${LLAMA3}/tokenizer_config.json`));
  const cases: [string, RegExp][] = [
    [
      "{% for i in range(10000000) %}x{% endfor %}",
      new RegExp(`range\\(\\) of 10000000 items exceeds the limit of ${MAX_RANGE}`),
    ],
    [
      "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
      /rendering took more than \d+ steps/,
    ],
    [
      "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}" +
      "{% endfor %}{{ ns.s }}",
      /a string of \d+ characters exceeds the limit/,
    ],
  ];
  for (const [template, pattern] of cases) {
    const tok = Tokenizer.fromJson(
      json,
      { ...config, chat_template: template },
      "t/tokenizer.json",
    );
    // Judged by this process's CPU time: on a loaded machine wall time says
    // little (4.8 s of wall time was seen with 2 cores shared by 10 processes).
    const cpu0 = cpuUsage();
    assert.throws(
      () => tok.applyChatTemplate([{ role: "user", content: "hi" }]),
      (e: Error) =>
        /t\/tokenizer_config\.json: chat_template failed: /.test(e.message) &&
        pattern.test(e.message),
    );
    const cpu = cpuUsage(cpu0), ms = (cpu.user + cpu.system) / 1000;
    assert.ok(ms < 3000, `${template}: ${ms.toFixed(0)} ms of CPU time`);
  }
  // The real template still renders a long conversation within the limits.
  const tok = Tokenizer.fromJson(json, config, "t/tokenizer.json");
  const messages = Array.from({ length: 2000 }, (_, i) => ({
    role: i % 2 ? "assistant" : "user",
    content: `message ${i}`,
  }));
  assert.match(tok.applyChatTemplate(messages), /message 1999<\|eot_id\|>/);
});
