import { Component, type HTMLAttributes, type VNode } from 'preact';
import { type FailureRow, formatClock, statusClass, type FailureGroup } from '../../core/view/index.ts';
import type { RetryVerdict } from '../../core/diagnosis.ts';

/** What every rendered line needs from the list: where it sits and whether it is active. */
export interface LineProps {
  /** DOM id, referenced by the listbox's aria-activedescendant. */
  domId: string;
  /** Position in the whole (virtual) list, 0-based. */
  index: number;
  /** 1-based position among siblings and their number (see ListItem). */
  pos: number;
  size: number;
  /** Grouped mode is a tree (groups expand), flat mode a listbox. */
  tree: boolean;
  top: number;
  height: number;
  selected: boolean;
  onPick: (index: number) => void;
}

const RETRY_LABEL: Readonly<Record<RetryVerdict, string>> = {
  yes: 'retry',
  no: 'no retry',
  conditional: 'if idempotent',
};

/** Network panel wording: no response at all shows as "(failed)". */
function statusText(status: number): string {
  return status === 0 ? '(failed)' : String(status);
}

/** The Network panel's Time column: "85 ms", "1.4 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function lineAttrs(p: LineProps, extraClass: string): HTMLAttributes<HTMLDivElement> {
  return {
    role: p.tree ? 'treeitem' : 'option',
    id: p.domId,
    'aria-selected': p.selected,
    'aria-posinset': p.pos,
    'aria-setsize': p.size,
    // Stripe by position in the whole list: the rendered slice's nth-child parity shifts on scroll.
    class: `fl-line ${extraClass}${p.index % 2 ? ' fl-odd' : ''}`,
    style: { top: `${p.top}px`, height: `${p.height}px` },
    onClick: () => p.onPick(p.index),
  };
}

/**
 * `render` as a component that re-renders only when a prop changed (compared by identity). A
 * selection changes two lines of the list (their `selected`), yet re-rendering the list diffed
 * every line in view in the task of the click, on the way to the frame that shows the ticket. (A
 * view update during capture still re-renders every line in view: aria-setsize is the count.)
 * Preact's own `memo` lives in preact/compat, which would cost the first load more than this.
 */
function pure<P extends object>(render: (props: P) => VNode): new () => Component<P> {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const now = this.props as Record<string, unknown>;
      const then = next as Record<string, unknown>;
      for (const key in then) if (then[key] !== now[key]) return true;
      for (const key in now) if (!(key in then)) return true;
      return false;
    }
    override render(props: P): VNode {
      return render(props);
    }
  };
}

/** One failure: the DESIGN.md test hooks (data-testid, data-status…) live on this element. */
export const FailureListRow = pure(function FailureRowLine(
  p: LineProps & { row: FailureRow; nested: boolean },
) {
  const { row } = p;
  return (
    <div
      {...lineAttrs(p, p.nested ? 'fl-row fl-nested' : 'fl-row')}
      aria-level={p.tree ? (p.nested ? 2 : 1) : undefined}
      aria-label={`${row.method} ${row.host}${row.path}${row.operation ? ` ${row.operation}` : ''}, ${statusText(row.status)} ${row.category}, ${row.provider}, ${RETRY_LABEL[row.retry]}`}
      data-testid="failure"
      data-status={row.status}
      data-category={row.category}
      data-provider={row.provider}
      data-retry={row.retry}
      data-index={row.id}
    >
      <span class="fl-status" data-class={statusClass(row.status)}>
        {statusText(row.status)}
      </span>
      <span class="fl-method">{row.method}</span>
      <span class="fl-host" title={row.host}>
        {row.host}
      </span>
      <span class="fl-path" title={row.message ?? row.networkError ?? row.path}>
        {row.path}
        {row.operation !== undefined && (
          <span class="fl-operation" data-testid="operation">
            {' '}
            {row.operation}
          </span>
        )}
        {/* Shown only docked narrow, where the Provider and Category columns give way to the path. */}
        <span class="fl-path-meta">
          {' '}
          {row.provider} · {row.category}
        </span>
      </span>
      <span class="fl-provider">{row.provider}</span>
      <span class="fl-category">{row.category}</span>
      <span class="fl-retry" data-verdict={row.retry}>
        {RETRY_LABEL[row.retry]}
      </span>
      <span class="fl-duration">{formatDuration(row.durationMs)}</span>
      <span class="fl-time" title={row.startedAt}>
        {formatClock(row.startedMs)}
      </span>
    </div>
  );
});

/** A group of identical failures: count, template path, and a disclosure triangle. */
export const FailureListGroupRow = pure(function FailureGroupLine(
  p: LineProps & { group: FailureGroup; expanded: boolean },
) {
  const { group } = p;
  const latest = group.latest;
  return (
    <div
      {...lineAttrs(p, 'fl-group')}
      aria-level={1}
      aria-expanded={p.expanded}
      aria-label={`${group.count} × ${group.method} ${latest.host}${group.template}, ${statusText(group.status)}${group.code ? ` ${group.code}` : ''}`}
      data-testid="failure-group"
      data-count={group.count}
      data-status={group.status}
      data-category={latest.category}
      data-provider={latest.provider}
      data-retry={latest.retry}
    >
      <span class="fl-status" data-class={statusClass(group.status)}>
        {statusText(group.status)}
      </span>
      <span class="fl-method">{group.method}</span>
      <span class="fl-host" title={latest.host}>
        {latest.host}
      </span>
      <span class="fl-path" title={group.code ?? group.template}>
        <span class="fl-twisty" aria-hidden="true">
          {p.expanded ? '▾' : '▸'}
        </span>
        <span class="fl-count">{group.count}×</span>
        {group.template}
      </span>
      <span class="fl-provider">{latest.provider}</span>
      <span class="fl-category">{latest.category}</span>
      <span class="fl-retry" data-verdict={latest.retry}>
        {RETRY_LABEL[latest.retry]}
      </span>
      <span class="fl-duration">{formatDuration(latest.durationMs)}</span>
      <span class="fl-time" title={`${new Date(group.firstMs).toISOString()} – ${latest.startedAt}`}>
        {formatClock(group.lastMs)}
      </span>
    </div>
  );
});
