"use client";

import { useState, useTransition } from "react";
import { useMessage } from "@/components/use-message";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/result";

type Props<Input> = {
  action: (input: Input) => Promise<ActionResult<unknown>>;
  input: Input;
  label: string;
  /** Shown in a confirmation dialog before running, for steps that cannot be undone. */
  confirm?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  "aria-label"?: string;
};

/** One click runs one server action; its refusal message appears next to the button. */
export function ActionButton<Input>({ action, input, label, confirm, variant, size, ...rest }: Props<Input>) {
  const translate = useMessage();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant={variant}
        size={size}
        disabled={pending}
        aria-label={rest["aria-label"]}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(null);
          startTransition(async () => {
            const result = await action(input);
            if (!result.ok) setError(result.message);
          });
        }}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {translate(error)}
        </span>
      ) : null}
    </span>
  );
}
