"use client";

import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import type { ActionResult } from "@/lib/result";
import { cn } from "@/lib/utils";

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

type RunOptions<Data> = {
  /** Asked first in the browser's dialog, for steps that cannot be undone: "Cancel" runs nothing. */
  confirm?: string;
  onSuccess?: (data: Data) => void;
  /** Which message of a refusal to show (a field's, for a form of one field); the result's by default. */
  messageOf?: (refusal: Refusal) => string;
};

/**
 * How a button (or a small form) runs a server action: after an optional confirmation, in a
 * transition (`pending` while it runs), with the refusal's message kept for `ActionError`.
 */
export function useActionRunner() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<Data>(action: () => Promise<ActionResult<Data>>, { confirm, onSuccess, messageOf }: RunOptions<Data> = {}) {
    if (confirm && !window.confirm(confirm)) return;
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onSuccess?.(result.data);
      else setError(messageOf ? messageOf(result) : result.message);
    });
  }
  return { pending, error, run };
}

/** A refusal's message beside the control that ran the action, translated; nothing without one. */
export function ActionError({ message, className }: { message: string | null; className?: string }) {
  const translate = useMessage();
  if (!message) return null;
  return (
    <span role="alert" className={cn("text-xs text-red-700", className)}>
      {translate(message)}
    </span>
  );
}
