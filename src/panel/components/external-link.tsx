import type { ComponentChildren } from 'preact';
import { safeHref } from './safe-href.ts';

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
