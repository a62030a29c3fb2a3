// State type icons (16 px, stroke icons drawn with currentColor).
const PATHS = {
  Task: <><rect x="3" y="3" width="10" height="10" rx="2" /><path d="M6 8h4M8 6v4" /></>,
  Pass: <path d="M3 8h9M9 5l3 3-3 3" />,
  Choice: <><path d="M8 2.5 13.5 8 8 13.5 2.5 8Z" /><path d="M8 6v2.5M8 10.5v.01" /></>,
  Wait: <><circle cx="8" cy="8.5" r="5" /><path d="M8 6v2.7l1.8 1.1M6.5 2h3" /></>,
  Succeed: <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />,
  Fail: <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />,
  Parallel: <path d="M5 3v10M11 3v10M3 5.5h4M9 10.5h4" />,
  Map: <><path d="M12.5 6A5 5 0 0 0 3.6 5.2M3.5 10a5 5 0 0 0 8.9.8" /><path d="M3.2 2.6v2.8H6M12.8 13.4v-2.8H10" /></>,
};

export default function StateIcon({ type }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {PATHS[type] || <circle cx="8" cy="8" r="3" />}
    </svg>
  );
}
