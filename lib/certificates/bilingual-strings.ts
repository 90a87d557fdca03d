import { loadMessages } from "@/lib/i18n/messages";
import type { BatteryDeclarationStrings, BilingualDeclarationStrings } from "./battery-declaration-pdf";
import type { LabelStrings } from "./strings";
import type { BilingualStrings, StudyReportStrings } from "./study-report-pdf";

/** Both catalogs the bilingual study report prints from: Chinese and English, each with the label terms (stages, units). */
export function bilingualReportStrings(): BilingualStrings {
  const zh = loadMessages("zh-CN");
  const en = loadMessages("en");
  return {
    zh: { report: zh.studyReport as StudyReportStrings, labels: zh.labels as LabelStrings },
    en: { report: en.studyReport as StudyReportStrings, labels: en.labels as LabelStrings },
  };
}

/** Both catalogs the bilingual battery declaration prints from. */
export function bilingualDeclarationStrings(): BilingualDeclarationStrings {
  const zh = loadMessages("zh-CN");
  const en = loadMessages("en");
  return {
    zh: { declaration: zh.batteryDeclaration as BatteryDeclarationStrings, labels: zh.labels as LabelStrings },
    en: { declaration: en.batteryDeclaration as BatteryDeclarationStrings, labels: en.labels as LabelStrings },
  };
}
