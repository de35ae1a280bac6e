/**
 * US Social Security Number shape rules (SSA, "Social Security Number Randomization", 2011): the
 * area is never 000, 666 or 900-999, the group never 00, the serial never 0000.
 */
export function ssnValid(candidate: string): boolean {
  const match = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(candidate);
  if (match === null) return false;
  const [, area = '', group = '', serial = ''] = match;
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}
