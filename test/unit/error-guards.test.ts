import { describe, expect, it } from "vitest";
import * as guards from "../../src/errors/error-guards.js";
import * as errors from "../../src/errors/errors.js";
import { createApiError } from "../../src/errors/api-error-factory.js";

describe("error classes and guards", () => {
  it("the factory picks one subclass per status, 5xx included", () => {
    const cases: [number, string][] = [
      [401, "HyperbrowserAuthenticationError"],
      [403, "HyperbrowserPermissionDeniedError"],
      [404, "HyperbrowserNotFoundError"],
      [409, "HyperbrowserConflictError"],
      [422, "HyperbrowserUnprocessableEntityError"],
      [429, "HyperbrowserRateLimitError"],
      [500, "HyperbrowserServerError"],
      [599, "HyperbrowserServerError"],
      [418, "HyperbrowserApiError"],
    ];
    for (const [status, name] of cases) {
      const error = createApiError({ status }, "Status Text");
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(errors.HyperbrowserApiError);
      expect(error.message).toBe(`${status} Status Text`);
      expect(guards.isHyperbrowserApiError(error)).toBe(true);
    }
  });

  it("guards recognise errors from a second copy of the package, where instanceof fails", async () => {
    // A query string makes the module loader evaluate the file again: a second copy of every class.
    const secondCopy = new URL("../../src/errors/errors.ts?second-copy", import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof errors;
    expect(copy.HyperbrowserNotFoundError).not.toBe(errors.HyperbrowserNotFoundError);
    const foreign = new copy.HyperbrowserNotFoundError("gone", { status: 404 });
    expect(foreign instanceof errors.HyperbrowserNotFoundError).toBe(false);
    expect(guards.isHyperbrowserError(foreign)).toBe(true);
    expect(guards.isHyperbrowserApiError(foreign)).toBe(true);
    expect(guards.isHyperbrowserNotFoundError(foreign)).toBe(true);
    expect(guards.isHyperbrowserTimeoutError(foreign)).toBe(false);
    const timeout = new copy.HyperbrowserTimeoutError("slow");
    expect(guards.isHyperbrowserConnectionError(timeout)).toBe(true);
    expect(guards.isHyperbrowserTimeoutError(timeout)).toBe(true);
  });

  it("guards reject look-alikes without the brand", () => {
    const fake = Object.assign(new Error("x"), { name: "HyperbrowserNotFoundError", status: 404 });
    expect(guards.isHyperbrowserError(fake)).toBe(false);
    expect(guards.isHyperbrowserNotFoundError(fake)).toBe(false);
    expect(guards.isHyperbrowserError(null)).toBe(false);
    expect(guards.isHyperbrowserError("HyperbrowserError")).toBe(false);
  });
});
