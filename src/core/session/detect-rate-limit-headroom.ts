import type { Finding } from '../finding.ts';
import { BoundedMap } from './bounded-map.ts';
import { newFinding } from './new-finding.ts';
import type { SessionDetector } from './session-detector.ts';
import { SESSION_DOCS } from './session-docs.ts';
import { withEntries } from './with-entries.ts';

// persona.txt › "429 Too Many Requests": start throttling once RateLimit-Remaining drops below 15 %
// of RateLimit-Limit. Applied to every dialect readRateLimit understands.
const LOW_SHARE = 0.15;

interface Episode {
  finding: Finding;
  responses: number;
  lowest: number;
}

interface Reading {
  limit: number;
  remaining: number;
  resetS: number | undefined;
}

function message(
  host: string,
  info: Reading,
  episode: { responses: number; lowest: number },
  refused: boolean,
): string {
  const percent = Math.round((info.remaining / info.limit) * 100);
  const reset = info.resetS === undefined ? '' : `, the window resets in ${info.resetS} s`;
  const seen =
    episode.responses > 1 ? ` Seen on ${episode.responses} responses so far, lowest ${episode.lowest}.` : '';
  // Once the host is refusing requests the advice is no longer "before it happens".
  const advice = refused
    ? 'It is already refusing requests: pace them below the limit once the window resets, rather than resending at the current rate.'
    : 'Slow the request rate now, before the host starts refusing requests.';
  return `${host} reports ${info.remaining} of ${info.limit} requests left (${percent} %, under the 15 % mark${reset}). ${advice}${seen}`;
}

/**
 * rate_limit_headroom: a response (success or failure) whose rate-limit headers show remaining
 * below 15 % of the limit. One finding per host per episode: the episode starts with the first low
 * response and ends when a response from the host shows 15 % or more again; low responses in between
 * extend the finding.
 */
export function detectRateLimitHeadroom(capacity: number): SessionDetector {
  const byHost = new BoundedMap<string, Episode>(capacity);
  return {
    size: () => byHost.size,
    add(attempt) {
      const info = attempt.rateLimit;
      const { limit, remaining } = info ?? {};
      if (
        info === undefined ||
        limit === undefined ||
        remaining === undefined ||
        limit <= 0 ||
        attempt.host === ''
      )
        return [];
      if (remaining >= limit * LOW_SHARE) {
        byHost.delete(attempt.host);
        return [];
      }
      const episode = byHost.get(attempt.host);
      const figures = {
        responses: (episode?.responses ?? 0) + 1,
        lowest: Math.min(episode?.lowest ?? remaining, remaining),
      };
      const refused = attempt.status === 429 || attempt.failure?.category === 'rate_limited';
      const text = message(attempt.host, { limit, remaining, resetS: info.resetS }, figures, refused);
      const finding =
        episode === undefined
          ? newFinding('rate_limit_headroom', [attempt.index], text, SESSION_DOCS.headroom)
          : withEntries(episode.finding, [attempt.index], text);
      byHost.set(attempt.host, { finding, ...figures });
      return [finding];
    },
  };
}
