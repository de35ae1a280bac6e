/**
 * What the store runs from core, as one module it imports dynamically: the engine (classification,
 * findings, the redaction their labels use), the provider registry and profiles, and the settings
 * check that validates stored profile documents. The panel's first paint (toolbar, empty list,
 * signals) needs none of it, so it is a chunk of its own that starts loading as the store is built,
 * in parallel with the first render (issue 13: first-load JavaScript within 60 KB gzipped;
 * `npm run bench:panel` prints the figures). Capture is queued until it has loaded (CaptureIntake
 * `held`), never dropped.
 *
 * Only the store imports this file, and only through `import()`: a static import anywhere in the
 * panel would pull all of it back into the first load.
 */
export { TriageEngine } from '../../core/engine/index.ts';
export { loadProfile, loadProfileText, registryFor } from '../../core/profiles/index.ts';
export { parseManagedSettings, parseSettings } from './parse-settings.ts';
