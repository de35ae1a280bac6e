/**
 * UK National Insurance number prefix rules (HMRC National Insurance Manual NIM39110): D, F, I,
 * Q, U, V never appear in the prefix, O never second, and BG, GB, KN, NK, NT, TN, ZZ are not
 * allocated. The suffix is A-D.
 */
const UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function ninoValid(candidate: string): boolean {
  const nino = candidate.replace(/ /g, '');
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(nino)) return false;
  return !UNALLOCATED.has(nino.slice(0, 2));
}
