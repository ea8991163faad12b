import { describe, expectTypeOf, it } from "vitest";
import {
  createHyperbrowserClient,
  type HyperbrowserApiError,
  type HyperbrowserNotFoundError,
  type SessionDetail,
} from "../../src/index.js";

const client = createHyperbrowserClient({ apiKey: "k" });

describe("client types", () => {
  it("sessions.get resolves to SessionDetail", () => {
    expectTypeOf(client.sessions.get).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.sessions.get("id")).resolves.toEqualTypeOf<SessionDetail>();
  });

  it("status is the spec's enum", () => {
    expectTypeOf<NonNullable<SessionDetail["status"]>>().toEqualTypeOf<"active" | "closed" | "error">();
    expectTypeOf<SessionDetail["startTime"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("client.raw.GET accepts the spec's paths and rejects unknown ones", () => {
    // A call, not toBeCallableWith: GET is generic over every GET path of the spec, and toBeCallableWith reads
    // its parameters without inference, which collapses to never once the spec has many GET paths.
    const _response = client.raw.GET("/api/session/{id}", { params: { path: { id: "x" } } });
    expectTypeOf<NonNullable<Awaited<typeof _response>["data"]>["status"]>().toEqualTypeOf<SessionDetail["status"]>();
    // @ts-expect-error: not a path of the spec
    void client.raw.GET("/api/sessions/{id}", { params: { path: { id: "x" } } });
    // @ts-expect-error: the path parameter is required
    void client.raw.GET("/api/session/{id}", { params: { path: {} } });
  });

  it("error classes carry their status as a literal type", () => {
    expectTypeOf<HyperbrowserNotFoundError["status"]>().toEqualTypeOf<404>();
    expectTypeOf<HyperbrowserApiError["status"]>().toEqualTypeOf<number>();
  });
});
