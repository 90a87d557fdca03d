import { BATTERY_CATEGORIES, SERVICE_LIFE_BASES } from "@/lib/enums";
import { decimalText, positiveDecimalText } from "@/lib/validation/schemas/products";
import { DECIMAL, isBoundedDecimal, normalizeDecimalInput, z, textInput } from "@/lib/validation/zod";

const WHOLE_NUMBER = /^\d{1,15}$/;

const coordinate = (limit: number, message: string) => decimalText.refine((value) => Math.abs(Number(value)) <= limit, { message });

/** An optional text field of the form: empty means not given. */
const optionalText = (max: number) => textInput().trim().max(max).optional().default("");
/** The same for a number: thousands separators and full-width digits made plain ("3,000" → "3000"). */
const optionalNumber = (max: number) => optionalText(max).transform(normalizeDecimalInput);

function isWebAddress(value: string): boolean {
  const url = URL.parse(value);
  return !!url && (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname;
}

/**
 * What an EU battery carbon footprint declaration needs beyond the footprint (Article 7): one
 * schema for the form and the action. The service life is either full equivalent cycles or years
 * with the energy provided per year; an industrial battery must be above 2 kWh.
 */
export const batteryDeclarationSchema = z
  .object({
    productId: z.uuid(),
    batteryModel: textInput().trim().min(1).max(100),
    plantName: textInput().trim().min(1).max(200),
    plantAddress: textInput().trim().min(1).max(300),
    plantLatitude: coordinate(90, "batteryDeclaration.validation.latitude"),
    plantLongitude: coordinate(180, "batteryDeclaration.validation.longitude"),
    batteryCategory: z.enum(BATTERY_CATEGORIES),
    ratedEnergy: positiveDecimalText,
    serviceLifeBasis: z.enum(SERVICE_LIFE_BASES),
    serviceLifeCycles: optionalNumber(9),
    serviceLifeYears: optionalNumber(12),
    annualEnergyThroughput: optionalNumber(20),
    declarationOfConformityId: textInput().trim().min(1).max(100),
    studyUrl: optionalText(500),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (value.batteryCategory === "industrial" && DECIMAL.test(value.ratedEnergy) && Number(value.ratedEnergy) <= 2) {
      issue("ratedEnergy", "batteryDeclaration.validation.industrialTooSmall");
    }
    if (value.serviceLifeBasis === "cycles") {
      if (!WHOLE_NUMBER.test(value.serviceLifeCycles) || Number(value.serviceLifeCycles) < 1) issue("serviceLifeCycles", "batteryDeclaration.validation.cyclesRequired");
    } else {
      if (!(DECIMAL.test(value.serviceLifeYears) && isBoundedDecimal(value.serviceLifeYears)) || Number(value.serviceLifeYears) <= 0) issue("serviceLifeYears", "batteryDeclaration.validation.yearsRequired");
      if (!(DECIMAL.test(value.annualEnergyThroughput) && isBoundedDecimal(value.annualEnergyThroughput)) || Number(value.annualEnergyThroughput) <= 0) {
        issue("annualEnergyThroughput", "batteryDeclaration.validation.throughputRequired");
      }
    }
    if (value.studyUrl && !isWebAddress(value.studyUrl)) issue("studyUrl", "batteryDeclaration.validation.url");
  });

export type BatteryDeclarationFormInput = z.input<typeof batteryDeclarationSchema>;
export type BatteryDeclarationValues = z.output<typeof batteryDeclarationSchema>;
