// The engine's public surface: the one incremental pipeline every host drives (DESIGN.md "One
// pipeline"), and the CLI report built on it.
export {
  DEFAULT_RETENTION,
  KEEP_NOTHING,
  TriageEngine,
  type DroppedCounts,
  type EngineOptions,
  type EngineRecord,
  type EngineUpdate,
  type HostRateLimit,
  type Retention,
  type RetentionLimits,
} from './triage-engine.ts';
export {
  triageEntry,
  triageFinding,
  triageHar,
  type TriageEntry,
  type TriageFinding,
  type TriageReport,
} from './triage-report.ts';
