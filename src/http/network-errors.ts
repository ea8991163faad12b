/** What a failed attempt's error says, and whether another attempt could go differently. */
export interface NetworkFailure {
  /** The system, TLS or parser code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, `HPE_INVALID_STATUS`…). */
  code: string | undefined;
  /** The most specific message: fetch implementations hide the system error in `cause`. */
  text: string;
  /**
   * `protocol`: the server's bytes are not HTTP (a parse error); `permanent`: another attempt fails
   * the same way (certificate verification, a proxy refusing the tunnel); `transient`: anything else
   * (refused, reset, DNS, a proxy's 5xx), worth another attempt.
   */
  kind: "protocol" | "permanent" | "transient";
}

// Certificate and TLS-setup failures: the same certificate fails again, so retrying only wastes time.
const TLS_CODE_RE =
  /^(?:ERR_TLS_CERT|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE)/;
// llhttp's parse errors (HPE_INVALID_STATUS, HPE_INVALID_HEADER_TOKEN…): the server sent something that is not HTTP.
const PROTOCOL_CODE_RE = /^HPE_/;
// Statuses a proxy answers CONNECT with that another attempt cannot change.
// A proxy whose answer is not a usable tunnel (not HTTP, stray bytes, no TLS through it) is misconfigured:
// another attempt meets the same proxy.
const FINAL_PROXY_CODES = new Set(["ERR_PROXY_AUTH", "ERR_PROXY_REFUSED", "ERR_PROXY_BAD_ANSWER"]);

/** Classifies an error thrown while sending one attempt. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const candidates = [error, (error as { cause?: unknown } | null | undefined)?.cause];
  let code: string | undefined;
  for (const candidate of candidates) {
    const candidateCode = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof candidateCode === "string") {
      code = candidateCode;
      if (TLS_CODE_RE.test(code) || PROTOCOL_CODE_RE.test(code)) break;
    }
  }
  const kind =
    code === undefined
      ? "transient"
      : PROTOCOL_CODE_RE.test(code)
        ? "protocol"
        : TLS_CODE_RE.test(code) || FINAL_PROXY_CODES.has(code)
          ? "permanent"
          : "transient";
  return { code, text: errorText(error), kind };
}

/** True for a certificate or TLS-setup code: the same certificate fails again. */
export function isTlsFailureCode(code: string): boolean {
  return TLS_CODE_RE.test(code);
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | null | undefined)?.cause;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}
