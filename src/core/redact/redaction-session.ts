import type { RemovedItem } from '../ticket/ticket-draft.ts';
import type { RedactionKind } from './redaction-kind.ts';

/**
 * Hands out typed placeholders for one export (one ticket, one cURL, one sanitized HAR): the same
 * value always gets the same placeholder so two mentions can still be correlated by the reader,
 * a different value of the same kind gets the next number, and every use is counted so the user
 * sees what was removed before sharing.
 */
export class RedactionSession {
  private readonly byKind = new Map<RedactionKind, Map<string, string>>();
  private readonly items = new Map<string, RemovedItem>();

  /** The placeholder for `value` of this kind, counting one more removal. */
  placeholder(kind: RedactionKind, value: string): string {
    let values = this.byKind.get(kind);
    if (values === undefined) {
      values = new Map();
      this.byKind.set(kind, values);
    }
    let placeholder = values.get(value);
    if (placeholder === undefined) {
      placeholder = `[${kind}-${values.size + 1}]`;
      values.set(value, placeholder);
      this.items.set(placeholder, { kind, placeholder, count: 0 });
    }
    const item = this.items.get(placeholder);
    if (item !== undefined) item.count += 1;
    return placeholder;
  }

  /** The kind behind a placeholder this session issued, or undefined for any other text. */
  kindOf(placeholder: string): string | undefined {
    return this.items.get(placeholder)?.kind;
  }

  /** What was removed, one item per distinct value, in the order first seen. */
  removed(): RemovedItem[] {
    return [...this.items.values()].map((item) => ({ ...item }));
  }

  /** Total removals per kind, e.g. `{ email: 3, 'api-key': 1 }`. */
  countsByKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const item of this.items.values()) counts[item.kind] = (counts[item.kind] ?? 0) + item.count;
    return counts;
  }
}
