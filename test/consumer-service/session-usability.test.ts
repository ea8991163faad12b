import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isHyperbrowserError, isHyperbrowserTimeoutError } from "@internal/hyperbrowser-session-client";
import { createHyperbrowserMock, createTestClock } from "@internal/hyperbrowser-session-client/testing";
import { checkSessionUsable } from "./session-usability.js";

describe("checkSessionUsable", () => {
  it("an active session is usable, with its endpoint", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add({ status: "active" });
    assert.deepEqual(await checkSessionUsable(mock.client(), session.id!), {
      usable: true,
      reason: "active",
      wsEndpoint: session.wsEndpoint,
    });
  });

  it("a closed or failed session is not", async () => {
    const mock = createHyperbrowserMock();
    const closed = mock.add({ status: "closed" });
    const failed = mock.add({ status: "error" });
    assert.equal((await checkSessionUsable(mock.client(), closed.id!)).reason, "closed");
    assert.equal((await checkSessionUsable(mock.client(), failed.id!)).reason, "failed");
  });

  it("an unknown id is 'not found', not an error", async () => {
    const mock = createHyperbrowserMock();
    assert.deepEqual(await checkSessionUsable(mock.client(), "no-such-session"), {
      usable: false,
      reason: "not found",
    });
  });

  it("rides out two 503s (the client's retries, in virtual time)", async () => {
    const clock = createTestClock();
    const mock = createHyperbrowserMock({ clock });
    const session = mock.add();
    mock.respond({ kind: "status", status: 503, retryAfter: 2 }, { times: 2 });
    const result = await clock.run(checkSessionUsable(mock.client(), session.id!));
    assert.equal(result.usable, true);
    assert.deepEqual(
      mock.calls.map((call) => call.status),
      [503, 503, 200],
    );
    assert.deepEqual(clock.sleeps, [2_000, 2_000]);
  });

  it("an upstream that never answers fails at the client's deadline, with an error of the package", async () => {
    const clock = createTestClock();
    const mock = createHyperbrowserMock({ clock });
    const session = mock.add();
    mock.respond({ kind: "hang" }, { times: 10 });
    await assert.rejects(
      clock.run(checkSessionUsable(mock.client({ deadlineMs: 20_000 }), session.id!)),
      (error: unknown) => {
        assert.ok(isHyperbrowserError(error) && isHyperbrowserTimeoutError(error));
        return true;
      },
    );
    assert.ok(clock.now() >= 20_000);
  });
});
