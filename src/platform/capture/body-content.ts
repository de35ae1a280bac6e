/** A response body as getContent gave it, whatever the browser's calling convention. */
export interface BodyContent {
  text?: string;
  /** `base64` when Chromium says so; Firefox does not report an encoding. */
  encoding?: string;
}

function fromParts(text: unknown, encoding: unknown): BodyContent {
  const content: BodyContent = {};
  if (typeof text === 'string') content.text = text;
  if (typeof encoding === 'string' && encoding !== '') content.encoding = encoding;
  return content;
}

/**
 * getContent's promise result. Chromium's native promise form resolves to `{content, encoding}`;
 * Firefox resolves to `[content, mimeType]` — its second element is a MIME type, not an encoding
 * (MDN devtools.network.Request.getContent), so it is ignored.
 */
export function contentFromPromise(value: unknown): BodyContent {
  if (typeof value === 'string') return { text: value };
  if (Array.isArray(value)) return fromParts(value[0], undefined);
  if (typeof value === 'object' && value !== null) {
    const record = value as { content?: unknown; encoding?: unknown };
    return fromParts(record.content, record.encoding);
  }
  return {};
}

/**
 * getContent's callback arguments: Chromium calls `callback(content, encoding)`. A single
 * argument is treated as a promise-style value so an implementation that hands the callback one
 * object or array is still understood.
 */
export function contentFromCallback(args: readonly unknown[]): BodyContent {
  if (args.length === 1) return contentFromPromise(args[0]);
  return fromParts(args[0], args[1]);
}
