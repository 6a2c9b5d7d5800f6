// The browser tests are only as strict as their assert: the shim must throw
// exactly when Node's node:assert/strict throws, on the cases the tests use.

import node from "node:assert/strict";
import shim from "./shim/assert.ts";

type Assert = typeof shim;
type Case = [string, (a: Assert) => unknown];

const f32 = (...v: number[]) => Float32Array.from(v);
const boom = () => {
  throw new RangeError("rmsnorm: x [2,8] differs");
};

const CASES: Case[] = [
  ["ok true", (a) => a.ok(1)],
  ["ok false", (a) => a.ok(0)],
  ["call false", (a) => a(false)],
  ["equal same", (a) => a.equal(3, 3)],
  ["equal loose", (a) => a.equal(3 as unknown, "3")],
  ["equal NaN", (a) => a.equal(NaN, NaN)],
  ["equal -0", (a) => a.equal(-0, 0)],
  ["notEqual", (a) => a.notEqual(1, 2)],
  ["notEqual same", (a) => a.notEqual(1, 1)],
  ["deepEqual arrays", (a) => a.deepEqual([1, [2, { x: 3 }]], [1, [2, { x: 3 }]])],
  ["deepEqual arrays differ", (a) => a.deepEqual([1, 2], [1, 3])],
  ["deepEqual length", (a) => a.deepEqual([1, 2], [1, 2, 3])],
  ["deepEqual loose types", (a) => a.deepEqual([1] as unknown, ["1"])],
  ["deepEqual typed", (a) => a.deepEqual(f32(1, 2), f32(1, 2))],
  ["deepEqual typed differ", (a) => a.deepEqual(f32(1, 2), f32(1, 2.5))],
  ["deepEqual typed vs array", (a) => a.deepEqual(f32(1, 2) as unknown, [1, 2])],
  ["deepEqual typed kinds", (a) => a.deepEqual(f32(1) as unknown, Int32Array.from([1]))],
  ["deepEqual objects", (a) => a.deepEqual({ a: 1, b: [2] }, { b: [2], a: 1 })],
  ["deepEqual extra key", (a) => a.deepEqual({ a: 1 } as unknown, { a: 1, b: undefined })],
  ["deepEqual maps", (a) => a.deepEqual(new Map([["a", 1]]), new Map([["a", 1]]))],
  ["deepEqual maps differ", (a) => a.deepEqual(new Map([["a", 1]]), new Map([["a", 2]]))],
  ["deepEqual sets", (a) => a.deepEqual(new Set([1, 2]), new Set([2, 1]))],
  ["deepEqual prototype", (a) => a.deepEqual(Object.create(null), {})],
  ["match", (a) => a.match("abc", /b/)],
  ["match fails", (a) => a.match("abc", /d/)],
  ["fail", (a) => a.fail("no")],
  ["throws any", (a) => a.throws(boom)],
  ["throws none", (a) => a.throws(() => {})],
  ["throws regexp on String(e)", (a) => a.throws(boom, /^RangeError: rmsnorm: x \[2,8\]/)],
  ["throws regexp mismatch", (a) => a.throws(boom, /^Error: rmsnorm/)],
  ["throws class", (a) => a.throws(boom, RangeError)],
  ["throws wrong class", (a) => a.throws(boom, TypeError)],
  ["throws object", (a) => a.throws(boom, { name: "RangeError", message: /differs/ })],
  ["throws object mismatch", (a) => a.throws(boom, { message: /agrees/ })],
  ["throws validator", (a) => a.throws(boom, (e) => e instanceof RangeError)],
  ["rejects", (a) => a.rejects(Promise.reject(new Error("x")), /x/)],
  ["rejects fn", (a) => a.rejects(async () => await Promise.reject(new Error("x")), Error)],
  ["rejects resolves", (a) => a.rejects(Promise.resolve(1))],
  ["rejects mismatch", (a) => a.rejects(Promise.reject(new Error("x")), /y/)],
];

async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return "passes";
  } catch (e) {
    return e instanceof Error && e.name === "AssertionError" ? "assertion error" : `throws ${e}`;
  }
}

Deno.test("assert shim: throws exactly where node:assert/strict throws", async () => {
  const differ: string[] = [];
  for (const [name, run] of CASES) {
    const want = await outcome(() => run(node as unknown as Assert));
    const got = await outcome(() => run(shim));
    if (got !== want) differ.push(`${name}: node ${want}, shim ${got}`);
  }
  node.deepEqual(differ, []);
  // Both sides of the comparison occur, so the test can tell them apart.
  const outcomes = await Promise.all(CASES.map(([, run]) => outcome(() => run(shim))));
  node.ok(outcomes.includes("passes") && outcomes.includes("assertion error"));
});

Deno.test("assert shim: a failed deepEqual names both values", () => {
  node.throws(
    () => shim.deepEqual([1, 2], [1, 3]),
    (e: Error) => e.message.includes("[1, 2]") && e.message.includes("[1, 3]"),
  );
  node.throws(() => shim.equal(1, 2, "custom"), { message: "custom" });
});
