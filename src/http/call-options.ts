/** Time limits and retries of one call; each overrides the client's. */
export interface CallOptions {
  /**
   * Time for one attempt, from sending (queueing for a connection included) to the last byte of the body.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Time for the whole call, all attempts and waits included; no wait starts that would outlast it.
   * @default 60000
   */
  deadlineMs?: number | undefined;
  /**
   * Retries after the first attempt, for GET, HEAD and OPTIONS.
   * @default 2
   */
  maxRetries?: number | undefined;
}
