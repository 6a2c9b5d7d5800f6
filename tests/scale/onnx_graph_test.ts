// bench/peers_wide.ts' ONNX writer on small odd shapes: the quantizers against
// their own dequantization, the protobuf writer against the reader, and the
// graphs (f32 and every rewrite) for topological order and defined names.
// The byte-level check against the peers harness's templates needs
// /work/shared/peers and lives in `deno task peers-wide --check-template`.

import assert from "node:assert/strict";
import { llamaGraph, type LlamaShape } from "../../bench/onnx_llama.ts";
import { Message, modelProto, readFields } from "../../bench/onnx_proto.ts";
import { NBITS_BLOCK, quantizeGraph, quantizeNBits, quantizeU8 } from "../../bench/onnx_quant.ts";
import { extendTokenizer, llamaTensors, seededWeights } from "../../bench/peers_wide.ts";

function random(n: number, seed: number, scale = 1): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s ^= s << 13, s ^= s >>> 17, s ^= s << 5;
    return ((s >>> 0) / 2 ** 32 - 0.5) * 2 * scale;
  });
}

/** Worst |dequantized - w| / allowed over all elements, with its index. */
function worst(w: Float32Array, deq: (i: number) => number, allowed: (i: number) => number) {
  let at = 0, ratio = 0;
  for (let i = 0; i < w.length; i++) {
    const r = Math.abs(deq(i) - w[i]) / allowed(i);
    if (r > ratio) ratio = r, at = i;
  }
  return { at, ratio };
}

Deno.test("quantizeU8: within half a step everywhere, zero exact", () => {
  for (const [n, seed] of [[1, 3], [37, 5], [1000, 7]]) {
    const w = random(n, seed, 0.3);
    w[0] = 0;
    const { q, scale, zeroPoint } = quantizeU8(w);
    const r = worst(w, (i) => (q[i] - zeroPoint) * scale, () => scale / 2 + 1e-7);
    assert.ok(r.ratio <= 1, `n=${n}: element ${r.at} off by ${r.ratio.toFixed(3)} half-steps`);
    assert.equal((q[0] - zeroPoint) * scale, 0);
  }
});

Deno.test("quantizeNBits: 4 and 8 bits, odd N, within half a block step (one at the clamped top); the extreme maps to 0", () => {
  for (const bits of [4, 8] as const) {
    for (const [K, N] of [[NBITS_BLOCK, 1], [3 * NBITS_BLOCK, 7]]) {
      const w = random(K * N, K + N + bits, 0.5), blocks = K / NBITS_BLOCK;
      const { q, scales } = quantizeNBits(w, K, N, bits);
      assert.equal(q.length, (N * K * bits) / 8);
      const zp = 1 << (bits - 1);
      const value = (k: number, n: number) => {
        const i = n * K + k; // [N, blocks, block] in element order
        return bits === 8 ? q[i] : (q[i >> 1] >> ((i & 1) * 4)) & 15;
      };
      const scale = (i: number) =>
        scales[(i % N) * blocks + Math.floor(Math.floor(i / N) / NBITS_BLOCK)];
      // The range is [-2^(bits-1), 2^(bits-1) - 1] steps: a value opposite the block's
      // extreme may clamp at the top, one step off; every other is within half a step.
      const v = (i: number) => value(Math.floor(i / N), i % N);
      const r = worst(
        w,
        (i) => (v(i) - zp) * scale(i),
        (i) => Math.abs(scale(i)) * (v(i) === (1 << bits) - 1 ? 1 : 0.5) + 1e-7,
      );
      assert.ok(
        r.ratio <= 1,
        `bits ${bits} K=${K} N=${N}: element ${r.at} off by ${r.ratio.toFixed(3)} half-steps`,
      );
      let zeros = 0;
      for (let i = 0; i < N * K; i++) if (value(i % K, Math.floor(i / K)) === 0) zeros++;
      assert.ok(
        zeros >= N * blocks,
        `bits ${bits}: ${zeros} zeros, one per block expected at least`,
      );
    }
  }
});

Deno.test("Message and readFields: varints (negative ones too), strings, nested messages", () => {
  const inner = new Message().int(1, -1).string(2, "héllo");
  const outer = new Message().int(3, 2 ** 40).message(4, inner).float(5, 1.5);
  const f = readFields(outer.bytesOut());
  assert.deepEqual(f.map((x) => x[0]), [3, 4, 5]);
  assert.equal(f[0][2], 2n ** 40n);
  const g = readFields(f[1][2] as Uint8Array);
  assert.equal(BigInt.asIntN(64, g[0][2] as bigint), -1n);
  assert.equal(new TextDecoder().decode(g[1][2] as Uint8Array), "héllo");
  assert.equal(new DataView((f[2][2] as Uint8Array).slice().buffer).getFloat32(0, true), 1.5);
});

const SMALL: LlamaShape = {
  hidden_size: 64,
  intermediate_size: 96,
  num_hidden_layers: 3,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  vocab_size: 41,
  rms_norm_eps: 1e-6,
  rope_theta: 10000,
  max_position_embeddings: 32,
  tie_word_embeddings: true,
};

Deno.test("llamaGraph and its rewrites: every input defined before use, outputs produced", () => {
  const tensors = new Map(seededWeights(SMALL, 3).map((t) => [t.name, t]));
  assert.equal(tensors.size, llamaTensors(SMALL).length);
  const weight = (name: string) => {
    const t = tensors.get(name)!;
    const data = new Float32Array(t.bits.length), u = new Uint32Array(data.buffer);
    t.bits.forEach((b, i) => u[i] = b << 16);
    return { shape: t.shape, data };
  };
  const f32 = llamaGraph(SMALL, weight);
  for (
    const g of [
      f32,
      quantizeGraph(f32, "q8"),
      quantizeGraph(f32, "nbits8"),
      quantizeGraph(f32, "q4"),
    ]
  ) {
    const known = new Set([...g.inputs.map((v) => v.name), ...g.initializers.map((t) => t.name)]);
    for (const n of g.nodes) {
      for (const i of n.inputs) {
        assert.ok(known.has(i), `${n.op} ${n.name}: input ${i} is not defined before it`);
      }
      for (const o of n.outputs) known.add(o);
    }
    for (const o of g.outputs) assert.ok(known.has(o.name), `output ${o.name} is never produced`);
    const used = new Set(g.nodes.flatMap((n) => n.inputs));
    for (const t of g.initializers) assert.ok(used.has(t.name), `initializer ${t.name} is unused`);
    assert.ok(readFields(modelProto(g).bytesOut()).length > 0);
  }
  const q8 = quantizeGraph(f32, "q8").nodes;
  // 7 weight MatMuls per layer + lm_head; q/k/v share one activation, gate/up another.
  assert.equal(q8.filter((n) => n.op === "MatMulInteger").length, 7 * 3 + 1);
  assert.equal(q8.filter((n) => n.op === "DynamicQuantizeLinear").length, 4 * 3 + 1);
});

Deno.test("extendTokenizer: filler tokens up to the vocabulary, existing ids kept", () => {
  const base = {
    added_tokens: [{ id: 0, content: "<unk>" }],
    model: { type: "BPE", vocab: { "<unk>": 0, "a": 1, "\u2581b": 2 }, merges: [] },
  };
  const t = JSON.parse(extendTokenizer(JSON.stringify(base), 6));
  assert.deepEqual(
    Object.entries(t.model.vocab).sort((x, y) => (x[1] as number) - (y[1] as number)).map((e) =>
      e[0]
    ),
    [
      "<unk>",
      "a",
      "\u2581b",
      "\u2581fill3",
      "\u2581fill4",
      "\u2581fill5",
    ],
  );
  assert.throws(() => extendTokenizer(JSON.stringify(base), 2), /already 3 tokens/);
});
