import type { HarEntry } from '../../core/har.ts';

/**
 * Whether a finished request's body is worth reading. Error statuses carry the error document;
 * 2xx JSON may carry GraphQL `errors[]` (GraphQL over HTTP answers errors with 200) or a provider's
 * own failure (Slack's `"ok": false`), and a 2xx event stream may carry an error event (OpenAI,
 * Anthropic). Status 0 has no response to read, and other successes never become failures, so
 * their bodies are not fetched.
 */
export function wantsBody(entry: HarEntry): boolean {
  const status = Number(entry.response?.status);
  if (status >= 400) return true;
  if (status < 200 || status > 299) return false;
  const mime = String(entry.response?.content?.mimeType ?? '').toLowerCase();
  return mime.includes('json') || mime.includes('graphql') || mime.includes('event-stream');
}
