// deno task bench [NAME...] [--json]: runs all benchmarks or the named ones.

import { benchGenerate, printGenerateTable } from "./generate.ts";

const BENCHMARKS: Record<string, (json: boolean) => Promise<void>> = {
  generate: async (json) => {
    const results = await benchGenerate();
    if (json) { for (const r of results) console.log(JSON.stringify(r)); }
    else printGenerateTable(results);
  },
};

const json = Deno.args.includes("--json");
const names = Deno.args.filter((a) => !a.startsWith("--"));
for (const n of names) {
  if (!(n in BENCHMARKS)) {
    console.error(`unknown benchmark "${n}"; known: ${Object.keys(BENCHMARKS).join(", ")}`);
    Deno.exit(2);
  }
}
for (const n of names.length ? names : Object.keys(BENCHMARKS)) await BENCHMARKS[n](json);
