import { isTlsFailureCode } from "./network-errors.js";

/**
 * Errors of a CONNECT proxy. Each names the proxy (`host:port`, never its credentials), so that a
 * proxy's failure is not read as the API server's; network-errors.ts classifies their codes, and every
 * one is a connection failure.
 */
type CodedError = Error & { code: string };

const proxyError = (proxy: string, text: string, code: string): CodedError =>
  Object.assign(new Error(`proxy ${proxy}: ${text}`), { code });

/** The proxy answered CONNECT with a status other than 200. */
export function proxyRefusal(proxy: string, status: number): CodedError {
  // 407 and 403 will not change on another attempt; a proxy's 5xx (upstream unreachable) may.
  if (status === 407) return proxyError(proxy, "proxy authentication required (407)", "ERR_PROXY_AUTH");
  return proxyError(
    proxy,
    `refused the tunnel with status ${status}`,
    status >= 500 ? "ERR_PROXY_UNAVAILABLE" : "ERR_PROXY_REFUSED",
  );
}

/** The proxy's answer was no usable tunnel: not HTTP, a 200 followed by stray bytes, or no TLS through it. */
export function proxyBadAnswer(proxy: string, problem: string): CodedError {
  return proxyError(proxy, problem, "ERR_PROXY_BAD_ANSWER");
}

/** The CONNECT was given up because its attempt ended or the client closed. */
export function proxyAbandoned(proxy: string): CodedError {
  return proxyError(proxy, "CONNECT abandoned", "ERR_PROXY_ABANDONED");
}

/**
 * An error reaching the proxy, or in the TLS handshake inside its tunnel. The message holds the code,
 * never OpenSSL's text (which carries source paths). A certificate the target presented is the
 * target's problem and is returned as it is.
 */
export function proxyConnectionError(
  proxy: string,
  error: Error & { code?: unknown },
  stage: "connect" | "tls",
): Error {
  const code = typeof error.code === "string" ? error.code : "ERR_PROXY_CONNECTION";
  if (stage === "tls") {
    if (/^(?:ERR_SSL_|EPROTO$)/.test(code)) return proxyBadAnswer(proxy, `the tunnel did not carry TLS (${code})`);
    if (isTlsFailureCode(code)) return error;
  }
  // Codes are kept: socket codes (ECONNREFUSED, ECONNRESET) may pass on another attempt, TLS ones not.
  const what =
    stage === "tls" ? "TLS handshake failed" : isTlsFailureCode(code) ? "TLS to the proxy failed" : "unreachable";
  return proxyError(proxy, `${what} (${code})`, code);
}
