/** One request the client sent and the response it got back. */
export interface Exchange {
  request: Request;
  response: Response;
}

/**
 * A `fetch` that forwards to a real one and records each exchange (inject it; never patch globals).
 * `rewrite` may change the request before it is sent, to simulate a proxy or a broken wrapper.
 */
export function createObservedFetch(rewrite?: (request: Request) => Request): {
  fetch: typeof globalThis.fetch;
  exchanges: Exchange[];
} {
  const exchanges: Exchange[] = [];
  const observed: typeof globalThis.fetch = async (input, init) => {
    let request = new Request(input, init);
    if (rewrite) request = rewrite(request);
    const response = await globalThis.fetch(request.clone());
    exchanges.push({ request, response });
    return response;
  };
  return { fetch: observed, exchanges };
}
