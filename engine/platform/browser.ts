// Browsers: no file system and no environment. A "local path" is resolved
// against the page's URL, so the same relative model path works in the demo
// page when the page's server serves the models folder.

import { httpFolderSource } from "./http.ts";
import type { Platform } from "./platform.ts";

export const browserPlatform: Platform = {
  name: "browser",
  env: () => undefined,
  openFolder(path) {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    if (!base) {
      throw new Error(
        `cannot open local folder ${path}: this runtime has no file system access and no page ` +
          `URL to resolve it against; use an http(s) URL`,
      );
    }
    return Promise.resolve(httpFolderSource(new URL(path, base).href));
  },
  // The browser's HTTP cache keeps hub files; Range reads avoid whole downloads.
  openCache: () => null,
  consoleProgress: () => () => {},
};
