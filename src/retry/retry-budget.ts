/** Options of the retry budget shared by all calls of one client. */
export interface RetryBudgetOptions {
  /**
   * Size of the token bucket.
   * @default 10
   */
  maxTokens?: number | undefined;
  /**
   * Tokens a successful attempt gives back.
   * @default 0.1
   */
  tokenRatio?: number | undefined;
}

/**
 * A retry budget after gRPC's retry throttling: the bucket starts full (`maxTokens`); each failed
 * attempt (connection error, timeout, retryable status) takes one token, each other answer gives back
 * `tokenRatio`. Retries are allowed only while more than half the bucket is left. With the defaults,
 * about five net failures stop retrying, and it takes ten successes to earn back one failure, so a
 * failing upstream with many concurrent callers sees close to one attempt per call, not `maxRetries + 1`.
 */
export class RetryBudget {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  #tokens: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.maxTokens = options.maxTokens ?? 10;
    this.tokenRatio = options.tokenRatio ?? 0.1;
    if (!(this.maxTokens > 0 && Number.isFinite(this.maxTokens))) throw new TypeError(`retryBudget.maxTokens must be > 0, got ${this.maxTokens}`);
    if (!(this.tokenRatio > 0 && this.tokenRatio <= this.maxTokens)) throw new TypeError(`retryBudget.tokenRatio must be > 0, got ${this.tokenRatio}`);
    this.#tokens = this.maxTokens;
  }

  /** Tokens left now. */
  get tokens(): number {
    return this.#tokens;
  }

  /** Records an attempt that failed in a retryable way. */
  recordFailure(): void {
    this.#tokens = Math.max(0, this.#tokens - 1);
  }

  /** Records an attempt that got an answer worth keeping (2xx, or a status not worth retrying). */
  recordSuccess(): void {
    this.#tokens = Math.min(this.maxTokens, this.#tokens + this.tokenRatio);
  }

  /** Whether a retry may be made now. */
  allowsRetry(): boolean {
    return this.#tokens > this.maxTokens / 2;
  }
}
