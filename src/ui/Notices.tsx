import { useAppStore } from '../state/store';

/** Load results and errors; the newest stays readable by screen readers through role=status. */
export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return (
    <div className="notices">
      <div role="status" aria-live="polite" className="sr-only">
        {notices.filter((n) => n.kind === 'info').map((notice) => notice.text).join('. ')}
      </div>
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                dismiss(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
