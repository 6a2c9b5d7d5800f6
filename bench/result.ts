// One benchmark result: a line of --json output and a row of the text tables.
// The same shape in Deno and in the browser runner.

export interface BenchResult {
  /** Benchmark name: "ceiling", "matvec", "matmul", "decode", "accuracy", ... */
  name: string;
  /** What was measured, e.g. "14336x4096" or a model name. */
  shape: string;
  /** Weight format ("f32", "q8", "q4", or a variant such as "q4_b64"). */
  format: string;
  adapter: string;
  /** Raw measurements: ms, GB/s, GFLOP/s, tokens/s, KL, bytes. */
  figures: Record<string, number>;
  /** Ratios measured in the same run (e.g. GB/s over the format's ceiling). */
  ratios: Record<string, number>;
}

/** Prints results as plain-text tables, one per benchmark name. */
export function printTables(results: BenchResult[], log: (line: string) => void): void {
  const names = [...new Set(results.map((r) => r.name))];
  for (const name of names) {
    const rows = results.filter((r) => r.name === name);
    const figures = [...new Set(rows.flatMap((r) => Object.keys(r.figures)))];
    const ratios = [...new Set(rows.flatMap((r) => Object.keys(r.ratios)))];
    const header = ["shape", "format", ...figures, ...ratios];
    const cells = rows.map((r) => [
      r.shape,
      r.format,
      ...figures.map((f) => fmt(r.figures[f])),
      ...ratios.map((f) => fmt(r.ratios[f])),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    log(`\n${name} (${rows[0].adapter})`);
    log(header.map((h, i) => h.padStart(widths[i])).join("  "));
    for (const c of cells) log(c.map((v, i) => v.padStart(widths[i])).join("  "));
  }
}

function fmt(v: number | undefined): string {
  if (v === undefined) return "-";
  if (v !== 0 && (Math.abs(v) < 1e-2 || Math.abs(v) >= 1e6)) return v.toExponential(2);
  return v.toFixed(Math.abs(v) >= 100 ? 1 : 3);
}
