import { checkProfileDocument } from './check-document.ts';
import { compileProfile, type Profile } from './profile.ts';

export type LoadResult =
  | { ok: true; profile: Profile }
  | { ok: false; /** One line for a status bar or stderr. */ error: string; problems: string[] };

const MAX_PROFILE_CHARS = 1_000_000;

/**
 * A user's or team's profile document (already parsed JSON), checked and made runnable. Every
 * problem comes back as a message with the path to the offending value; nothing here throws, and
 * nothing is evaluated as code (MV3's CSP forbids it, and a profile is data from a file).
 */
export function loadProfile(value: unknown): LoadResult {
  const checked = checkProfileDocument(value);
  if (!checked.ok)
    return {
      ok: false,
      error: `not a valid profile: ${checked.problems[0] ?? 'unknown problem'}`,
      problems: checked.problems,
    };
  if (checked.document.id === 'generic')
    return {
      ok: false,
      error: 'the id "generic" is the built-in baseline; choose another id',
      problems: ['id: "generic" is reserved'],
    };
  return { ok: true, profile: compileProfile(checked.document) };
}

/** A profile file's text: JSON first, then the document checks of `loadProfile`. */
export function loadProfileText(text: string): LoadResult {
  if (text.length > MAX_PROFILE_CHARS)
    return {
      ok: false,
      error: `larger than ${MAX_PROFILE_CHARS / 1_000_000} MB, which no profile needs`,
      problems: [],
    };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `not JSON (${reason})`, problems: [reason] };
  }
  return loadProfile(value);
}
