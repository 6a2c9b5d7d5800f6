// Maps `http://127.0.0.1:port/kernels/add_test.js:812:11` in a stack trace from
// the page back to `tests/kernels/add_test.ts:40:5`, using esbuild's source
// maps beside the bundles, so browser failures point at the source like Deno's.

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes one source-map VLQ segment ("AAgBC") into its signed fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`bad base64 digit ${ch} in source map segment ${segment}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return out;
}

/** Per generated line (0-based): segments [generatedColumn, source, line, column], all 0-based. */
type Decoded = { sources: string[]; lines: number[][][] };

export function decodeMappings(map: { sources: string[]; mappings: string }): Decoded {
  const lines: number[][][] = [];
  let source = 0, line = 0, column = 0;
  for (const text of map.mappings.split(";")) {
    const segments: number[][] = [];
    let generated = 0;
    for (const seg of text.split(",")) {
      if (!seg) continue;
      const f = decodeVlq(seg);
      generated += f[0];
      if (f.length < 4) continue;
      source += f[1];
      line += f[2];
      column += f[3];
      segments.push([generated, source, line, column]);
    }
    lines.push(segments);
  }
  return { sources: map.sources, lines };
}

/** The source position of a generated one (1-based line and column in and out), or null. */
export function lookup(
  d: Decoded,
  line: number,
  column: number,
): { source: string; line: number; column: number } | null {
  const segments = d.lines[line - 1];
  let best: number[] | null = null;
  for (const s of segments ?? []) if (s[0] <= column - 1) best = s;
  return best && { source: d.sources[best[1]], line: best[2] + 1, column: best[3] + 1 };
}

/**
 * Rewrites every `${origin}/path.js:L:C` in `text` to its source position,
 * reading `${outdir}/path.js.map`; `repo` is stripped from the resulting paths.
 */
export function mapStack(text: string, origin: string, outdir: string, repo: string): string {
  const cache = new Map<string, Decoded | null>();
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`${escaped}/([\\w./-]+\\.js):(\\d+):(\\d+)`, "g");
  return text.replace(pattern, (whole, path: string, l: string, c: string) => {
    if (!cache.has(path)) {
      try {
        cache.set(path, decodeMappings(JSON.parse(Deno.readTextFileSync(`${outdir}/${path}.map`))));
      } catch {
        cache.set(path, null);
      }
    }
    const d = cache.get(path);
    const pos = d && lookup(d, Number(l), Number(c));
    if (!pos) return whole;
    const file = new URL(pos.source, `file://${outdir}/${path}`).pathname.replace(`${repo}/`, "");
    return `${file}:${pos.line}:${pos.column}`;
  });
}
