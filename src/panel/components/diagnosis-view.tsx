import type { Diagnosis } from '../../core/diagnosis.ts';
import { retryLine } from '../../core/retry/index.ts';
import { describeIdempotency } from './describe-idempotency.ts';
import { ExternalLink } from './external-link.tsx';

/** Why this failure is what it is and what to do next, with the evidence and the doc behind it. */
export function DiagnosisView({ diagnosis: d }: { diagnosis: Diagnosis }) {
  return (
    <section class="diagnosis" aria-labelledby="diagnosis-heading" data-testid="diagnosis">
      <h3 id="diagnosis-heading">Diagnosis</h3>
      <p class="action" data-testid="action">
        {d.action}
      </p>
      <dl class="facts">
        <dt>Provider</dt>
        <dd data-testid="diagnosis-provider">
          <span title={`profile id: ${d.provider}`}>{d.providerName}</span>{' '}
          <span class="muted">
            (recognised by {d.recognizedBy.source}: {d.recognizedBy.detail})
          </span>
        </dd>
        <dt>Category</dt>
        <dd>
          {d.category} <span class="muted">({d.class} side)</span>
        </dd>
        <dt>Retry</dt>
        <dd>
          <span class="verdict" data-verdict={d.retry} data-testid="retry-line">
            {retryLine(d)}
          </span>
        </dd>
        <dt>Idempotency</dt>
        <dd>{describeIdempotency(d)}</dd>
        {d.error && <ErrorFacts error={d.error} />}
        {d.rateLimit && (
          <>
            <dt>Rate limit</dt>
            <dd>
              {d.rateLimit.remaining ?? '?'} of {d.rateLimit.limit ?? '?'} left
              {d.rateLimit.resetS !== undefined && `, resets in ${d.rateLimit.resetS} s`}
            </dd>
          </>
        )}
        <dt>Documented in</dt>
        <dd>
          <ExternalLink href={d.doc.url}>
            {d.doc.title} › “{d.doc.section}”
          </ExternalLink>
        </dd>
      </dl>
      <h4>Evidence</h4>
      <ul class="evidence">
        {d.evidence.map((e, i) => (
          <li key={i}>
            <span class="evidence-source">{e.source}</span> {e.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ErrorFacts({ error }: { error: NonNullable<Diagnosis['error']> }) {
  const rows: [string, string | undefined][] = [
    ['Code', error.code],
    ['Type', error.type],
    ['Title', error.title],
    ['Message', error.message],
    ['Parameter', error.param],
    ['Request id', error.requestId],
  ];
  return (
    <>
      {rows
        .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
        .map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
      {error.docUrl !== undefined && (
        <>
          <dt>Error doc</dt>
          <dd>
            <ExternalLink href={error.docUrl}>{error.docUrl}</ExternalLink>
          </dd>
        </>
      )}
    </>
  );
}
