/**
 * Colour only for a person at a terminal: never into a pipe or file, and never when NO_COLOR is
 * set to anything non-empty (https://no-color.org: "when present and not an empty string").
 */
export function useColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return isTTY && (noColor === undefined || noColor === '');
}
