// The checks every cell runs, in any runtime: a successful sessions.get, a 503 answered by a retry, and
// a timeout. Ids carry the mock server's behaviour (see mock-server.mjs) and are unique per run.
export async function runChecks(createHyperbrowserClient, baseUrl) {
  const unique = () => globalThis.crypto.randomUUID();
  const client = createHyperbrowserClient({
    apiKey: "ecosystem-key",
    baseUrl,
    timeoutMs: 500,
    retry: { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 20 },
  });
  const result = {};
  try {
    const session = await client.sessions.get(`ok-${unique()}`);
    result.get = session.status === "active" ? "ok" : `unexpected ${JSON.stringify(session)}`;
  } catch (error) {
    result.get = `${error?.name}: ${error?.message}`;
  }
  try {
    const session = await client.sessions.get(`flaky-${unique()}`);
    result.retried503 = session.status === "active" ? "ok" : `unexpected ${JSON.stringify(session)}`;
  } catch (error) {
    result.retried503 = `${error?.name}: ${error?.message}`;
  }
  try {
    await client.sessions.get(`slow-${unique()}`, { retry: { maxRetries: 0 } });
    result.timeout = "no timeout";
  } catch (error) {
    result.timeout = error?.name === "HyperbrowserTimeoutError" ? "ok" : `${error?.name}: ${error?.message}`;
  }
  await client.close();
  return result;
}
