// Network capture in the devtools page (DESIGN.md "Capture"): it records every finished request
// from the moment DevTools opens, recovers what DevTools recorded before it listened, and hands the
// stream to the panel over a per-tab channel (../capture-channel.ts, which the panel imports
// without loading any of this). This module is its public surface.
export { CaptureBuffer, CaptureHub, DEFAULT_CAPTURE_LIMITS, type HubOptions } from './capture-hub.ts';
export {
  NO_REASON_GIVEN,
  callbackOrPromise,
  captureEntry,
  contentFromCallback,
  contentFromPromise,
  contentReader,
  readRequestContent,
  type BodyContent,
  type CapturedEntry,
  type ContentSource,
  type JudgingOptions,
} from './capture-entry.ts';
export {
  CaptureMerge,
  isUnfinished,
  requestKey,
  startedMsOf,
  type LiveEvent,
  type MergedEvent,
  type RecoveredEntry,
  type RecoveredLog,
} from './capture-merge.ts';
export { startCapture, type CaptureOptions, type DevtoolsNetwork } from './devtools-capture.ts';
export { readJudgingOptions } from './judging-options.ts';
