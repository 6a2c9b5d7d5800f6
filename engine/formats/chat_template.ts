// Rendering a chat template (untrusted: it comes with the model) with bounded
// work and memory. @huggingface/jinja has no limits: `{% for i in
// range(10000000) %}` rendered for 16 s and 2.1 GB, nested loops or a string
// doubled in a loop could run for hours or exhaust memory.
//
// Why a step budget and not only a smaller range(): limiting range() sizes
// alone misses nested loops (range(10000) inside range(10000)), loops over
// long lists and macros that call themselves, and a wall-clock limit would
// make the outcome depend on the machine. So the interpreter's evaluate() is
// wrapped: every AST node it evaluates (and every loop iteration) costs one step, and every value it
// produces is checked: a string longer than the output limit or an array
// longer than the range limit stops rendering at once, so memory stays within
// a small multiple of the limit. range() itself is replaced by one that refuses
// more than MAX_RANGE items before allocating them. Real templates take a few
// hundred steps per message and nowhere near these limits.
//
// The wrapper is an instance property over Interpreter.prototype.evaluate,
// which the interpreter calls recursively through `this`; the library marks it
// private in its types, hence the casts.

// deno-lint-ignore no-import-prefix
import { Environment, Interpreter, type Template } from "npm:@huggingface/jinja@0.5.11";

/** Items one range() call may produce. */
export const MAX_RANGE = 100_000;
/** Evaluation steps allowed before any per-message allowance. */
export const BASE_STEPS = 500_000;
/** Extra steps per message. */
export const STEPS_PER_MESSAGE = 1_000;
/** Characters of output (and of any intermediate string) before the input's own length. */
export const BASE_CHARS = 1_000_000;

/** A template that exceeded a limit: the message says which and by how much. */
export class TemplateLimitError extends Error {}

interface Limits {
  steps: number;
  chars: number;
}

function boundedRange(start: number, stop?: number, step = 1): number[] {
  if (stop === undefined) [start, stop] = [0, start];
  if (![start, stop, step].every(Number.isInteger)) {
    throw new Error("range() arguments must be integers");
  }
  if (step === 0) throw new Error("range() step must not be zero");
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (n > MAX_RANGE) {
    throw new TemplateLimitError(
      `range() of ${n} items exceeds the limit of ${MAX_RANGE} for a chat template`,
    );
  }
  return Array.from({ length: n }, (_, i) => start + i * step);
}

// Formats current time as strftime does for the directives @huggingface/jinja supports.
function strftimeNow(format: string): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  const month = (style: "long" | "short") => new Intl.DateTimeFormat(undefined, { month: style });
  return format.replace(/%[YmdbBHM%]/g, (t) =>
    ({
      "%Y": String(d.getFullYear()),
      "%m": pad(d.getMonth() + 1),
      "%d": pad(d.getDate()),
      "%b": month("short").format(d),
      "%B": month("long").format(d),
      "%H": pad(d.getHours()),
      "%M": pad(d.getMinutes()),
      "%%": "%",
    })[t] ?? t);
}

/** The limits for rendering `messages` whose text totals `inputChars`. */
export function templateLimits(messageCount: number, inputChars: number): Limits {
  return {
    steps: BASE_STEPS + STEPS_PER_MESSAGE * messageCount,
    chars: BASE_CHARS + 4 * inputChars,
  };
}

/** Renders like Template.render, with the globals it sets, under `limits`. */
export function renderBounded(
  template: Template,
  items: Record<string, unknown>,
  limits: Limits,
): string {
  const env = new Environment();
  const globals: Record<string, unknown> = {
    false: false,
    true: true,
    none: null,
    False: false,
    True: true,
    None: null,
    raise_exception: (message: unknown) => {
      throw new Error(String(message));
    },
    range: boundedRange,
    strftime_now: strftimeNow,
  };
  for (const [k, v] of Object.entries({ ...globals, ...items })) env.set(k, v);
  const interpreter = new Interpreter(env);
  type Evaluate = (node: unknown, scope: unknown) => { value: unknown };
  const inner = interpreter as unknown as { evaluate: Evaluate; evaluateBlock: Evaluate };
  let steps = 0;
  const counted = (evaluate: Evaluate): Evaluate => (node, scope) => {
    if (++steps > limits.steps) {
      throw new TemplateLimitError(
        `rendering took more than ${limits.steps} steps (a loop that does not end in time?)`,
      );
    }
    const out = evaluate(node, scope);
    const v = out?.value;
    if (typeof v === "string" && v.length > limits.chars) {
      throw new TemplateLimitError(
        `a string of ${v.length} characters exceeds the limit of ${limits.chars}`,
      );
    }
    if (Array.isArray(v) && v.length > Math.max(MAX_RANGE, limits.chars)) {
      throw new TemplateLimitError(`a list of ${v.length} items exceeds the limit`);
    }
    return out;
  };
  // A loop body is run through evaluateBlock, not evaluate: an empty body
  // would otherwise cost nothing per iteration.
  inner.evaluate = counted(inner.evaluate.bind(interpreter));
  inner.evaluateBlock = counted(inner.evaluateBlock.bind(interpreter));
  const result = interpreter.run(template.parsed).value;
  return String(result);
}
