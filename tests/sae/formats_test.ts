// Loading SAEs from every supported form, and refusing bad or hostile files
// with a clear error and nothing left on the GPU.

import assert from "node:assert/strict";
import { writeSafetensors } from "../../engine/formats/safetensors.ts";
import { Sae, splitSaeSource } from "../../sae/sae.ts";
import { FIXTURES } from "../util/fixtures.ts";
import { startHubServer } from "../util/hub_server.ts";
import { testGpu } from "../util/gpu.ts";
import {
  buildZip,
  goodfirePth,
  goodfireTensors,
  pickleGlobalCall,
  randomSae,
  saeLensFiles,
  statePickle,
  writeFolder,
} from "../util/sae_build.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;
const gpu = await testGpu();
// Loading once creates the Recorder's pooled uniform slab; count buffers after it.
(await Sae.load(`${DIR}/goodfire-f32.pth`, gpu)).dispose();

/** Sae.load must reject with `pattern` and leave no buffer behind. */
async function assertRefused(source: string, pattern: RegExp) {
  const before = gpu.liveBuffers;
  await assert.rejects(() => Sae.load(source, gpu), pattern);
  assert.deepEqual(gpu.liveBuffers, before, "a failed load left GPU buffers allocated");
}

const dIn = 12, dSae = 40;
const w = randomSae(3, dIn, dSae);

Deno.test("splitSaeSource: files, folders, URLs and hub paths", () => {
  assert.deepEqual(splitSaeSource("a/b/sae.pth"), { folder: "a/b", prefix: "", file: "sae.pth" });
  assert.deepEqual(splitSaeSource("/x.pth"), { folder: "/", prefix: "", file: "x.pth" });
  assert.deepEqual(splitSaeSource("x.safetensors"), {
    folder: ".",
    prefix: "",
    file: "x.safetensors",
  });
  assert.deepEqual(splitSaeSource("dir/saelens/"), {
    folder: "dir/saelens",
    prefix: "",
    file: null,
  });
  assert.deepEqual(splitSaeSource("https://h/p/f.pth"), {
    folder: "https://h/p",
    prefix: "",
    file: "f.pth",
  });
  assert.deepEqual(splitSaeSource("hf:o/n@v1/l19/sae.pth"), {
    folder: "hf:o/n@v1",
    prefix: "l19/",
    file: "sae.pth",
  });
  assert.deepEqual(splitSaeSource("hf:o/n/blocks.2"), {
    folder: "hf:o/n",
    prefix: "blocks.2/",
    file: null,
  });
  assert.deepEqual(splitSaeSource("hf:o/n"), { folder: "hf:o/n", prefix: "", file: null });
});

Deno.test("a built .pth (zip64 records, 'archive/' folder) and Goodfire safetensors load the same weights", async () => {
  const tensors = goodfireTensors(w, dIn, dSae);
  const dir = await writeFolder({
    "sae.pth": goodfirePth(tensors),
    "other.pth": goodfirePth(tensors, "whatever-name"),
    "sae.safetensors": writeSafetensors(tensors.map((t) => ({ ...t, dtype: "F32" as const }))),
  });
  for (const f of ["sae.pth", "other.pth", "sae.safetensors"]) {
    const sae = await Sae.load(`${dir}/${f}`, gpu);
    const got = await sae.readWeights();
    for (const key of ["wEnc", "wDec", "bEnc", "bDec"] as const) {
      assert.deepEqual(got[key], w[key], `${f}: ${key}`);
    }
    sae.dispose();
  }
});

Deno.test("hostile pickles: os.system and builtins.eval are refused by name, nothing runs", async () => {
  const sentinel = `${await Deno.makeTempDir()}/pwned`;
  for (const [module, name] of [["os", "system"], ["builtins", "eval"], ["posix", "system"]]) {
    const pkl = statePickle([], (b) => pickleGlobalCall(b, module, name, `touch ${sentinel}`));
    const dir = await writeFolder({ "evil.pth": buildZip([{ name: "evil/data.pkl", data: pkl }]) });
    await assertRefused(`${dir}/evil.pth`, new RegExp(`global ${module}\\.${name}.*refusing`));
  }
  await assert.rejects(() => Deno.stat(sentinel), Deno.errors.NotFound);
  // A global hidden after valid tensors is still found before any opcode runs.
  const late = statePickle([{ name: "a", storage: "0", numel: 1, shape: [1] }], undefined);
  const patched = new Uint8Array([
    ...late.slice(0, -1),
    0x63,
    ...new TextEncoder().encode("subprocess\nPopen\n"),
    0x2e,
  ]);
  const dir = await writeFolder({ "late.pth": buildZip([{ name: "x/data.pkl", data: patched }]) });
  await assertRefused(`${dir}/late.pth`, /global subprocess\.Popen/);
});

Deno.test("bad archives: truncated, lying sizes, compressed, missing storage, strided tensors", async () => {
  const good = goodfirePth(goodfireTensors(w, dIn, dSae));
  const files: Record<string, Uint8Array> = {
    "truncated.pth": good.slice(0, good.length - 200),
    "short.pth": good.slice(0, 10),
    "lie.pth": goodfirePth(goodfireTensors(w, dIn, dSae), "archive", {
      lieSize: { name: "archive/data/0", size: dSae * dIn * 4 - 64 },
    }),
    "lie-big.pth": goodfirePth(goodfireTensors(w, dIn, dSae), "archive", {
      lieSize: { name: "archive/data/2", size: 1 << 30 },
    }),
    "deflate.pth": goodfirePth(goodfireTensors(w, dIn, dSae), "archive", { method: 8 }),
    "missing.pth": buildZip([{
      name: "archive/data.pkl",
      data: statePickle([{ name: "encoder_linear.weight", storage: "7", numel: 4, shape: [2, 2] }]),
    }]),
    "strided.pth": buildZip([
      {
        name: "archive/data.pkl",
        data: statePickle([{
          name: "encoder_linear.weight",
          storage: "0",
          numel: 4,
          shape: [2, 2],
          stride: [1, 2],
        }]),
      },
      { name: "archive/data/0", data: new Uint8Array(16) },
    ]),
    "overrun.pth": buildZip([
      {
        name: "archive/data.pkl",
        data: statePickle([{
          name: "encoder_linear.weight",
          storage: "0",
          numel: 4,
          offset: 2,
          shape: [2, 2],
        }]),
      },
      { name: "archive/data/0", data: new Uint8Array(16) },
    ]),
  };
  const dir = await writeFolder(files);
  await assertRefused(`${dir}/truncated.pth`, /not a valid zip archive/);
  await assertRefused(`${dir}/short.pth`, /truncated/);
  await assertRefused(
    `${dir}/lie.pth`,
    /archive\/data\/0: the data descriptor .* does not confirm its size/,
  );
  await assertRefused(`${dir}/lie-big.pth`, /archive\/data\/2: data .* runs past the data area/);
  await assertRefused(`${dir}/deflate.pth`, /compressed \(method 8\)/);
  await assertRefused(`${dir}/missing.pth`, /storage archive\/data\/7 is missing/);
  await assertRefused(`${dir}/strided.pth`, /stride \[1,2\] for shape \[2,2\] is not contiguous/);
  await assertRefused(`${dir}/overrun.pth`, /run past its storage of 4 elements/);
});

Deno.test("a shape that contradicts its partner tensor is refused before any upload", async () => {
  const t = goodfireTensors(w, dIn, dSae);
  t[1] = { name: "encoder_linear.bias", shape: [dSae - 3], data: w.bEnc.slice(3) };
  const lens = saeLensFiles(w, dIn, dSae, { architecture: "standard" });
  const badLens = {
    ...lens,
    "sae_weights.safetensors": writeSafetensors([
      { name: "W_enc", dtype: "F32", shape: [dIn, dSae], data: new Float32Array(dIn * dSae) },
      { name: "b_enc", dtype: "F32", shape: [dSae], data: w.bEnc },
      {
        name: "W_dec",
        dtype: "F32",
        shape: [dSae, dIn + 1],
        data: new Float32Array(dSae * (dIn + 1)),
      },
      { name: "b_dec", dtype: "F32", shape: [dIn], data: w.bDec },
    ]),
  };
  const dir = await writeFolder({
    "bias.pth": goodfirePth(t),
    ...Object.fromEntries(Object.entries(badLens).map(([k, v]) => [`lens/${k}`, v])),
  });
  await assertRefused(
    `${dir}/bias.pth`,
    /encoder_linear\.bias \[37\] contradicts encoder_linear\.weight \[40,12\]/,
  );
  await assertRefused(
    `${dir}/lens`,
    /W_dec \[40,13\] contradicts W_enc \[12,40\] \(d_in 12, d_sae 40\)/,
  );
});

Deno.test("SAELens configs: unsupported architecture, normalization, missing k or threshold", async () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [
      { architecture: "gated" },
      /unsupported SAELens architecture "gated"; supported: standard, jumprelu, topk/,
    ],
    [
      { architecture: "standard", normalize_activations: "expected_average_only_in" },
      /normalize_activations/,
    ],
    [{ architecture: "topk" }, /needs an integer k/],
    [{ architecture: "jumprelu" }, /no tensor threshold \(JumpReLU SAE\)/],
    [{ architecture: "standard", activation_fn_str: "tanh-relu" }, /activation_fn "tanh-relu"/],
    [{ architecture: "standard", d_sae: 41 }, /d_sae 41 contradicts the weights \(40\)/],
  ];
  for (const [cfg, pattern] of cases) {
    const dir = await writeFolder(saeLensFiles(w, dIn, dSae, cfg));
    await assertRefused(dir, pattern);
  }
  const noCfg = await writeFolder({
    "sae_weights.safetensors": saeLensFiles(w, dIn, dSae, {})["sae_weights.safetensors"],
  });
  await assertRefused(`${noCfg}/sae_weights.safetensors`, /need the cfg\.json beside them/);
});

Deno.test("SAELens: k from activation_fn_kwargs, apply_b_dec_to_input defaulting to true", async () => {
  const dir = await writeFolder(
    saeLensFiles(w, dIn, dSae, { activation_fn_str: "topk", activation_fn_kwargs: { k: 5 } }),
  );
  const sae = await Sae.load(dir, gpu);
  assert.deepEqual(sae.activation, { kind: "topk", k: 5 });
  assert.equal(sae.applyBDecToInput, true);
  sae.dispose();
});

Deno.test("hub and plain HTTP sources read .pth files and SAELens folders by range", async () => {
  const server = await startHubServer({ root: `${FIXTURES}saes` });
  const cacheDir = await Deno.makeTempDir();
  const source = { endpoint: server.url, cacheDir, silent: true };
  try {
    const local = await Sae.load(`${DIR}/goodfire.pth`, gpu);
    const want = await local.readWeights();
    local.dispose();
    for (
      const src of [
        `${server.url}/plain/stories260K-layer2/goodfire.pth`,
        `hf:${server.owner}/stories260K-layer2/goodfire-f32.pth`,
        `hf:${server.owner}/stories260K-layer2@main/saelens`,
      ]
    ) {
      const sae = await Sae.load(src, gpu, { source });
      assert.deepEqual((await sae.readWeights()).wDec, want.wDec, src);
      sae.dispose();
    }
    const ranged = server.requests.filter((r) =>
      r.path.endsWith("/plain/stories260K-layer2/goodfire.pth")
    );
    assert.ok(
      ranged.every((r) => r.range !== null),
      "the plain .pth was read whole instead of by range",
    );
  } finally {
    await server.close();
  }
});
