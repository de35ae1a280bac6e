/** Exchange indexes as `#2, #3, #9`, cut after `max` so a pattern seen 5,000 times stays one line. */
export function indexList(indexes: readonly number[], max = 10): string {
  const shown = indexes.slice(0, max).map((index) => `#${index}`);
  if (indexes.length > max) shown.push(`… +${indexes.length - max} more`);
  return shown.join(', ');
}
