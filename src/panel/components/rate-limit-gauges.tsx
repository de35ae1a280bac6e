import type { PanelStore } from '../store/panel-store.ts';
import type { HostRateLimit } from '../../core/engine/index.ts';

/** Persona advises slowing down below 15 % of the limit (persona.txt › "429 Too Many Requests"). */
const LOW_SHARE = 0.15;

function resetText(limit: HostRateLimit): string {
  if (limit.info.resetS === undefined) return '';
  const at = new Date(limit.atMs + limit.info.resetS * 1000);
  return `, resets in ${limit.info.resetS} s (${at.toISOString().slice(11, 19)} UTC)`;
}

/** Per host: how much of the rate limit was left in its latest response, and when it resets. */
export function RateLimitGauges({ store }: { store: PanelStore }) {
  const limits = [...store.rateLimits.value.values()].filter(
    (l) => l.info.limit !== undefined && l.info.remaining !== undefined,
  );
  if (limits.length === 0) return null;
  return (
    <section class="gauges" aria-label="Rate limits per host">
      {limits.map((l) => {
        const limit = l.info.limit ?? 0;
        const remaining = l.info.remaining ?? 0;
        const low = limit > 0 && remaining < limit * LOW_SHARE;
        return (
          <div key={l.host} class={`gauge${low ? ' low' : ''}`} data-testid="rate-limit" data-host={l.host}>
            <span class="gauge-host">{l.host}</span>
            <meter
              min={0}
              max={limit}
              low={limit * LOW_SHARE}
              optimum={limit}
              value={remaining}
              aria-label={`${l.host} rate limit remaining`}
            />
            <span>
              {remaining} of {limit} left{resetText(l)}
            </span>
          </div>
        );
      })}
    </section>
  );
}
