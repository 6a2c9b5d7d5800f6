// The kernel and golden test files, run again inside Chromium's WebGPU
// (SwiftShader without a GPU), each test reported under its own name plus
// " [chromium]". Locally, no Chromium or no WebGPU adapter skips them with the
// reason printed; in CI (CI=true) either is a failure. LOUPE_BROWSER_TESTS (a
// comma-separated list of files or folders ending in "/") runs only those.

import { discoverTestFiles, findChromium, startBrowserSuite } from "./harness.ts";

const CI = /^(true|1)$/i.test(Deno.env.get("CI") ?? "");

/**
 * Tests known to fail in Chromium, each with the error it must fail with. They
 * are strict: failing otherwise, or passing, fails the test, so a fix (or a new
 * failure) cannot go unnoticed; delete the entry when the fix lands.
 */
const KNOWN_FAILURES: { test: RegExp; error: RegExp; why: string }[] = [];
// The page and puppeteer's connection live across tests.
const LONG_LIVED = { sanitizeOps: false, sanitizeResources: false, sanitizeExit: false };

function unavailable(name: string, reason: string) {
  if (CI) {
    Deno.test(`${name} [chromium]`, () => {
      throw new Error(`${reason} (CI=true: the browser tests must run)`);
    });
  } else {
    console.log(`browser tests SKIPPED: ${reason}`);
    Deno.test({ name: `browser tests (${reason}) [chromium]`, ignore: true, fn() {} });
  }
}

const chromium = findChromium();
if (!chromium.path) {
  unavailable(
    "browser: Chromium is installed",
    `no Chromium at ${chromium.tried.join(", ")}; install Debian's chromium ` +
      `(apt-get install chromium) or set CHROME_PATH`,
  );
} else {
  const t0 = performance.now();
  const only = Deno.env.get("LOUPE_BROWSER_TESTS")?.split(",").filter((f) => f);
  const files = await discoverTestFiles(only?.length ? only : undefined);
  let suite: Awaited<ReturnType<typeof startBrowserSuite>> | null = null;
  let failure: unknown = null;
  try {
    suite = await startBrowserSuite({ chromium: chromium.path, files });
  } catch (e) {
    failure = e;
  }
  if (!suite) {
    Deno.test(`browser: ${chromium.path} starts and serves the test page [chromium]`, () => {
      throw failure;
    });
  } else if (!suite.adapter.ok) {
    await suite.close();
    unavailable(
      "browser: WebGPU adapter",
      `${suite.browserVersion} gives no WebGPU adapter: ${suite.adapter.error}`,
    );
  } else {
    const s = suite;
    globalThis.addEventListener("unload", () => s.kill());
    const { info, features, limits } = s.adapter;
    const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;
    console.log(
      `browser: ${s.browserVersion}, adapter ${JSON.stringify(info)}\n` +
        `  features: ${features!.join(" ")}\n` +
        `  maxStorageBufferBindingSize ${limits!.maxStorageBufferBindingSize}, maxBufferSize ${
          limits!.maxBufferSize
        }, maxComputeWorkgroupStorageSize ${limits!.maxComputeWorkgroupStorageSize}\n` +
        `  bundled ${files.length} test files in ${ms(s.timings.bundleMs)}, started Chromium in ${
          ms(s.timings.launchMs)
        }, loaded the bundles in ${ms(s.timings.loadMs)} (setup ${ms(performance.now() - t0)})`,
    );
    for (const file of s.files) {
      if (file.error) {
        Deno.test({
          name: `${file.file}: loads in the page [chromium]`,
          ...LONG_LIVED,
          fn() {
            throw new Error(`importing the bundle of ${file.file} failed:\n${file.error}`);
          },
        });
      }
      for (const t of file.tests) {
        Deno.test({
          name: `${t.name} [chromium]`,
          ignore: t.ignore,
          ...LONG_LIVED,
          async fn() {
            const r = await s.run(t.index);
            const known = KNOWN_FAILURES.find((k) => k.test.test(t.name));
            if (!known) {
              if (!r.ok) throw new Error(`in Chromium (${file.file}):\n${r.error}`);
            } else if (r.ok) {
              throw new Error(
                `known failure (${known.why}) now passes: remove its KNOWN_FAILURES entry`,
              );
            } else if (!known.error.test(r.error!)) {
              throw new Error(`in Chromium (${file.file}), not the known failure:\n${r.error}`);
            } else {
              console.log(`  KNOWN FAILURE (${known.why}): ${r.error!.split("\n")[0]}`);
            }
          },
        });
      }
    }
    Deno.test({
      name: `browser: ${s.files.reduce((n, f) => n + f.tests.length, 0)} tests ran [chromium]`,
      ...LONG_LIVED,
      async fn() {
        await s.close();
        console.log(`  browser suite total: ${ms(performance.now() - t0)}`);
      },
    });
  }
}
