import { loadProfile, type ProfileDocument } from '../../core/profiles/index.ts';
import type { ProviderId } from '../../core/diagnosis.ts';
import { parseManagedSettings, parseSettings } from '../../panel/store/parse-settings.ts';
import { hostMapInForce, profileDocumentsInForce } from '../../panel/store/settings.ts';
import type { JudgingOptions } from './capture-entry.ts';

/**
 * The host mappings and profiles the panel classifies with, read by the devtools page from the
 * same storage (the user's settings, the organisation's managed presets) and merged the same way
 * (settings.ts `profileDocumentsInForce`, `hostMapInForce`). With them, capture reads and keeps the
 * body of a 2xx that a user's or team's profile declares a failure (`failureWhen`), or that a host
 * mapped to such a profile answers, also while the panel is not open: judged by the built-ins
 * alone, that body was never read, and the panel had nothing to find the failure in. Storage that
 * cannot be read or parsed gives the built-ins only; it never stops capture.
 */
export async function readJudgingOptions(
  readStored: () => Promise<unknown>,
  readManaged: () => Promise<unknown>,
): Promise<JudgingOptions> {
  let managed: { hostMap: Record<string, ProviderId>; profiles: ProfileDocument[] } = {
    hostMap: {},
    profiles: [],
  };
  try {
    managed = parseManagedSettings(await readManaged());
  } catch {
    // No managed storage in this browser (no enterprise policy): no organisation presets.
  }
  let own: { hostMap: Record<string, ProviderId>; profiles: ProfileDocument[] } = {
    hostMap: {},
    profiles: [],
  };
  try {
    own = parseSettings(
      await readStored(),
      managed.profiles.map((doc) => doc.id),
    );
  } catch {
    // Unreadable settings: the panel reports that when it opens; capture judges by the built-ins.
  }
  const profiles = profileDocumentsInForce(own.profiles, managed.profiles).flatMap((doc) => {
    const loaded = loadProfile(doc);
    return loaded.ok ? [loaded.profile] : [];
  });
  return { hostMap: hostMapInForce(own.hostMap, managed.hostMap), profiles };
}
