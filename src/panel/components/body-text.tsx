import type { Exchange } from '../../core/exchange.ts';

/**
 * A body as inert text. It is only ever a text child of <pre>, so markup in it (script, img
 * onerror, SVG, javascript: links) is shown, never parsed — no innerHTML anywhere in the panel.
 */
export function BodyText({ exchange }: { exchange: Exchange }) {
  if (exchange.responseBodyBinary === true)
    return <p class="muted">Binary body ({exchange.responseBodySize ?? '?'} bytes), not shown.</p>;
  if (exchange.responseBody === undefined || exchange.responseBody === '')
    return <p class="muted">{exchange.status === 0 ? 'No response arrived.' : 'Empty body.'}</p>;
  return (
    <>
      {exchange.responseBodyTruncated === true && (
        <p class="truncated" data-testid="truncated">
          Truncated: showing {exchange.responseBody.length.toLocaleString('en')} of{' '}
          {(exchange.responseBodySize ?? 0).toLocaleString('en')} characters (body size limit in Settings).
        </p>
      )}
      <pre class="body" data-testid="response-body" tabIndex={0} aria-label="Response body">
        {exchange.responseBody}
      </pre>
    </>
  );
}
