// The spec's path template of a request (`/api/session/{id}`), recorded by the client's middleware,
// which openapi-fetch tells it; the transport only sees the filled-in URL.
const templates = new WeakMap<object, string>();

/** Records the path template openapi-fetch filled in for a request. */
export function setUrlTemplate(request: object, template: string): void {
  templates.set(request, template);
}

/** The path template of a request, when the typed client sent it. */
export function getUrlTemplate(request: object): string | undefined {
  return templates.get(request);
}
