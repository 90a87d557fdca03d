"use client";

import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import { useMessage } from "@/components/use-message";
import { cn } from "@/lib/utils";

type FieldProps = {
  label: ReactNode;
  /** i18n message key(s) of the error, from zod or the server. */
  error?: string | string[];
  hint?: ReactNode;
  className?: string;
  children: ReactElement<Record<string, unknown>>;
};

/** A labelled form control with its hint and its error right below it. */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const generated = useId();
  const translate = useMessage();
  const id = (isValidElement(children) && (children.props.id as string)) || generated;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {cloneElement(children, {
        id,
        "aria-invalid": errors.length > 0 || undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {errors.map(translate).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
