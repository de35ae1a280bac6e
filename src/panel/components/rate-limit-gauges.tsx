import { useEffect, useState } from 'preact/hooks';
import { gaugeReading } from '../../core/view/index.ts';
import type { PanelStore } from '../store/panel-store.ts';

/** The clock, re-read every second while `ticking` (a countdown is on screen), else left alone. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}

/**
 * Per host: how much of the rate limit was left in its latest response, and a live countdown to
 * the reset (issue 13: "resets in 30 s" never moved). The bar is drawn with plain boxes rather than
 * <meter>, whose empty state Firefox's dark theme paints as a full white bar; role="meter" keeps
 * its meaning for assistive technology.
 */
export function RateLimitGauges({ store }: { store: PanelStore }) {
  const limits = [...store.rateLimits.value.values()].filter(
    (l) => l.info.limit !== undefined && l.info.remaining !== undefined,
  );
  const [ticking, setTicking] = useState(false);
  const now = useNow(ticking);
  const readings = limits.map((l) => gaugeReading(l, now));
  const counting = readings.some((r) => r.resetsInS !== undefined);
  useEffect(() => setTicking(counting), [counting]);
  if (readings.length === 0) return null;
  return (
    <section class="gauges" aria-label="Rate limits per host">
      {readings.map((r) => (
        <div
          key={r.host}
          class={`gauge${r.low ? ' low' : ''}${r.stale ? ' stale' : ''}`}
          data-testid="rate-limit"
          data-host={r.host}
        >
          <span class="gauge-host">{r.host}</span>
          <span
            class="gauge-bar"
            role="meter"
            aria-label={`${r.host} rate limit remaining`}
            aria-valuemin={0}
            aria-valuemax={r.limit}
            aria-valuenow={r.remaining}
            aria-valuetext={r.text}
          >
            <span class="gauge-fill" style={{ width: `${(r.share * 100).toFixed(1)}%` }} />
          </span>
          <span data-testid="rate-limit-text">{r.text}</span>
        </div>
      ))}
    </section>
  );
}
