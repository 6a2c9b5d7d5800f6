// The `Deno` that test files see when bundled for the browser (esbuild
// `inject`: it replaces the global identifier inside the bundle only, so the
// page still has no `Deno` global and the engine keeps its browser platform).
// Only `Deno.test` and `Deno.readTextFile` of fixture URLs exist: tests that
// need more of Deno do not run in the browser. Registrations go to one page-wide list that the runner reads.

export interface BrowserTest {
  name: string;
  fn: () => unknown;
  ignore: boolean;
}

type TestFn = () => unknown;
interface TestDefinition {
  name: string;
  fn: TestFn;
  ignore?: boolean;
}

/** Every test registered so far, across all loaded bundles, in order. */
export function registry(): BrowserTest[] {
  const g = globalThis as { __loupeTests?: BrowserTest[] };
  return g.__loupeTests ??= [];
}

function test(nameOrDef: string | TestDefinition | TestFn, b?: unknown, c?: unknown): void {
  let def: TestDefinition;
  if (typeof nameOrDef === "string") {
    def = typeof b === "function"
      ? { name: nameOrDef, fn: b as TestFn }
      : { ...(b as Omit<TestDefinition, "name">), name: nameOrDef, fn: c as TestFn };
  } else if (typeof nameOrDef === "function") {
    def = { name: nameOrDef.name, fn: nameOrDef };
  } else {
    def = nameOrDef;
  }
  if (!def.name || typeof def.fn !== "function") {
    throw new TypeError(`Deno.test (browser shim): a test needs a name and a function`);
  }
  registry().push({ name: def.name, fn: def.fn, ignore: def.ignore === true });
}

/** Fixture files by URL (FIXTURES is an http URL in the page); file paths have no meaning here. */
async function readTextFile(path: string | URL): Promise<string> {
  const url = String(path);
  if (!/^https?:\/\//.test(url)) {
    throw new Error(`Deno.readTextFile (browser shim): ${url} is not an http(s) URL`);
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Deno.readTextFile (browser shim): HTTP ${res.status} for ${url}`);
  return await res.text();
}

export const Deno = { test, readTextFile };
