import type { PanelStore } from '../store/panel-store.ts';

export function NoticeBar({ store }: { store: PanelStore }) {
  const notice = store.notice.value;
  if (notice === undefined) return null;
  return (
    <div
      class={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss message" onClick={() => store.dismissNotice()}>
        ×
      </button>
    </div>
  );
}
