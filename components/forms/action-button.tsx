"use client";

import type { ReactNode } from "react";
import { ActionError, useActionRunner } from "@/components/forms/use-action-runner";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/result";
import { cn } from "@/lib/utils";

type Props<Input, Data> = {
  action: (input: Input) => Promise<ActionResult<Data>>;
  input: Input;
  /** The button's content: its text, or an icon with text. */
  label: ReactNode;
  /** Shown in a confirmation dialog before running, for steps that cannot be undone. */
  confirm?: string;
  /** What follows a success (the page refreshes by itself where the action revalidates it). */
  onSuccess?: (data: Data) => void;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  "aria-label"?: string;
  title?: string;
  /** The refusal's message under the button rather than beside it. */
  stacked?: boolean;
};

/** One click runs one server action; its refusal message appears next to the button. */
export function ActionButton<Input, Data>({ action, input, label, confirm, onSuccess, variant, size, stacked, ...rest }: Props<Input, Data>) {
  const { pending, error, run } = useActionRunner();
  return (
    <span className={cn("inline-flex gap-2", stacked ? "flex-col items-start gap-1" : "flex-wrap items-center")}>
      <Button variant={variant} size={size} disabled={pending} aria-label={rest["aria-label"]} title={rest.title} onClick={() => run(() => action(input), { confirm, onSuccess })}>
        {label}
      </Button>
      <ActionError message={error} className="text-sm" />
    </span>
  );
}
