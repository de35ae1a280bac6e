// The panel's views of a session, pure (no DOM): rows, filter, sort, groups, the list's window and
// the rate-limit gauge. The folder's public surface, with two deliberate exceptions imported by
// their own path: retry-timeline.ts and row-copy.ts are only used by code the panel loads lazily,
// and re-exporting them here would pull them (and the ticket and redaction code row-copy needs)
// into the first load, over the panel's budget (measured: 55.6 KB → 63 KB gzipped). The engine
// reaches in for failure-row.ts, which it builds rows with.
export { facetsOf, type FacetCount, type Facets } from './facets-of.ts';
export {
  EMPTY_FILTER,
  FILTER_KEYS,
  compileFilter,
  filterFailures,
  parseFilterText,
  type FailureFilter,
  type FilterKey,
  type FilterTerm,
  type FilterToken,
  type ParsedFilterText,
  type RowTest,
} from './failure-filter.ts';
export {
  STATUS_CLASSES,
  failureRow,
  formatClock,
  statusClass,
  type FailureRow,
  type StatusClass,
} from './failure-row.ts';
export { groupFailures, pathTemplate, type FailureGroup } from './group-failures.ts';
export {
  activeIndex,
  flatModel,
  groupItemKey,
  groupItems,
  groupedModel,
  moveIndex,
  rowItemKey,
  scrollToReveal,
  visibleRange,
  type ListItem,
  type ListModel,
  type VisibleRange,
  type WindowGeometry,
} from './list-window.ts';
export { LOW_SHARE, gaugeReading, type GaugeReading } from './rate-limit-gauge.ts';
export {
  SORT_COLUMNS,
  nextSort,
  sortFailures,
  type FailureSort,
  type SortBy,
  type SortDir,
} from './sort-failures.ts';
