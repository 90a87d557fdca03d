import type { SelectHTMLAttributes } from "react";
import { Select } from "@/components/ui/input";
import { UNIT_CODES } from "@/lib/calc/units";

/** A select of every unit the calculation can convert (lib/calc/units.ts). */
export function UnitSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Select {...props}>
      {UNIT_CODES.map((unit) => (
        <option key={unit} value={unit}>
          {unit}
        </option>
      ))}
    </Select>
  );
}
