// Failure at scale, at shrunk widths: a shard cut in the middle of a tensor, a
// budget too small for the model, a device lost while generating, an SAE whose
// width does not match its layer. Each is one clear error naming the file,
// tensor or device and the numbers; no buffer is left behind, and the next
// load in the same process works.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { Gpu } from "../../engine/gpu/gpu.ts";
import { OutOfMemoryError } from "../../engine/errors.ts";
import { writeGoodfireSae } from "../../bench/synthetic.ts";
import { attachSae } from "../../sae/attach.ts";
import { Sae } from "../../sae/sae.ts";
import { CHAT_IDS, smallCheckpoint } from "./small.ts";

/** A copy of the checkpoint (symlinks) whose `file` is replaced by its first `keep` bytes. */
async function withTruncated(dir: string, file: string, keep: number): Promise<string> {
  const out = await Deno.makeTempDir({ prefix: "loupe-trunc-" });
  for (const e of Deno.readDirSync(dir)) {
    if (e.name !== file) await Deno.symlink(`${dir}/${e.name}`, `${out}/${e.name}`);
  }
  const src = await Deno.open(`${dir}/${file}`);
  const bytes = new Uint8Array(keep);
  for (let at = 0; at < keep;) at += (await src.read(bytes.subarray(at)))!;
  src.close();
  await Deno.writeFile(`${out}/${file}`, bytes);
  return out;
}

/** The next load and forward in this process still work, and leave nothing behind. */
async function stillUsable(gpu: Gpu, dir: string) {
  const engine = await Engine.load(dir, { quant: "q4", gpu });
  const r = await engine.forward(CHAT_IDS.slice(0, 4));
  assert.ok((await r.logits.toArray()).every(Number.isFinite));
  r.dispose();
  engine.dispose();
  assert.equal(gpu.liveBuffers.count, 0);
}

Deno.test("a shard cut in the middle of a tensor: the file, the tensor and the bytes", async () => {
  const dir = await smallCheckpoint();
  const shard = "model-00002-of-00003.safetensors";
  const bytes = await Deno.readFile(`${dir}/${shard}`);
  const headerLen = Number(new DataView(bytes.buffer).getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLen)));
  // Cut halfway through the shard's second tensor.
  const [name, info] = Object.entries(header).filter(([k]) => k !== "__metadata__")[1] as [
    string,
    { data_offsets: number[] },
  ];
  const cut = 8 + headerLen + Math.floor((info.data_offsets[0] + info.data_offsets[1]) / 2);
  const broken = await withTruncated(dir, shard, cut);
  const gpu = await Gpu.create();
  try {
    await assert.rejects(
      Engine.load(broken, { quant: "q4", gpu }),
      (e: Error) => {
        assert.match(e.message, new RegExp(shard.replaceAll(".", "\\.")));
        assert.match(e.message, new RegExp(name.replaceAll(".", "\\.")));
        const [a, b] = info.data_offsets;
        assert.ok(
          e.message.includes(
            `data_offsets [${a}, ${b}] run past the data section (${cut - 8 - headerLen} bytes)`,
          ),
          e.message,
        );
        return true;
      },
    );
    assert.equal(gpu.liveBuffers.count, 0, "nothing allocated by the failed load survives");
    await stillUsable(gpu, dir);
  } finally {
    gpu.destroy();
  }
});

Deno.test("a budget too small for the model: which device, how much it needs, by how much it is over", async () => {
  const dir = await smallCheckpoint();
  const gpu = await Gpu.create();
  try {
    await assert.rejects(
      Engine.load(dir, { quant: "q4", gpu, memoryBudget: 8 << 20 }),
      (e: unknown) => {
        assert.ok(e instanceof OutOfMemoryError, `an OutOfMemoryError, got ${e}`);
        assert.equal(e.available, 8 << 20);
        assert.ok(e.requested > e.available!, `requested ${e.requested}`);
        assert.match(
          e.message,
          /needs [\d.]+ MiB .*more than its budget of 8\.0 MiB|would hold [\d.]+ MiB.*over its budget of 8\.0 MiB by [\d.]+ MiB/,
        );
        return true;
      },
    );
    assert.equal(gpu.liveBuffers.count, 0);
    await stillUsable(gpu, dir);
  } finally {
    gpu.destroy();
  }
});

Deno.test("a device lost while generating: its name and layers; every buffer freed; the process goes on", async () => {
  const dir = await smallCheckpoint();
  const g0 = await Gpu.create({ name: "gpu0" }), g1 = await Gpu.create({ name: "gpu1" });
  const engine = await Engine.load(dir, { quant: "q4", devices: [g0, g1], placement: [1, 2] });
  let steps = 0;
  await assert.rejects(async () => {
    for await (const _ of engine.generate(CHAT_IDS, { maxNewTokens: 64, ignoreEos: true })) {
      if (++steps === 3) g1.device.destroy();
    }
  }, /GPU device gpu1 holding layers 1-2, the final norm and lm_head was lost/);
  assert.equal(g0.liveBuffers.count, 0, "gpu0's buffers are freed");
  assert.throws(() => engine.generate(CHAT_IDS), /gpu1 holding layers 1-2/);
  try {
    await stillUsable(g0, dir);
  } finally {
    g0.destroy();
  }
});

Deno.test("an SAE whose width does not match the layer: the file and both widths", async () => {
  const dir = await smallCheckpoint();
  const file = `${await Deno.makeTempDir({ prefix: "loupe-sae-" })}/wrong-width.pth`;
  await writeGoodfireSae(file, { file: "wrong-width.pth", layer: 1, dIn: 96, dSae: 256 });
  const gpu = await Gpu.create();
  try {
    const engine = await Engine.load(dir, { quant: "q4", gpu });
    const sae = await Sae.load(file, engine);
    assert.throws(
      () => attachSae(engine, "model.layers.1", sae),
      /wrong-width\.pth has d_in 96, but model\.layers\.1 outputs 128 values per token/,
    );
    sae.dispose();
    engine.dispose();
    assert.equal(gpu.liveBuffers.count, 0);
    await stillUsable(gpu, dir);
  } finally {
    gpu.destroy();
  }
});
