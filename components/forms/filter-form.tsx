import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** One labelled control of a GET filter form (server-rendered: filters live in the URL). */
export function FilterField({ id, label, className, children }: { id: string; label: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}

/** Apply and reset (back to the unfiltered page) of a GET filter form. */
export function FilterActions({ applyLabel, resetLabel, resetHref }: { applyLabel: string; resetLabel: string; resetHref: string }) {
  return (
    <div className="flex gap-2">
      <Button type="submit">{applyLabel}</Button>
      <Link className={buttonVariants({ variant: "ghost" })} href={resetHref}>
        {resetLabel}
      </Link>
    </div>
  );
}

/**
 * The free-text search of a GET filter form (`name`, default `q`), optionally suggesting values
 * from a datalist the page renders (`list`: its id).
 */
export function SearchField({
  id,
  label,
  name = "q",
  defaultValue,
  hint,
  list,
  invalid,
  maxLength = 100,
  className,
}: {
  id: string;
  label: ReactNode;
  name?: string;
  defaultValue?: string;
  hint?: string;
  list?: string;
  /** The hint then says what is wrong with the value (it matched nothing it could). */
  invalid?: boolean;
  /** The longest value its schema accepts. */
  maxLength?: number;
  className?: string;
}) {
  return (
    <FilterField id={id} label={label} className={className}>
      <Input
        id={id}
        name={name}
        type="search"
        list={list}
        autoComplete="off"
        maxLength={maxLength}
        defaultValue={defaultValue ?? ""}
        aria-describedby={hint ? `${id}-hint` : undefined}
        aria-invalid={invalid || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className={invalid ? "text-xs font-medium text-red-700" : "text-xs text-slate-600"}>
          {hint}
        </p>
      ) : null}
    </FilterField>
  );
}
