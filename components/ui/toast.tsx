"use client";

import { useEffect, useId } from "react";
import { toast, Toaster as SonnerToaster } from "sonner";

/**
 * How long a toast stays: five seconds is enough to read one line, and sonner pauses the timer while
 * the pointer or the focus is on it or the tab is hidden (a status that needs no action, so WCAG
 * 2.2.1 does not ask for more).
 */
export const TOAST_MS = 5000;

/**
 * A success message that floats above the page instead of pushing the form down, and goes away by
 * itself, so it is not still there while the next entry is typed. A form renders it when its
 * action succeeded (`useActionForm` clears `succeeded` after `TOAST_MS`); it hands the message to
 * the area's `Toaster` and renders nothing in place. Errors stay next to their fields.
 */
export function Toast({ children }: { children: string }) {
  // One id per form: a second success replaces its toast instead of stacking a copy (and React's
  // development double effects show it once).
  const id = useId();
  useEffect(() => {
    announceSuccess(children, id);
  }, [id, children]);
  return null;
}

/**
 * The same success toast, shown from an event handler: for a form on its own page that leaves it
 * once its action succeeded, so no `Toast` stays rendered. The area's `Toaster` sits in the area's
 * layout and outlives the navigation, so the message is read on the page the form returns to.
 */
export function announceSuccess(message: string, id?: string) {
  toast.success(message, { id, duration: TOAST_MS });
}

/**
 * Where an area's toasts appear: sonner keeps one polite live region (`aria-live="polite"`) in the
 * page from the start, so a screen reader announces each message as it is added. `label` names the
 * region (translated by the layout).
 */
export function Toaster({ label }: { label: string }) {
  return <SonnerToaster position="bottom-right" containerAriaLabel={label} duration={TOAST_MS} closeButton={false} />;
}
