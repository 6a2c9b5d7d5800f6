// The library as a stranger uses it: the README's example script, copied into a
// folder outside the repository, imports mod.ts by path and runs with plain
// `deno run` (no deno.json of ours), printing the top SAE features per token.

import assert from "node:assert/strict";

const REPO = new URL("../../", import.meta.url);

/** The first ```ts block after "## The library" in the README. */
async function readmeExample(): Promise<string> {
  const readme = await Deno.readTextFile(new URL("README.md", REPO));
  const section = readme.slice(readme.indexOf("## The library"));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  assert.ok(m, "README.md: no ```ts block under ## The library");
  return m[1];
}

Deno.test("README's library example runs from a folder outside the repository", async () => {
  const script = await readmeExample();
  assert.ok(script.split("\n").filter((l) => l.trim()).length <= 11, "the example stays short");
  assert.match(script, /"\.\.\/loupe\/mod\.ts"/, "the example imports ../loupe/mod.ts");
  const dir = await Deno.makeTempDir({ prefix: "loupe-library-" });
  try {
    const modPath = new URL("mod.ts", REPO).pathname;
    await Deno.writeTextFile(`${dir}/features.ts`, script.replace("../loupe/mod.ts", modPath));
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--no-config", "features.ts"],
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    // "Once upon a time" is [1, 403, 407, 261, 378]: one line per token, 3 feature ids each.
    const lines = stdout.trim().split("\n");
    assert.equal(lines.length, 5, stdout);
    for (const line of lines) {
      const ids = line.trim().split(/\s+/).slice(-3).map(Number);
      assert.equal(ids.length, 3, line);
      for (const id of ids) assert.ok(Number.isInteger(id) && id >= 0 && id < 1024, line);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
