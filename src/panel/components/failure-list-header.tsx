/** Column titles; visual only (each option carries its own accessible label). */
export function FailureListHeader() {
  return (
    <div class="fl-header fl-columns" aria-hidden="true">
      <span class="fl-status">Status</span>
      <span class="fl-method">Method</span>
      <span class="fl-host">Host</span>
      <span class="fl-path">Path</span>
      <span class="fl-provider">Provider</span>
      <span class="fl-category">Category</span>
      <span class="fl-retry">Retry</span>
      <span class="fl-time">Time (UTC)</span>
    </div>
  );
}
