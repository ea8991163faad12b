// A fetch handler for workers (workerd, edge-runtime): GET /?base=<mock server URL> runs the checks.
import { createHyperbrowserClient } from "@internal/hyperbrowser-session-client";
import { runChecks } from "./checks.mjs";

export default {
  async fetch(request) {
    const baseUrl = new URL(request.url).searchParams.get("base");
    return Response.json(await runChecks(createHyperbrowserClient, baseUrl));
  },
};
