import type { HarContent } from './har.ts';

export interface DecodedBody {
  responseBody?: string;
  responseBodyTruncated?: boolean;
  responseBodySize?: number;
  responseBodyBinary?: boolean;
}

function base64ToBytes(text: string): Uint8Array | undefined {
  try {
    // atob is a global in browsers and in Node >= 16, so core stays free of Buffer.
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function bytesToText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * HAR `content` to body text: base64 decoded when it is text (HAR 1.2 `encoding`), binary bodies
 * flagged rather than kept, long bodies cut to `maxChars` and marked so nobody mistakes a
 * truncated JSON for a malformed one.
 */
export function decodeBodyText(content: HarContent | undefined, maxChars: number): DecodedBody {
  const raw = content?.text;
  if (typeof raw !== 'string' || raw === '') return {};
  let text: string | undefined = raw;
  if (typeof content?.encoding === 'string' && content.encoding.toLowerCase() === 'base64') {
    const bytes = base64ToBytes(raw);
    text = bytes === undefined ? undefined : bytesToText(bytes);
    if (text === undefined)
      return { responseBodyBinary: true, responseBodySize: bytes?.length ?? raw.length };
  }
  if (text.length <= maxChars) return { responseBody: text };
  return {
    responseBody: text.slice(0, maxChars),
    responseBodyTruncated: true,
    responseBodySize: text.length,
  };
}
