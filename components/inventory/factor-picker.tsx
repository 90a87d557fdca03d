"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { useMessage } from "@/components/use-message";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { FactorOption } from "@/lib/dal/emission-factors";
import { cn } from "@/lib/utils";

export type FactorFilters = { categories: string[]; regions: string[]; years: number[] };

type Props = {
  filters: FactorFilters;
  selected: FactorOption | null;
  onSelect: (factor: FactorOption) => void;
  error?: string;
};

/** Searches the factor database by name, category, region and year; shows value, unit and source of each hit. */
export function FactorPicker({ filters, selected, onSelect, error }: Props) {
  const t = useTranslations("inventory.picker");
  const translate = useMessage();
  const en = useLocale() === "en";
  const id = useId();
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState("");
  const [region, setRegion] = useState("");
  const [year, setYear] = useState("");
  const [results, setResults] = useState<FactorOption[] | null>(null);
  const [status, setStatus] = useState<"idle" | "loading" | "failed">("idle");

  async function search() {
    setStatus("loading");
    const params = new URLSearchParams({ q: query, category, region, year });
    try {
      const response = await fetch(`/api/enterprise/factors?${params}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { factors: FactorOption[] };
      setResults(body.factors);
      setStatus("idle");
    } catch {
      setStatus("failed");
    }
  }

  function searchOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches instead of submitting the line form around the picker.
    if (event.key === "Enter") {
      event.preventDefault();
      void search();
    }
  }

  const name = (factor: FactorOption) => (en ? factor.nameEn : factor.nameZh);
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
      {selected ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="selected-factor">
          <span className="font-medium">{t("selected")}</span> {name(selected)} — {selected.value} kg CO₂e/{selected.unit} · {selected.region} · {selected.year} · v{selected.version}
          <br />
          <span className="text-xs">{selected.source}</span>
        </p>
      ) : null}
      <div className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
        <label className="space-y-1 text-xs font-medium text-slate-700">
          {t("query")}
          <Input type="search" value={query} onChange={(event) => setQuery(event.target.value)} onKeyDown={searchOnEnter} />
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-700">
          {t("category")}
          <Select value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t("any")}</option>
            {filters.categories.map((value) => (
              <option key={value} value={value}>
                {t.has(`categories.${value}`) ? t(`categories.${value}`) : value}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-700">
          {t("region")}
          <Select value={region} onChange={(event) => setRegion(event.target.value)}>
            <option value="">{t("any")}</option>
            {filters.regions.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs font-medium text-slate-700">
          {t("year")}
          <Select value={year} onChange={(event) => setYear(event.target.value)}>
            <option value="">{t("any")}</option>
            {filters.years.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </label>
        <Button variant="secondary" onClick={() => void search()} disabled={status === "loading"}>
          {t("search")}
        </Button>
      </div>
      <div aria-live="polite">
        {status === "loading" ? <p className="text-sm text-slate-600">{t("searching")}</p> : null}
        {status === "failed" ? <p className="text-sm text-red-700">{t("failed")}</p> : null}
        {results && results.length === 0 ? <p className="text-sm text-slate-600">{t("noResults")}</p> : null}
      </div>
      {results && results.length > 0 ? (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" aria-label={t("results")}>
          {results.map((factor) => (
            <li key={factor.id}>
              <button
                type="button"
                onClick={() => onSelect(factor)}
                aria-pressed={selected?.id === factor.id}
                className={cn(
                  "w-full px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600",
                  selected?.id === factor.id && "bg-brand-50",
                )}
              >
                <span className="font-medium text-slate-900">{name(factor)}</span>
                <span className="block text-xs text-slate-700">
                  {factor.value} kg CO₂e/{factor.unit} · {factor.category} · {factor.region} · {factor.year}
                </span>
                <span className="block text-xs text-slate-500">{factor.source}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {translate(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
