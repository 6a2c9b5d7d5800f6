// node:assert/strict for the browser bundles: the functions the tests use,
// with Node's strict semantics (equal is Object.is, deepEqual is
// deepStrictEqual, a RegExp in throws/rejects is matched against
// String(error)). Small on purpose: the npm `assert` port needs process and
// util polyfills.

export class AssertionError extends Error {
  override name = "AssertionError";
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown) {
    super(message);
  }
}

function show(v: unknown, depth = 0): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "function") return `[Function ${v.name || "anonymous"}]`;
  if (Object.is(v, -0)) return "-0";
  if (v === null || typeof v !== "object") return String(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (v instanceof RegExp) return String(v);
  if (depth > 2) return Array.isArray(v) ? "[Array]" : "[Object]";
  const list = (items: unknown[]) => {
    const shown = items.slice(0, 30).map((x) => show(x, depth + 1));
    if (items.length > 30) shown.push(`... ${items.length - 30} more`);
    return shown.join(", ");
  };
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    return `${v.constructor.name}(${(v as unknown as ArrayLike<unknown>).length}) [${
      list(Array.from(v as unknown as ArrayLike<unknown>))
    }]`;
  }
  if (Array.isArray(v)) return `[${list(v)}]`;
  if (v instanceof Map) {
    return `Map(${v.size}) {${list([...v].map(([k, x]) => `${show(k)} => ${show(x)}`))}}`;
  }
  if (v instanceof Set) return `Set(${v.size}) {${list([...v])}}`;
  const entries = Object.entries(v).map(([k, x]) => `${k}: ${show(x, depth + 1)}`);
  return `{${entries.slice(0, 30).join(", ")}${entries.length > 30 ? ", ..." : ""}}`;
}

function fail(message?: string | Error): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? "Failed");
}

function raise(
  message: string | Error | undefined,
  fallback: string,
  actual?: unknown,
  expected?: unknown,
): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) {
    raise(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
  }
}

function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) {
    raise(
      message,
      `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`,
      actual,
      expected,
    );
  }
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) {
    raise(
      message,
      `Expected "actual" to be strictly unequal to: ${show(expected)}`,
      actual,
      expected,
    );
  }
}

function isDeepEqual(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Error) {
    const e = b as Error;
    if (a.message !== e.message || a.name !== e.name) return false;
  }
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(
      (b as ArrayBufferView).buffer,
      (b as ArrayBufferView).byteOffset,
      (b as ArrayBufferView).byteLength,
    );
    if (x.length !== y.length) return false;
    // Byte equality, as Node's strict mode: NaN equals NaN, -0 differs from 0.
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  if (a instanceof ArrayBuffer) {
    return isDeepEqual(new Uint8Array(a), new Uint8Array(b as ArrayBuffer), seen);
  }
  if (a instanceof Map) {
    const m = b as Map<unknown, unknown>;
    if (a.size !== m.size) return false;
    for (const [k, v] of a) if (!m.has(k) || !isDeepEqual(v, m.get(k), seen)) return false;
  }
  if (a instanceof Set) {
    const s = b as Set<unknown>;
    if (a.size !== s.size) return false;
    for (const v of a) {
      if (!s.has(v) && ![...s].some((w) => isDeepEqual(v, w, new Map(seen)))) return false;
    }
  }
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  // Typed arrays were compared by bytes; their indices are not own keys to walk again.
  if (ArrayBuffer.isView(a)) return true;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const rb = b as Record<string, unknown>, ra = a as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && isDeepEqual(ra[k], rb[k], seen));
}

function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!isDeepEqual(actual, expected, new Map())) {
    raise(
      message,
      `Expected values to be strictly deep-equal:\nactual:   ${show(actual)}\nexpected: ${
        show(expected)
      }`,
      actual,
      expected,
    );
  }
}

function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepEqual(actual, expected, new Map())) {
    raise(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
  }
}

function match(value: string, re: RegExp, message?: string | Error): void {
  if (typeof value !== "string" || !re.test(value)) {
    raise(
      message,
      `The input did not match the regular expression ${re}. Input: ${show(value)}`,
      value,
      re,
    );
  }
}

function doesNotMatch(value: string, re: RegExp, message?: string | Error): void {
  if (typeof value !== "string" || re.test(value)) {
    raise(message, `The input was expected to not match ${re}. Input: ${show(value)}`, value, re);
  }
}

type ErrorClass = new (...args: never[]) => unknown;
type Expected = RegExp | ErrorClass | ((e: unknown) => boolean) | Record<string, unknown> | Error;

/** Node's expectedException: RegExp on String(e), a class, a validator, or an object of properties. */
function checkError(
  e: unknown,
  expected: Expected | undefined,
  message: string | undefined,
  what: string,
) {
  if (expected === undefined) return;
  if (expected instanceof RegExp) {
    if (!expected.test(String(e))) {
      raise(
        message,
        `The ${what} error did not match ${expected}. Error: ${show(String(e))}`,
        e,
        expected,
      );
    }
    return;
  }
  if (typeof expected === "function") {
    if (expected.prototype !== undefined && e instanceof (expected as ErrorClass)) return;
    if (Object.prototype.isPrototypeOf.call(Error, expected) || expected === Error) {
      raise(
        message,
        `The ${what} error is expected to be an instance of "${expected.name}". Received ${
          show(e)
        }`,
        e,
        expected,
      );
    }
    if ((expected as (e: unknown) => boolean)(e) !== true) {
      raise(
        message,
        `The ${what} validation function did not return true. Error: ${show(e)}`,
        e,
        expected,
      );
    }
    return;
  }
  for (const [key, want] of Object.entries(expected)) {
    const got = (e as Record<string, unknown> | null)?.[key];
    const okKey = want instanceof RegExp && typeof got === "string"
      ? want.test(got)
      : isDeepEqual(got, want, new Map());
    if (!okKey) {
      raise(
        message,
        `The ${what} error's ${key} is ${show(got)}; expected ${show(want)}`,
        e,
        expected,
      );
    }
  }
}

function splitArgs(
  expected?: Expected | string,
  message?: string,
): [Expected | undefined, string | undefined] {
  return typeof expected === "string" ? [undefined, expected] : [expected, message];
}

function throws(fn: () => unknown, expected?: Expected | string, message?: string): void {
  const [exp, msg] = splitArgs(expected, message);
  try {
    fn();
  } catch (e) {
    checkError(e, exp, msg, "thrown");
    return;
  }
  raise(msg, "Missing expected exception.");
}

function doesNotThrow(fn: () => unknown, message?: string): void {
  try {
    fn();
  } catch (e) {
    raise(message, `Got unwanted exception: ${show(e)}`, e);
  }
}

async function rejects(
  promiseOrFn: Promise<unknown> | (() => Promise<unknown>),
  expected?: Expected | string,
  message?: string,
): Promise<void> {
  const [exp, msg] = splitArgs(expected, message);
  try {
    await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    checkError(e, exp, msg, "rejection");
    return;
  }
  raise(msg, "Missing expected rejection.");
}

async function doesNotReject(
  promiseOrFn: Promise<unknown> | (() => Promise<unknown>),
  message?: string,
): Promise<void> {
  try {
    await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
  } catch (e) {
    raise(message, `Got unwanted rejection: ${show(e)}`, e);
  }
}

const assert = Object.assign(
  (value: unknown, message?: string | Error): asserts value => ok(value, message),
  {
    AssertionError,
    ok,
    fail,
    equal,
    strictEqual: equal,
    notEqual,
    notStrictEqual: notEqual,
    deepEqual,
    deepStrictEqual: deepEqual,
    notDeepEqual,
    notDeepStrictEqual: notDeepEqual,
    match,
    doesNotMatch,
    throws,
    doesNotThrow,
    rejects,
    doesNotReject,
  },
);
export default assert;
export {
  deepEqual,
  deepEqual as deepStrictEqual,
  doesNotMatch,
  doesNotReject,
  doesNotThrow,
  equal,
  equal as strictEqual,
  fail,
  match,
  notDeepEqual,
  notEqual,
  ok,
  rejects,
  throws,
};
