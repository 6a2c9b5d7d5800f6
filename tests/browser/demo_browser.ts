// What the demo's puppeteer tests share: registering a test that must run
// under CI (and says why it cannot elsewhere), and a Chromium page that
// records console errors and uncaught exceptions for the test to assert on.

import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM_ARGS, findChromium } from "./harness.ts";

export const CI = /^(true|1)$/i.test(Deno.env.get("CI") ?? "");
/** Options of a test that starts servers and a browser. */
export const LONG = { sanitizeOps: false, sanitizeResources: false, sanitizeExit: false };
/** Optional files the loaders probe for; their 404s are expected. */
export const OPTIONAL_FILES =
  /\/(chat_template\.jinja|tokenizer_config\.json|generation_config\.json)$/;

/**
 * Registers `name` (run with the Chromium found), or where there is none: a
 * failing test under CI=true (the browser tests must run there), else a
 * skipped one whose reason is printed. `label` names the test in both.
 */
export function chromiumTest(
  label: string,
  name: string,
  run: (chromium: string) => Promise<void>,
): void {
  const chromium = findChromium();
  if (chromium.path) {
    const path = chromium.path;
    Deno.test({ name, ...LONG, fn: () => run(path) });
    return;
  }
  const reason = `no Chromium at ${chromium.tried.join(", ")}; install chromium or set CHROME_PATH`;
  if (CI) {
    Deno.test(`${label}: runs in Chromium [chromium]`, () => {
      throw new Error(`${reason} (CI=true: the browser tests must run)`);
    });
  } else {
    console.log(`${label} browser test SKIPPED: ${reason}`);
    Deno.test({ name: `${label} (${reason}) [chromium]`, ignore: true, fn() {} });
  }
}

/**
 * Launches headless Chromium (CHROMIUM_ARGS and $LOUPE_CHROMIUM_FLAGS) with a
 * 1400 x 1000 page whose console errors (but 404s of `optional` files) and
 * uncaught exceptions are pushed onto `errors`.
 */
export async function launchDemoPage(
  chromium: string,
  errors: string[],
  optional: RegExp = OPTIONAL_FILES,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(Deno.env.get("LOUPE_CHROMIUM_FLAGS")?.split(/\s+/) ?? [])]
      .filter((a) => a),
    defaultViewport: { width: 1400, height: 1000 },
  });
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const where = m.location()?.url ?? "";
    if (/404 \(Not Found\)/.test(m.text()) && optional.test(where)) return;
    errors.push(`console.error: ${m.text()} (${where})`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${(e as Error).message ?? e}`));
  return { browser, page };
}
