import type { Header } from '../../core/exchange.ts';

/** Headers as a two-column table of text (values are never interpreted). */
export function HeadersTable({ headers, label }: { headers: readonly Header[]; label: string }) {
  if (headers.length === 0) return <p class="muted">No {label.toLowerCase()}.</p>;
  return (
    <table class="headers" aria-label={label}>
      <tbody>
        {headers.map((h, i) => (
          <tr key={i}>
            <th scope="row">{h.name}</th>
            <td>{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
