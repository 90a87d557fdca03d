"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { TOAST_MS } from "@/components/ui/toast";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/result";

type Options<Schema extends z.ZodType<FieldValues, FieldValues>, T> = {
  schema: Schema;
  defaultValues: DefaultValues<z.input<Schema>>;
  action: (values: z.output<Schema>) => Promise<ActionResult<T>>;
  onSuccess?: (data: T, values: z.output<Schema>) => void | Promise<void>;
  /** Clear the form after success (a "create another" form). */
  resetOnSuccess?: boolean;
};

/**
 * A react-hook-form bound to a server action with the same zod schema: the
 * browser validates first, and the server's field errors land next to the same
 * fields. Nothing typed is cleared on an error.
 */
export function useActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, T>({
  schema,
  defaultValues,
  action,
  onSuccess,
  resetOnSuccess = false,
}: Options<Schema, T>) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(schema as never),
    defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  // A success is a toast: it goes away by itself.
  useEffect(() => {
    if (!succeeded) return;
    const timer = setTimeout(() => setSucceeded(false), TOAST_MS);
    return () => clearTimeout(timer);
  }, [succeeded]);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSucceeded(false);
    const result = await action(values);
    if (!result.ok) {
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(name as Path<z.input<Schema>>, { message: messages[0] });
      }
      setFormError(result.message);
      return;
    }
    setSucceeded(true);
    if (resetOnSuccess) form.reset(defaultValues);
    await onSuccess?.(result.data, values);
  });
  return { form, formError, succeeded, onSubmit, errors: form.formState.errors, isSubmitting: form.formState.isSubmitting };
}
