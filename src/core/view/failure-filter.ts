import type { Category, ProviderId, RetryVerdict } from '../diagnosis.ts';
import type { StatusClass } from './status-class.ts';

/**
 * What the filter bar holds. Every list is "any of these"; an empty list means no restriction.
 * `text` is the free-text box and may carry Network-panel-like tokens (see parse-filter-text.ts).
 */
export interface FailureFilter {
  text: string;
  providers: readonly ProviderId[];
  categories: readonly Category[];
  retry: readonly RetryVerdict[];
  statusClasses: readonly StatusClass[];
  hosts: readonly string[];
}

export const EMPTY_FILTER: FailureFilter = {
  text: '',
  providers: [],
  categories: [],
  retry: [],
  statusClasses: [],
  hosts: [],
};
