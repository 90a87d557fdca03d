"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { useMessage } from "@/components/use-message";
import { createBenchmarkVersionAction, previewBenchmarkVersionAction } from "@/lib/actions/regulator/benchmark-version";
import { DEFAULT_GRADE_THRESHOLDS } from "@/lib/certificates/grade";
import { benchmarkVersionSchema } from "@/lib/validation/schemas/regulator";

type Preview = { certificates: number; proposed: number[]; current: number[] | null };

export function BenchmarkForm({ categories }: { categories: ReadonlyArray<{ id: string; name: string; unit: string }> }) {
  const t = useTranslations("benchmarks");
  const translate = useMessage();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const { form, formError, succeeded, onSubmit, errors, isSubmitting } = useActionForm({
    schema: benchmarkVersionSchema,
    defaultValues: {
      categoryId: categories[0]?.id ?? "",
      value: "",
      source: "",
      effectiveFrom: "",
      thresholds: DEFAULT_GRADE_THRESHOLDS.map((threshold) => threshold.toFixed(2)).join(", "),
    },
    action: createBenchmarkVersionAction,
    onSuccess: () => setPreview(null),
  });
  const runPreview = form.handleSubmit(async (values) => {
    setPreviewError(null);
    const result = await previewBenchmarkVersionAction(values);
    if (!result.ok) {
      setPreviewError(result.message);
      return;
    }
    setPreview(result.data);
  });
  const unit = categories.find((category) => category.id === form.watch("categoryId"))?.unit ?? "";
  const levels = preview ? Math.max(preview.proposed.length, preview.current?.length ?? 0) : 0;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("newVersion")}>
      {formError ? <Alert tone="danger">{translate(formError)}</Alert> : null}
      {succeeded ? <Toast>{t("saved")}</Toast> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("category")} error={errors.categoryId?.message}>
          <Select {...form.register("categoryId", { onChange: () => setPreview(null) })}>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("value", { unit })} error={errors.value?.message}>
          <Input inputMode="decimal" {...form.register("value", { onChange: () => setPreview(null) })} />
        </Field>
        <Field label={t("source")} error={errors.source?.message}>
          <Input {...form.register("source")} />
        </Field>
        <Field label={t("effectiveFrom")} error={errors.effectiveFrom?.message}>
          <Input type="date" {...form.register("effectiveFrom")} />
        </Field>
        <Field label={t("thresholds")} hint={t("thresholdsHint")} error={errors.thresholds?.message} className="sm:col-span-2">
          <Input {...form.register("thresholds", { onChange: () => setPreview(null) })} />
        </Field>
      </div>
      {previewError ? <Alert tone="danger">{translate(previewError)}</Alert> : null}
      {preview ? (
        <div aria-live="polite" className="space-y-2">
          <p className="text-sm text-slate-700">{t("previewIntro", { count: preview.certificates })}</p>
          <Table>
            <caption className="sr-only">{t("previewTitle")}</caption>
            <thead>
              <tr>
                <Th>{t("level")}</Th>
                <Th className="text-right">{t("currentVersion")}</Th>
                <Th className="text-right">{t("proposedVersion")}</Th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: levels }, (_, index) => (
                <tr key={index}>
                  <Td>{t("levelN", { level: index + 1 })}</Td>
                  <Td className="text-right tabular-nums">{preview.current ? (preview.current[index] ?? 0) : "—"}</Td>
                  <Td className="text-right tabular-nums">{preview.proposed[index] ?? 0}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => void runPreview()} disabled={isSubmitting}>
          {t("preview")}
        </Button>
        <Button type="submit" disabled={isSubmitting || !preview}>
          {t("save")}
        </Button>
      </div>
      {!preview ? <p className="text-xs text-slate-600">{t("previewFirst")}</p> : null}
    </form>
  );
}
