// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * A message squeezed onto one terminal line: JSON.parse errors quote the input, which for a binary
 * file holds newlines and control characters, and the CLI contract promises exactly one line.
 */
export function oneLine(message: string, maxChars = 400): string {
  const flat = message.replace(CONTROL_OR_BREAK, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1)}…`;
}
