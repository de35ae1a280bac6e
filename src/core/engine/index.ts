// The engine's public surface: the one incremental pipeline every host drives (DESIGN.md "One
// pipeline"), and the CLI report built on it.
export {
  TriageEngine,
  type DroppedCounts,
  type EngineOptions,
  type EngineRecord,
  type EngineUpdate,
  type HostRateLimit,
} from './triage-engine.ts';
export {
  BODY_HEAD_CHARS,
  DEFAULT_RETENTION,
  KEEP_NOTHING,
  withCutBody,
  type Retention,
  type RetentionLimits,
} from '../retention.ts';
export {
  triageEntry,
  triageFinding,
  triageHar,
  type TriageEntry,
  type TriageFinding,
  type TriageReport,
} from './triage-report.ts';
