import assert from "node:assert/strict";
import {
  type LlamaConfig,
  loadLlamaConfig,
  parseLlamaConfig,
} from "../../engine/formats/config.ts";
import { memorySource } from "../../engine/platform/bytes.ts";
import { openSource } from "../../engine/formats/source.ts";
import { FIXTURE_MODELS } from "../util/hub_server.ts";

// The values tests/fixtures/README.md states for each model.
const EXPECTED: Record<string, LlamaConfig> = {
  "stories260K": {
    architecture: "LlamaForCausalLM",
    hiddenSize: 64,
    intermediateSize: 172,
    numHiddenLayers: 5,
    numAttentionHeads: 8,
    numKeyValueHeads: 4,
    headDim: 8,
    rmsNormEps: 1e-5,
    ropeTheta: 10000,
    ropeScaling: null,
    tieWordEmbeddings: true,
    vocabSize: 512,
    maxPositionEmbeddings: 512,
    bosTokenIds: [1],
    eosTokenIds: [2],
  },
  "llama3-tiny": {
    architecture: "LlamaForCausalLM",
    hiddenSize: 128,
    intermediateSize: 384,
    numHiddenLayers: 4,
    numAttentionHeads: 8,
    numKeyValueHeads: 2,
    headDim: 16,
    rmsNormEps: 1e-5,
    ropeTheta: 500000,
    ropeScaling: {
      type: "llama3",
      factor: 8,
      lowFreqFactor: 1,
      highFreqFactor: 4,
      originalMaxPositionEmbeddings: 32,
    },
    tieWordEmbeddings: false,
    vocabSize: 512,
    maxPositionEmbeddings: 256,
    bosTokenIds: [1],
    eosTokenIds: [2],
  },
  "tinystories-656k": {
    architecture: "LlamaForCausalLM",
    hiddenSize: 128,
    intermediateSize: 384,
    numHiddenLayers: 2,
    numAttentionHeads: 8,
    numKeyValueHeads: 4,
    headDim: 16, // absent from its config.json: hidden / heads
    rmsNormEps: 1e-6,
    ropeTheta: 10000,
    ropeScaling: null,
    tieWordEmbeddings: true,
    vocabSize: 2048,
    maxPositionEmbeddings: 512,
    bosTokenIds: [1],
    eosTokenIds: [2],
  },
};

for (const [model, want] of Object.entries(EXPECTED)) {
  Deno.test(`config: ${model} parses with the values in the fixtures README`, async () => {
    const config = await loadLlamaConfig(await openSource(`${FIXTURE_MODELS}/${model}`));
    assert.deepEqual(config, want);
  });
}

const stories = JSON.parse(
  await Deno.readTextFile(`${FIXTURE_MODELS}/stories260K/config.json`),
) as Record<string, unknown>;

/** stories260K's config with some fields changed (undefined deletes one). */
function variant(changes: Record<string, unknown>): Record<string, unknown> {
  const out = { ...stories, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === undefined) delete out[k];
  return out;
}

Deno.test("config: defaults for absent optional fields", () => {
  const c = parseLlamaConfig(
    variant({
      num_key_value_heads: undefined,
      head_dim: undefined,
      rope_theta: undefined,
      rope_scaling: undefined,
      tie_word_embeddings: undefined,
      bos_token_id: undefined,
      eos_token_id: null,
      architectures: undefined,
    }),
    "config.json",
  );
  assert.equal(c.numKeyValueHeads, 8);
  assert.equal(c.headDim, 8);
  assert.equal(c.ropeTheta, 10000);
  assert.equal(c.ropeScaling, null);
  assert.equal(c.tieWordEmbeddings, false);
  assert.deepEqual(c.bosTokenIds, []);
  assert.deepEqual(c.eosTokenIds, []);
});

Deno.test("config: eos as a list, rope_type default, legacy `type` key", () => {
  const c = parseLlamaConfig(variant({ eos_token_id: [2, 7] }), "config.json");
  assert.deepEqual(c.eosTokenIds, [2, 7]);
  assert.equal(
    parseLlamaConfig(variant({ rope_scaling: { rope_type: "default" } }), "c").ropeScaling,
    null,
  );
  const legacy = parseLlamaConfig(
    variant({
      rope_scaling: {
        type: "llama3",
        factor: 32,
        low_freq_factor: 1,
        high_freq_factor: 4,
        original_max_position_embeddings: 8192,
      },
    }),
    "config.json",
  );
  assert.equal(legacy.ropeScaling?.factor, 32);
  assert.equal(legacy.ropeScaling?.originalMaxPositionEmbeddings, 8192);
});

const llama3 = {
  rope_type: "llama3",
  factor: 8,
  low_freq_factor: 1,
  high_freq_factor: 4,
  original_max_position_embeddings: 32,
};

const BAD: [string, Record<string, unknown>, string][] = [
  [
    "a million layers (would build maps per layer for seconds)",
    { num_hidden_layers: 1e6 },
    "config.json: num_hidden_layers must be a positive integer at most 1024, got 1000000",
  ],
  [
    "2^31 - 1 layers",
    { num_hidden_layers: 2 ** 31 - 1 },
    "config.json: num_hidden_layers must be a positive integer at most 1024, got 2147483647",
  ],
  [
    "rms_norm_eps of 1e308",
    { rms_norm_eps: 1e308 },
    "config.json: rms_norm_eps must be a number in [1e-12, 0.1], got 1e+308",
  ],
  [
    "rope_theta of 1e-300 (infinite frequencies)",
    { rope_theta: 1e-300 },
    "config.json: rope_theta must be a number in [1, 1000000000000], got 1e-300",
  ],
  [
    "a vocab of 2^31",
    { vocab_size: 2 ** 31 },
    "config.json: vocab_size must be a positive integer at most 4194304, got 2147483648",
  ],
  [
    "layers as a string",
    { num_hidden_layers: "4" },
    'config.json: num_hidden_layers must be a positive integer at most 1024, got string "4"',
  ],
  [
    "missing hidden_size",
    { hidden_size: undefined },
    "config.json: hidden_size must be a positive integer at most 131072, got nothing (missing)",
  ],
  [
    "fractional intermediate",
    { intermediate_size: 17.5 },
    "config.json: intermediate_size must be a positive integer at most 1048576, got 17.5",
  ],
  [
    "zero heads",
    { num_attention_heads: 0 },
    "config.json: num_attention_heads must be a positive integer at most 1024, got 0",
  ],
  [
    "missing vocab",
    { vocab_size: undefined },
    "config.json: vocab_size must be a positive integer at most 4194304, got nothing (missing)",
  ],
  [
    "missing eps",
    { rms_norm_eps: undefined },
    "config.json: rms_norm_eps must be a number in [1e-12, 0.1], got nothing (missing)",
  ],
  [
    "negative theta",
    { rope_theta: -1 },
    "config.json: rope_theta must be a number in [1, 1000000000000], got -1",
  ],
  [
    "missing max positions",
    { max_position_embeddings: undefined },
    "config.json: max_position_embeddings must be a positive integer at most 16777216, got nothing (missing)",
  ],
  [
    "tie as a string",
    { tie_word_embeddings: "true" },
    'config.json: tie_word_embeddings must be true or false, got string "true"',
  ],
  [
    "eos as a string",
    { eos_token_id: "2" },
    'config.json: eos_token_id must be a non-negative integer, a list of them, or null, got string "2"',
  ],
  [
    "bos beyond vocab",
    { bos_token_id: 512 },
    "config.json: bos_token_id must be below vocab_size 512, got 512",
  ],
  [
    "other architecture",
    { architectures: ["MistralForCausalLM"] },
    'config.json: architectures is ["MistralForCausalLM"]; Loupe runs only LlamaForCausalLM',
  ],
  [
    "architectures not a list",
    { architectures: "LlamaForCausalLM" },
    'config.json: architectures must be a list of strings such as ["LlamaForCausalLM"], got string "LlamaForCausalLM"',
  ],
  [
    "gelu",
    { hidden_act: "gelu" },
    'config.json: hidden_act must be "silu" (the only activation supported), got string "gelu"',
  ],
  [
    "attention bias",
    { attention_bias: true },
    "config.json: attention_bias must be false (biases are not supported), got boolean true",
  ],
  [
    "heads not a multiple of kv heads",
    { num_key_value_heads: 3 },
    "config.json: num_attention_heads 8 is not a multiple of num_key_value_heads 3",
  ],
  [
    "hidden not divisible by heads",
    { hidden_size: 60, head_dim: undefined },
    "config.json: hidden_size 60 is not divisible by num_attention_heads 8, and head_dim is not given",
  ],
  [
    "odd head_dim",
    { head_dim: 7 },
    "config.json: head_dim must be even (RoPE rotates pairs), got 7",
  ],
  [
    "rope_scaling not an object",
    { rope_scaling: "llama3" },
    'config.json: rope_scaling must be null or an object with rope_type, got string "llama3"',
  ],
  [
    "rope type yarn",
    { rope_scaling: { rope_type: "yarn", factor: 4 } },
    'config.json: rope_scaling.rope_type "yarn" is not supported; supported: "llama3", "default" (or rope_scaling null)',
  ],
  [
    "rope type missing",
    { rope_scaling: { factor: 4 } },
    'config.json: rope_scaling.rope_type must be a string (supported: "llama3", "default"), got nothing (missing)',
  ],
  [
    "llama3 without factor",
    { rope_scaling: { ...llama3, factor: undefined } },
    "config.json: rope_scaling.factor must be a number in [0.001, 1000000], got nothing (missing)",
  ],
  [
    "llama3 original max as a float",
    { rope_scaling: { ...llama3, original_max_position_embeddings: 32.5 } },
    "config.json: rope_scaling.original_max_position_embeddings must be a positive integer at most 16777216, got 32.5",
  ],
  [
    "llama3 high <= low",
    { rope_scaling: { ...llama3, high_freq_factor: 1 } },
    "config.json: rope_scaling.high_freq_factor must be greater than low_freq_factor (1), got 1",
  ],
];

for (const [what, changes, message] of BAD) {
  Deno.test(`config: rejects ${what}`, () => {
    assert.throws(() => parseLlamaConfig(variant(changes), "config.json"), (e: Error) => {
      assert.equal(e.message, message);
      return true;
    });
  });
}

Deno.test("config: rejects non-objects and invalid JSON, naming the file", async () => {
  assert.throws(
    () => parseLlamaConfig([1], "m/config.json"),
    /^FormatError: m\/config\.json: must be a JSON object, got an array$/,
  );
  assert.throws(
    () => parseLlamaConfig(null, "config.json"),
    /config\.json: must be a JSON object, got null/,
  );
  const files = memorySource("mem", { "config.json": "{ not json" });
  await assert.rejects(loadLlamaConfig(files), /config\.json in mem: invalid JSON/);
});
