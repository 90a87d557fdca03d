import type { ReactNode } from "react";

/**
 * A success message that floats above the page instead of pushing the form
 * down, and goes away by itself (`useActionForm` clears `succeeded` after
 * `TOAST_MS`), so it is not still there while the next entry is typed.
 */
export function Toast({ children }: { children: ReactNode }) {
  return (
    <div
      role="status"
      className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded-md border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900 shadow-lg sm:inset-x-auto sm:right-4"
    >
      {children}
    </div>
  );
}

/** How long a toast stays (WCAG 2.2.1 does not apply to a status that needs no action; five seconds is enough to read one line). */
export const TOAST_MS = 5000;
