/**
 * Errors of a CONNECT proxy, each naming the proxy (`host:port`, never its credentials) so that a
 * proxy's failure is not read as the API server's. Their codes are classified in network-errors.ts:
 * every one is a connection failure, never an invalid answer from the server.
 */

type CodedError = Error & { code: string };

const coded = (message: string, code: string): CodedError => Object.assign(new Error(message), { code });

/** The proxy answered CONNECT with a status other than 200. */
export function proxyRefusal(proxy: string, status: number): CodedError {
  // 407 and 403 will not change on another attempt; a proxy's 5xx (upstream unreachable) may.
  if (status === 407) return coded(`proxy authentication required (407) by the proxy ${proxy}`, "ERR_PROXY_AUTH");
  return coded(`the proxy ${proxy} refused the tunnel with status ${status}`, status >= 500 ? "ERR_PROXY_UNAVAILABLE" : "ERR_PROXY_REFUSED");
}

/** The proxy's answer to CONNECT was not a usable tunnel: not HTTP, or a 200 followed by stray bytes. */
export function proxyBadAnswer(proxy: string, problem: string): CodedError {
  return coded(`the proxy ${proxy} ${problem}`, "ERR_PROXY_BAD_ANSWER");
}

/** The CONNECT was given up because its attempt ended or the client closed. */
export function proxyAbandoned(proxy: string): CodedError {
  return coded(`the CONNECT to the proxy ${proxy} was abandoned: its attempt ended or the client closed`, "ERR_PROXY_ABANDONED");
}

// A certificate the target presented: the target's problem, reported as it is.
const CERTIFICATE_CODE_RE = /^(?:ERR_TLS_CERT|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE)/;
// Bytes that are not TLS came through the tunnel (OpenSSL's record errors, EPROTO).
const NOT_TLS_CODE_RE = /^(?:ERR_SSL_|EPROTO$)/;

/**
 * An error from a connection through the proxy: reaching the proxy, or the TLS handshake inside the
 * tunnel. The message names the proxy and holds the error's code, never OpenSSL's text (source paths).
 */
export function proxyConnectionError(proxy: string, error: Error & { code?: unknown }, stage: "connect" | "tls"): Error {
  const code = typeof error.code === "string" ? error.code : undefined;
  if (stage === "tls" && code !== undefined && CERTIFICATE_CODE_RE.test(code)) return error;
  if (stage === "tls" && code !== undefined && NOT_TLS_CODE_RE.test(code)) {
    return proxyBadAnswer(proxy, `tunnel did not carry TLS to the target (${code}): the proxy or the target sent something else`);
  }
  const what = stage === "connect" ? `could not reach the proxy ${proxy}` : `the tunnel through the proxy ${proxy} failed during the TLS handshake`;
  // Socket-level codes (ECONNREFUSED, ECONNRESET, ETIMEDOUT) keep their code: they may pass on another attempt.
  return coded(`${what} (${code ?? "no code"}${stage === "connect" && code !== undefined ? `: ${socketReason(error)}` : ""})`, code ?? "ERR_PROXY_CONNECTION");
}

function socketReason(error: Error): string {
  // Node's socket messages ("connect ECONNREFUSED 127.0.0.1:3128") hold no paths; OpenSSL's do.
  return /error:[0-9A-F]{8}:/.test(error.message) ? "TLS failure" : error.message;
}
