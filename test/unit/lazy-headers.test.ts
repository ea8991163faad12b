import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createLazyHeaders } from "../../src/http/lazy-headers.js";
import { rawHeaderList } from "../../src/http/response-headers.js";

// Received as node:http hands them over: mixed case, a repeated header, two Set-Cookie lines.
const RAW = [
  "Content-Type",
  "application/json",
  "Content-Length",
  "999",
  "X-Request-Id",
  "req-1",
  "Vary",
  "accept",
  "vary",
  "origin",
  "Set-Cookie",
  "a=1",
  "Set-Cookie",
  "b=2",
  "Transfer-Encoding",
  "chunked",
];
const OVERRIDES = { "content-length": "42", "transfer-encoding": null };

/** The Headers a LazyHeaders must be equal to: every received header, then the overrides applied. */
function reference(): Headers {
  const headers = new Headers();
  for (let index = 0; index < RAW.length; index += 2) headers.append(RAW[index] as string, RAW[index + 1] as string);
  for (const [name, value] of Object.entries(OVERRIDES)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}
const lazy = () => createLazyHeaders(rawHeaderList(RAW), OVERRIDES);

describe("LazyHeaders (a response's headers, filled on first use other than get)", () => {
  it("is a Headers", () => {
    expect(lazy()).toBeInstanceOf(Headers);
  });

  it.each(["content-type", "CONTENT-LENGTH", "Transfer-Encoding", "vary", "set-cookie", "x-request-id", "absent"])(
    "get(%j) answers as Headers does, before and after it is filled",
    (name) => {
      const headers = lazy();
      expect(headers.get(name)).toBe(reference().get(name));
      headers.has("anything");
      expect(headers.get(name)).toBe(reference().get(name));
    },
  );

  it.each([
    ["entries()", (headers: Headers) => [...headers.entries()]],
    ["iteration", (headers: Headers) => [...headers]],
    ["keys()", (headers: Headers) => [...headers.keys()]],
    ["values()", (headers: Headers) => [...headers.values()]],
    [
      "forEach",
      (headers: Headers) => {
        const seen: string[][] = [];
        headers.forEach((value, name, parent) => seen.push([name, value, String(parent === headers)]));
        return seen;
      },
    ],
    ["getSetCookie()", (headers: Headers) => headers.getSetCookie()],
    [
      "has()",
      (headers: Headers) => ["content-length", "transfer-encoding", "Vary", "nope"].map((name) => headers.has(name)),
    ],
    ["a copy made with new Headers()", (headers: Headers) => [...new Headers(headers)]],
    ["Object.fromEntries", (headers: Headers) => Object.fromEntries(headers)],
  ])("%s gives what Headers gives", (_label, read) => {
    const headers = lazy();
    expect(read(headers)).toEqual(read(reference()));
  });

  it.each([
    ["set", (headers: Headers) => headers.set("Vary", "*")],
    ["append", (headers: Headers) => headers.append("x-request-id", "req-2")],
    ["delete", (headers: Headers) => headers.delete("content-type")],
    ["set of an overridden name", (headers: Headers) => headers.set("content-length", "7")],
  ])("%s on an unfilled one changes it as it changes a Headers", (_label, change) => {
    const headers = lazy();
    const expected = reference();
    change(headers);
    change(expected);
    expect([...headers]).toEqual([...expected]);
    for (const name of ["vary", "x-request-id", "content-type", "content-length"])
      expect(headers.get(name)).toBe(expected.get(name));
  });

  it("prints its headers, not an empty Headers (names lower-cased, as Headers iterates them)", () => {
    const printed = inspect(lazy());
    const expected = reference();
    for (const name of new Set(expected.keys()))
      expect(printed).toContain(`${/^[a-z]+$/.test(name) ? name : `'${name}'`}: '${expected.get(name)}'`);
    expect(printed).not.toMatch(/transfer-encoding|999/i);
  });
});
