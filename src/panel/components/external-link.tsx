import type { ComponentChildren } from 'preact';

/**
 * A link target we are willing to render: http(s) only. Doc links can come from a response body
 * (problem+json `type`, Stripe `doc_url`), so a `javascript:` or `data:` URL must never become a
 * clickable href.
 */
function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link that opens in a new tab without a referrer and never runs script: anything that is not
 * http(s) renders as plain text instead.
 */
export function ExternalLink({ href, children }: { href: string | undefined; children: ComponentChildren }) {
  const safe = safeHref(href);
  if (safe === undefined) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}
