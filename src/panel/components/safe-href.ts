/**
 * A link target we are willing to render: http(s) only. Doc links can come from a response body
 * (problem+json `type`, Stripe `doc_url`), so a `javascript:` or `data:` URL must never become a
 * clickable href.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
