import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
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
