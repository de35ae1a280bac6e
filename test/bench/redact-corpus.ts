/**
 * The redaction figures of issue 9, printed: recall per class on the labelled corpus (formats
 * documented by gitleaks, secretlint, detect-secrets and Presidio, planted in every location and
 * checked in every export) and the false-redaction rate on the benign corpus.
 *   npm run --silent bench:redact-corpus
 */
import {
  falseRedactionsByClass,
  recallByClass,
  total,
  type ClassFigure,
} from '../fixtures/redact/corpus-figures.ts';

function table(
  title: string,
  figures: readonly ClassFigure[],
  rate: (f: { checks: number; passed: number }) => string,
): void {
  console.log(title);
  for (const figure of [...figures].sort((a, b) => a.class.localeCompare(b.class)))
    console.log(`  ${figure.class.padEnd(26)} ${String(figure.checks).padStart(5)} checks  ${rate(figure)}`);
  const sum = total(figures);
  console.log(`  ${'all'.padEnd(26)} ${String(sum.checks).padStart(5)} checks  ${rate(sum)}`);
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)} %`;
const recall = recallByClass();
table(
  'labelled corpus: recall (no fragment of the value in the HAR, cURL, ticket or Markdown)',
  recall,
  (f) => `recall ${percent(f.passed, f.checks)}`,
);
const benign = falseRedactionsByClass();
table(
  '\nbenign corpus: false redactions (value changed in a body, query, header or ticket message)',
  benign,
  (f) => `false redactions ${percent(f.checks - f.passed, f.checks)}`,
);
const misses = [...recall, ...benign].flatMap((f) => f.failures);
if (misses.length > 0) console.log(`\nfailed checks:\n  ${misses.join('\n  ')}`);
