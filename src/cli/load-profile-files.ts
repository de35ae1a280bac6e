import { readFileSync } from 'node:fs';
import { loadProfileText, type Profile } from '../core/profiles/index.ts';
import { describeFileError } from './describe-file-error.ts';

export type LoadProfilesResult = { ok: true; profiles: Profile[] } | { ok: false; error: string };

/**
 * `--profile FILE.json` values, read and checked in command-line order (a later file with the same
 * id wins). The first unreadable or invalid file stops the run with one line naming the file and
 * the first problem, with its path inside the document.
 */
export function loadProfileFiles(files: readonly string[]): LoadProfilesResult {
  const byId = new Map<string, Profile>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { ok: false, error: `--profile ${file}: ${describeFileError(error)}` };
    }
    const loaded = loadProfileText(text);
    if (!loaded.ok) return { ok: false, error: `--profile ${file}: ${loaded.error}` };
    byId.set(loaded.profile.id, loaded.profile);
  }
  return { ok: true, profiles: [...byId.values()] };
}
