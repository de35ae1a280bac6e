import type { RemovedItem } from '../ticket/ticket-draft.ts';
import type { RedactionKind } from './redaction-kind.ts';

/**
 * Hands out typed placeholders for one export (one ticket, one cURL, one sanitized HAR): the same
 * value always gets the same placeholder so two mentions can still be correlated by the reader,
 * a different value of the same kind gets the next number, and every use is counted so the user
 * sees what was removed before sharing. One map lookup per use: a megabyte body of customer
 * records asks for tens of thousands of placeholders.
 */
export class RedactionSession {
  private readonly byKind = new Map<RedactionKind, Map<string, RemovedItem>>();
  private readonly order: RemovedItem[] = [];

  /** The placeholder for `value` of this kind, counting one more removal. */
  placeholder(kind: RedactionKind, value: string): string {
    let values = this.byKind.get(kind);
    if (values === undefined) {
      values = new Map();
      this.byKind.set(kind, values);
    }
    let item = values.get(value);
    if (item === undefined) {
      item = { kind, placeholder: `[${kind}-${values.size + 1}]`, count: 0 };
      values.set(value, item);
      this.order.push(item);
    }
    item.count++;
    return item.placeholder;
  }

  /** The kind behind a placeholder this session issued, or undefined for any other text. */
  kindOf(placeholder: string): string | undefined {
    const match = /^\[([a-z]+(?:-[a-z]+)*)-(\d+)\]$/.exec(placeholder);
    if (match === null) return undefined;
    const count = this.byKind.get(match[1] as RedactionKind)?.size ?? 0;
    return Number(match[2]) <= count ? match[1] : undefined;
  }

  /** What was removed, one item per distinct value, in the order first seen. */
  removed(): RemovedItem[] {
    return this.order.map((item) => ({ ...item }));
  }

  /** Total removals per kind, e.g. `{ email: 3, 'api-key': 1 }`. */
  countsByKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const item of this.order) counts[item.kind] = (counts[item.kind] ?? 0) + item.count;
    return counts;
  }
}
