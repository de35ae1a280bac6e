/** A host as the classifier matches it: lowercase hostname, no scheme, port or path. */
export function normalizeHost(input: string): string {
  const trimmed = input.trim().toLowerCase();
  try {
    return new URL(trimmed.includes('://') ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return '';
  }
}
