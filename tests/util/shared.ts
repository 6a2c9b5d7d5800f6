// Where the reference fixtures (../shared, see FIXTURES.md) are: a folder path
// under Deno, and the harness server's /shared/ URL when a test file runs in a
// browser page (tests/browser). Both end in "/" and both work as openSource()
// sources.

const inBrowser = !("Deno" in globalThis) && "location" in globalThis;

export const SHARED: string = inBrowser
  ? new URL("/shared/", (globalThis as unknown as { location: { href: string } }).location.href)
    .href
  : new URL("../../../shared/", import.meta.url).pathname;
