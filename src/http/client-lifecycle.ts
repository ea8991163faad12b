import { HyperbrowserClientClosedError } from "../errors/errors.js";
import type { Sender } from "./sender.js";

/**
 * Tracks a client's calls in flight and closes it: `close()` refuses new calls, destroys idle
 * connections at once, lets calls in flight finish (retries included), then destroys the rest.
 */
export class ClientLifecycle {
  #inFlight = 0;
  #closing: Promise<void> | undefined;
  #drained: (() => void) | undefined;

  constructor(
    private readonly sender: Sender,
    private readonly onClosed: () => void = () => undefined,
  ) {}

  /** Counts a call in; throws `HyperbrowserClientClosedError` once the client is closed. */
  enter(method: string, url: string): void {
    if (this.#closing)
      throw new HyperbrowserClientClosedError(`${method} ${url}: the client is closed`, { method, url, attempts: 0 });
    this.#inFlight += 1;
  }

  /** Counts a call out. */
  leave(): void {
    this.#inFlight -= 1;
    if (this.#inFlight === 0) this.#drained?.();
  }

  /** Closes the client; resolves once every call in flight has finished and every socket is closed. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.sender.destroyIdle();
    if (this.#inFlight > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
    this.sender.destroy();
    this.onClosed();
  }
}
