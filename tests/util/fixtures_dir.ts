// Where the reference fixtures (tests/fixtures/, see its README.md) are: a
// folder path under Deno, and the harness server's /fixtures/ URL when a test
// file runs in a browser page (tests/browser). Both end in "/" and both work as
// openSource() sources.

/** Whether this test file runs bundled in a browser page (tests/browser) rather than in Deno. */
export const IN_BROWSER: boolean = !("Deno" in globalThis) && "location" in globalThis;

export const FIXTURES: string = IN_BROWSER
  ? new URL("/fixtures/", (globalThis as unknown as { location: { href: string } }).location.href)
    .href
  : new URL("../fixtures/", import.meta.url).pathname;
