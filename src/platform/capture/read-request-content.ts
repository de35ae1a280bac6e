import { contentFromCallback, contentFromPromise, type BodyContent } from './body-content.ts';

/** The one method of a devtools.network request this module calls. */
export interface ContentSource {
  getContent(callback?: (...args: unknown[]) => void): unknown;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Read a response body in every browser: pass a callback (older Chromium only calls back) and
 * also accept a returned promise (Firefox, and Chromium's native promise API). Whichever answers
 * first wins. Gives up after `timeoutMs` with no body, so one request whose content never comes
 * cannot stall the ordered capture queue behind it.
 */
export function readRequestContent(request: ContentSource, timeoutMs = 10_000): Promise<BodyContent> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (content: BodyContent): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(content);
    };
    const timer = setTimeout(() => settle({}), timeoutMs);
    let returned: unknown;
    try {
      returned = request.getContent((...args: unknown[]) => settle(contentFromCallback(args)));
    } catch {
      // An API that validates its arguments may reject the callback: ask again promise-style.
      try {
        returned = request.getContent();
      } catch {
        settle({});
        return;
      }
    }
    if (isThenable(returned))
      returned.then(
        (value) => settle(contentFromPromise(value)),
        () => settle({}),
      );
  });
}
