import { onAbort } from "../internal/abort-listener.js";
import { originOf } from "../internal/origin.js";
import { readBodyBounded } from "./read-body.js";
import { fetchHeaders } from "./response-headers.js";
import {
  AttemptAbortedError,
  AttemptTimeoutError,
  RedirectFollowedError,
  type Sender,
  type SendAttempt,
} from "./sender.js";

/** Sends attempts with a `fetch` implementation: the user's, or the global one where `node:http` is missing. */
export function createFetchSender(fetchImpl: typeof globalThis.fetch): Sender {
  const send: SendAttempt = async (request, control) => {
    const controller = new AbortController();
    let failure: Error | undefined;
    // Rejects when the attempt stops: a fetch that ignores its signal still cannot make the attempt outlive
    // its timeout or abort.
    let rejectStopped: (error: Error) => void = () => undefined;
    const stopped = new Promise<never>((_resolve, reject) => (rejectStopped = reject));
    stopped.catch(() => undefined);
    const stop = (error: Error) => {
      failure ??= error;
      controller.abort(error);
      rejectStopped(error);
    };
    const timer = setTimeout(() => stop(new AttemptTimeoutError()), control.timeoutMs);
    const signal = control.signal;
    const removeAbortListener = signal
      ? onAbort(signal, () => stop(new AttemptAbortedError(signal.reason)))
      : undefined;
    try {
      const pending = fetchImpl(
        // `manual`: a redirect comes back as the 3xx itself, so the key never follows it to another host.
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          signal: controller.signal,
          redirect: "manual",
        }),
      );
      // An answer that comes after the attempt stopped is never read: cancel its body.
      stopped.catch(() =>
        pending.then(
          (late) => late.body?.cancel().catch(() => undefined),
          () => undefined,
        ),
      );
      const response = await Promise.race([pending, stopped]);
      if (response.redirected) {
        throw new RedirectFollowedError(
          `the fetch implementation followed a redirect to ${originOf(response.url)} although redirect: "manual" ` +
            `was asked; the answer is not used`,
        );
      }
      const { bytes, truncated } = await Promise.race([
        readBodyBounded(response, response.ok ? control.maxOkBytes : control.maxErrorBytes, controller.signal),
        stopped,
      ]);
      // fetch decoded the body: its original encoding no longer describes the bytes.
      const headers = new Headers(response.headers);
      headers.delete("content-encoding");
      return {
        status: response.status,
        statusText: response.statusText,
        headers: fetchHeaders(headers),
        bytes,
        truncated,
      };
    } catch (error) {
      throw failure ?? error;
    } finally {
      clearTimeout(timer);
      removeAbortListener?.();
    }
  };
  return { send, destroyIdle: () => undefined, destroy: () => undefined };
}
