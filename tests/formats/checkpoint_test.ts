// The fixture checkpoints read completely: every tensor has the shape the
// config implies, a few values match an independent reading of the bytes
// (Python's struct, hard-coded here), and the reference files read by dtype.

import assert from "node:assert/strict";
import { type LlamaConfig, loadLlamaConfig } from "../../engine/formats/config.ts";
import { openSafetensors, tensorNumel } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { FIXTURE_MODELS } from "../util/hub_server.ts";

/** Every tensor a Llama checkpoint holds, with the shape config.json implies. */
function expectedShapes(c: LlamaConfig): Map<string, number[]> {
  const q = c.numAttentionHeads * c.headDim, kv = c.numKeyValueHeads * c.headDim;
  const h = c.hiddenSize, f = c.intermediateSize;
  const shapes = new Map<string, number[]>([
    ["model.embed_tokens.weight", [c.vocabSize, h]],
    ["model.norm.weight", [h]],
  ]);
  if (!c.tieWordEmbeddings) shapes.set("lm_head.weight", [c.vocabSize, h]);
  for (let l = 0; l < c.numHiddenLayers; l++) {
    const p = `model.layers.${l}`;
    shapes.set(`${p}.input_layernorm.weight`, [h]);
    shapes.set(`${p}.post_attention_layernorm.weight`, [h]);
    shapes.set(`${p}.self_attn.q_proj.weight`, [q, h]);
    shapes.set(`${p}.self_attn.k_proj.weight`, [kv, h]);
    shapes.set(`${p}.self_attn.v_proj.weight`, [kv, h]);
    shapes.set(`${p}.self_attn.o_proj.weight`, [h, q]);
    shapes.set(`${p}.mlp.gate_proj.weight`, [f, h]);
    shapes.set(`${p}.mlp.up_proj.weight`, [f, h]);
    shapes.set(`${p}.mlp.down_proj.weight`, [h, f]);
  }
  return shapes;
}

// [tensor, first three values, last three values], read with Python's struct.
const SAMPLES: Record<string, [string, number[], number[]][]> = {
  "stories260K": [
    ["model.embed_tokens.weight", [-0.29474878311157227, 0.5618956089019775, 0.1754225343465805], [
      -0.23400729894638062,
      -0.16485778987407684,
      -0.424032598733902,
    ]],
    ["model.layers.4.mlp.down_proj.weight", [
      -0.04791264981031418,
      -0.02296368032693863,
      -0.018824636936187744,
    ], [
      -0.07483736425638199,
      -0.00976563524454832,
      -0.0035068716388195753,
    ]],
  ],
  "tinystories-656k": [
    ["model.embed_tokens.weight", [-0.68359375, -0.02587890625, 0.58984375], [
      -0.56640625,
      -0.158203125,
      -0.421875,
    ]],
    ["model.norm.weight", [0.640625, 0.69921875, 0.68359375], [0.59375, 0.66796875, 0.8359375]],
  ],
  "llama3-tiny": [
    ["model.embed_tokens.weight", [-1.046875, -2.265625, 0.53515625], [
      -0.255859375,
      -0.52734375,
      0.486328125,
    ]],
    ["lm_head.weight", [-0.095703125, 2.682209014892578e-05, 0.2412109375], [
      0.2158203125,
      -0.193359375,
      -0.0026092529296875,
    ]],
  ],
};

const DTYPE: Record<string, string> = {
  "stories260K": "F32",
  "tinystories-656k": "BF16",
  "llama3-tiny": "BF16",
};

for (const model of Object.keys(SAMPLES)) {
  Deno.test(`checkpoint: every tensor of ${model} reads with the shape its config implies`, async () => {
    const files = await openSource(`${FIXTURE_MODELS}/${model}`);
    const config = await loadLlamaConfig(files);
    const ckpt = await openSafetensors(files);
    try {
      const want = expectedShapes(config);
      assert.deepEqual([...ckpt.tensors.keys()].sort(), [...want.keys()].sort());
      for (const [name, info] of ckpt.tensors) {
        assert.deepEqual(info.shape, want.get(name), name);
        assert.equal(info.dtype, DTYPE[model], name);
        const values = await ckpt.readF32(name);
        assert.equal(values.length, tensorNumel(info), name);
        assert.ok(values.every(Number.isFinite), `${name} has non-finite values`);
        if (info.dtype === "BF16") {
          // Widened bf16: the low 16 bits of every f32 must be zero.
          const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
          assert.ok(bits.every((b) => (b & 0xffff) === 0), name);
        }
        // A block of rows equals the same rows of the whole tensor.
        const rows = info.shape[0], cols = values.length / rows;
        const start = Math.floor(rows / 3), count = Math.min(5, rows - start);
        assert.deepEqual(
          await ckpt.readF32(name, start, count),
          values.slice(start * cols, (start + count) * cols),
          `${name} rows`,
        );
      }
      for (const [name, first, last] of SAMPLES[model]) {
        const values = await ckpt.readF32(name);
        assert.deepEqual([...values.slice(0, 3)], first, name);
        assert.deepEqual([...values.slice(-3)], last, name);
      }
    } finally {
      ckpt.close();
    }
  });
}

Deno.test("checkpoint: sharded llama3-tiny gives every tensor of its index from the right shard", async () => {
  const dir = `${FIXTURE_MODELS}/llama3-tiny`;
  const index = JSON.parse(await Deno.readTextFile(`${dir}/model.safetensors.index.json`));
  const ckpt = await openSafetensors(await openSource(dir));
  try {
    assert.equal(ckpt.tensors.size, 39);
    assert.deepEqual([...ckpt.tensors.keys()].sort(), Object.keys(index.weight_map).sort());
    let bytes = 0;
    for (const [name, info] of ckpt.tensors) {
      assert.equal(info.file, index.weight_map[name], name);
      bytes += info.byteLength;
    }
    assert.equal(bytes, index.metadata.total_size);
    assert.equal(
      ckpt.get("model.layers.0.mlp.up_proj.weight").file,
      "model-00001-of-00002.safetensors",
    );
    assert.equal(
      ckpt.get("model.layers.2.mlp.up_proj.weight").file,
      "model-00002-of-00002.safetensors",
    );
  } finally {
    ckpt.close();
  }
});

const PROMPTS: Record<string, number[]> = {
  "stories260K": [
    1,
    403,
    407,
    261,
    378,
    432,
    383,
    382,
    276,
    259,
    424,
    414,
    374,
    419,
    395,
    405,
    426,
    405,
    381,
    261,
    262,
    427,
    411,
    429,
  ],
  "llama3-tiny": [
    1,
    511,
    54,
    507,
    260,
    433,
    440,
    29,
    343,
    92,
    81,
    480,
    389,
    481,
    33,
    299,
    204,
    381,
    428,
    402,
    496,
    91,
    161,
    21,
  ],
  "tinystories-656k": [1, 80, 147, 201, 282, 57],
};

for (const [model, prompt] of Object.entries(PROMPTS)) {
  Deno.test(`checkpoint: ${model}/reference.safetensors reads I32 and F32 tensors by dtype`, async () => {
    const ckpt = await openSafetensors(
      await openSource(`${FIXTURE_MODELS}/${model}`),
      "reference.safetensors",
    );
    try {
      const tokens = await ckpt.readTensor("tokens");
      assert.ok(tokens instanceof Int32Array);
      assert.deepEqual([...tokens], prompt);
      const greedy = await ckpt.readTensor("greedy");
      assert.ok(greedy instanceof Int32Array);
      assert.ok(greedy.every((id) => id >= 0 && id < 2048));
      const logits = await ckpt.readTensor("logits");
      assert.ok(logits instanceof Float32Array);
      assert.deepEqual(ckpt.get("logits").shape, [
        prompt.length,
        model === "tinystories-656k" ? 2048 : 512,
      ]);
      assert.equal(logits.length, tensorNumel(ckpt.get("logits")));
      assert.ok(logits.every(Number.isFinite));
    } finally {
      ckpt.close();
    }
  });
}

Deno.test("checkpoint: stories260K's reference RoPE frequencies are theta^(-2i/d)", async () => {
  const ckpt = await openSafetensors(
    await openSource(`${FIXTURE_MODELS}/stories260K`),
    "reference.safetensors",
  );
  try {
    const got = await ckpt.readTensor("rope.inv_freq");
    assert.deepEqual([...got], [1, 0.1, 0.01, 0.001].map(Math.fround));
    assert.deepEqual(ckpt.metadata, { producer: "tools/reference oracle (torch float64)" });
  } finally {
    ckpt.close();
  }
});
