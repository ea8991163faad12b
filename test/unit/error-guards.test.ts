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

  // Every class of errors.ts, with a way to make one; the guards are derived from these classes, not from lists.
  const sample = (module: typeof errors): errors.HyperbrowserError[] => [
    new module.HyperbrowserError("x"),
    new module.HyperbrowserConnectionError("x"),
    new module.HyperbrowserTimeoutError("x"),
    new module.HyperbrowserClientClosedError("x"),
    new module.HyperbrowserAbortError("x"),
    new module.HyperbrowserInvalidArgumentError("x", { argument: "id" }),
    new module.HyperbrowserInvalidResponseError("x", { status: 200 }),
    new module.HyperbrowserApiError("x", { status: 418 }),
    new module.HyperbrowserRedirectError("x", { status: 302 }),
    new module.HyperbrowserAuthenticationError("x", { status: 401 }),
    new module.HyperbrowserPermissionDeniedError("x", { status: 403 }),
    new module.HyperbrowserNotFoundError("x", { status: 404 }),
    new module.HyperbrowserConflictError("x", { status: 409 }),
    new module.HyperbrowserUnprocessableEntityError("x", { status: 422 }),
    new module.HyperbrowserRateLimitError("x", { status: 429 }),
    new module.HyperbrowserServerError("x", { status: 503 }),
  ];
  const classes = Object.values(errors).filter(
    (value): value is typeof errors.HyperbrowserError => typeof value === "function",
  );

  it("each error's name is its class's name (what the cross-copy check compares)", () => {
    const made = sample(errors);
    expect(made.map((error) => error.constructor)).toEqual(expect.arrayContaining(classes));
    expect(made).toHaveLength(classes.length);
    for (const error of made) expect(error.name).toBe(error.constructor.name);
  });

  it("isErrorType agrees with instanceof for every class pair, for this copy and for a second copy", async () => {
    const secondCopy = new URL("../../src/errors/errors.ts?guard-matrix", import.meta.url).href;
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof errors;
    const local = sample(errors);
    const foreign = sample(copy);
    for (const [index, error] of local.entries()) {
      for (const errorClass of classes) {
        const expected = error instanceof errorClass;
        expect(guards.isErrorType(error, errorClass), `${error.name} as ${errorClass.name}`).toBe(expected);
        expect(guards.isErrorType(foreign[index], errorClass), `foreign ${error.name} as ${errorClass.name}`).toBe(
          expected,
        );
      }
    }
    // The public guards are isErrorType of their class: a redirect and a server error are API errors.
    expect(guards.isHyperbrowserApiError(foreign[8])).toBe(true);
    expect(guards.isHyperbrowserConnectionError(foreign[2])).toBe(true);
    expect(guards.isHyperbrowserConnectionError(foreign[4])).toBe(false);
  });
});
