import { useMemo, useRef } from 'preact/hooks';
import {
  formatSpan,
  retryTimeline,
  type TimelineAttempt,
  type TimelineLane,
} from '../../core/view/retry-timeline.ts';
import type { PanelStore } from '../store/panel-store.ts';
import { useClientSize } from './client-size.tsx';

const PAD = 10;
const TRACK_H = 40;
const BAR_Y = 18;
const BAR_H = 14;
/** An attempt of a few milliseconds on a minute-long lane still gets a visible, clickable mark. */
const MIN_BAR_W = 5;
/** Width of a gap label in px at the 10 px label font (about 6 px a character, plus a margin). */
const labelWidth = (text: string): number => text.length * 6 + 6;

function statusText(status: number): string {
  return status === 0 ? '(failed)' : String(status);
}

function attemptLabel(lane: TimelineLane, a: TimelineAttempt): string {
  const at = new Date(a.startMs).toISOString().slice(11, 23);
  const outcome = a.verdict === undefined ? 'succeeded' : `failed, retry: ${a.verdict}`;
  const paused = a.duringBreakerPause ? ', sent while a circuit breaker would have been open' : '';
  return `#${a.index} ${lane.method} ${statusText(a.status)} at ${at} UTC, ${outcome}${paused}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function laneSummary(lane: TimelineLane): string {
  const early = lane.gaps.filter((g) => g.early).length;
  const parts = [
    `${plural(lane.attempts.length, 'attempt')}, ${lane.failures} failed`,
    lane.windows.length > 0 ? plural(lane.windows.length, 'server wait') : '',
    early > 0 ? `${early} sent before the server's wait was over` : '',
    lane.breakers.length > 0 ? 'a circuit breaker would have opened' : '',
  ];
  return parts.filter((p) => p !== '').join(', ');
}

interface LaneProps {
  lane: TimelineLane;
  width: number;
  highlighted: ReadonlySet<number> | undefined;
  selectedId: number | undefined;
  onPick: (index: number) => void;
}

/** One endpoint: its attempts on a time axis, server waits shaded, gaps labelled. */
function Lane({ lane, width, highlighted, selectedId, onPick }: LaneProps) {
  const scale = (width - 2 * PAD) / lane.span;
  const px = (x: number): number => PAD + x * scale;
  return (
    <li class="tl-lane" data-testid="timeline-lane" data-endpoint={lane.key}>
      <div class="tl-lane-head">
        <span class="tl-endpoint" title={lane.key}>
          <span class="tl-method">{lane.method}</span> {lane.host}
          {lane.path}
        </span>{' '}
        <span class="muted">
          {laneSummary(lane)}
          {lane.hidden > 0 && ` (${lane.hidden} earlier not drawn)`}
        </span>
      </div>
      <svg
        class="tl-track"
        width={width}
        height={TRACK_H}
        viewBox={`0 0 ${width} ${TRACK_H}`}
        role="group"
        aria-label={`${lane.key}: ${laneSummary(lane)}`}
      >
        <line class="tl-axis" x1={PAD} x2={width - PAD} y1={BAR_Y + BAR_H / 2} y2={BAR_Y + BAR_H / 2} />
        {lane.windows.map((w) => (
          <rect
            key={`w${w.index}`}
            class="tl-window"
            data-testid="timeline-window"
            x={px(w.x0)}
            y={BAR_Y - 6}
            width={Math.max(1, px(w.x1) - px(w.x0))}
            height={BAR_H + 12}
          >
            <title>{`${w.source}: the server asked to wait ${w.seconds} s after #${w.index}`}</title>
          </rect>
        ))}
        {lane.breakers.map((b) => (
          <g key={`b${b.index}`} class="tl-breaker" data-testid="timeline-breaker">
            <rect x={px(b.x0)} y={2} width={Math.max(1, px(b.x1) - px(b.x0))} height={TRACK_H - 4} />
            <line x1={px(b.x0)} x2={px(b.x0)} y1={0} y2={TRACK_H} />
            <title>{`A circuit breaker would open after #${b.index} and pause ${b.pauseS} s`}</title>
          </g>
        ))}
        {lane.breaks.map((x, i) => (
          <text key={`k${i}`} class="tl-break" x={px(x)} y={BAR_Y + BAR_H - 2} text-anchor="middle">
            ≈
          </text>
        ))}
        {lane.gaps.map((g) => {
          const x0 = px(g.x0);
          const w = px(g.x1) - x0;
          // A label that does not fit its gap drops "early" (the colour says it), then itself.
          const full = `${formatSpan(g.ms)}${g.early ? ' early' : ''}`;
          const label =
            labelWidth(full) <= w ? full : labelWidth(formatSpan(g.ms)) <= w ? formatSpan(g.ms) : '';
          return (
            <g key={`g${g.index}`} class="tl-gap" data-testid="timeline-gap" data-early={g.early}>
              {label !== '' && (
                <text x={x0 + w / 2} y={10} text-anchor="middle">
                  {label}
                </text>
              )}
              <title>{`waited ${formatSpan(g.ms)} before #${g.index}${g.early ? ", less than the server's wait" : ''}`}</title>
            </g>
          );
        })}
        {lane.attempts.map((a) => {
          const x = px(a.x0);
          const w = Math.max(MIN_BAR_W, px(a.x1) - x);
          const lit = highlighted?.has(a.index) ?? false;
          const dim = highlighted !== undefined && !lit;
          const failed = a.verdict !== undefined;
          return (
            <g
              key={a.index}
              class={`tl-attempt${failed ? ' tl-failed' : ' tl-ok'}${lit ? ' tl-lit' : ''}${dim ? ' tl-dim' : ''}${a.index === selectedId ? ' tl-selected' : ''}${a.duringBreakerPause ? ' tl-paused' : ''}`}
              data-testid="timeline-attempt"
              data-index={a.index}
              data-status={a.status}
              data-highlighted={lit}
              role={failed ? 'button' : 'img'}
              tabIndex={failed ? 0 : -1}
              aria-label={attemptLabel(lane, a)}
              onClick={failed ? () => onPick(a.index) : undefined}
              onKeyDown={(e) => {
                if (failed && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  onPick(a.index);
                }
              }}
            >
              <rect x={x} y={BAR_Y} width={w} height={BAR_H} rx={2} />
              <title>{attemptLabel(lane, a)}</title>
            </g>
          );
        })}
      </svg>
    </li>
  );
}

/**
 * The retry timeline (issue 13): per host and endpoint, each attempt (red failed, green
 * succeeded), the gaps the client waited, the server-given waits shaded, and where a circuit
 * breaker would have opened. The finding the user picked lights up its attempts; a failed attempt
 * opens its detail. Hand-drawn SVG (no charting library) keeps the chunk small; colours are theme
 * variables, so it reads in light and dark.
 */
export function RetryTimelineView({ store }: { store: PanelStore }) {
  const ref = useRef<HTMLElement>(null);
  // The section has 6 px of padding on each side.
  const width = useClientSize(ref, 'width', 600) - 12;
  const failures = store.failures.value;
  const counts = store.counts.value;
  const findings = store.findings.value;
  const timeline = useMemo(() => retryTimeline(store.records(), findings), [failures, counts, findings]);
  const focus = store.focus.value;
  const selectedId = store.selectedId.value;
  return (
    <section class="timeline" ref={ref} aria-label="Retry timeline" data-testid="timeline">
      {timeline.lanes.length === 0 ? (
        <p class="muted">No retries to draw yet: no failed endpoint was retried or asked to wait.</p>
      ) : (
        <>
          <p class="tl-legend muted" aria-hidden="true">
            <span class="tl-key tl-key-failed" /> failed <span class="tl-key tl-key-ok" /> succeeded{' '}
            <span class="tl-key tl-key-window" /> server asked to wait <span class="tl-key tl-key-breaker" />{' '}
            circuit breaker open · ≈ idle time shortened
          </p>
          <ul class="tl-lanes">
            {timeline.lanes.map((lane) => (
              <Lane
                key={lane.key}
                lane={lane}
                width={width}
                highlighted={focus?.ids}
                selectedId={selectedId}
                onPick={(index) => store.select(index, true)}
              />
            ))}
          </ul>
        </>
      )}
      {timeline.once > 0 && (
        <p class="muted" data-testid="timeline-once">
          {plural(timeline.once, 'other endpoint')} failed once, with no retry and no server wait.
        </p>
      )}
      {timeline.hiddenLanes > 0 && (
        <p class="muted">
          {timeline.hiddenLanes} more failing endpoints not drawn (the retried and most failing come first).
        </p>
      )}
    </section>
  );
}
