/** GWP100 values of IPCC AR6 (WG1, ch. 7, table 7.15), kg CO2e per kg of gas. */
export const GWP_SET = "AR6";

const AR6_SOURCE = "IPCC AR6 WG1 (2021), Table 7.15, GWP100";

type GwpEntry = {
  gas: string;
  nameZh: string;
  nameEn: string;
  value: string;
  emissionCategory: "fossil" | "biogenic" | "land_use_change";
  source: string;
};

export const GWP_AR6: readonly GwpEntry[] = [
  { gas: "CO2", nameZh: "二氧化碳", nameEn: "Carbon dioxide", value: "1", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "CO2_biogenic", nameZh: "生物源二氧化碳", nameEn: "Carbon dioxide (biogenic)", value: "1", emissionCategory: "biogenic", source: AR6_SOURCE },
  { gas: "CH4_fossil", nameZh: "甲烷（化石源）", nameEn: "Methane (fossil)", value: "29.8", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "CH4_non_fossil", nameZh: "甲烷（非化石源）", nameEn: "Methane (non-fossil)", value: "27.0", emissionCategory: "biogenic", source: AR6_SOURCE },
  { gas: "N2O", nameZh: "氧化亚氮", nameEn: "Nitrous oxide", value: "273", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "HFC-134a", nameZh: "HFC-134a", nameEn: "HFC-134a", value: "1530", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "HFC-32", nameZh: "HFC-32", nameEn: "HFC-32", value: "771", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "HFC-125", nameZh: "HFC-125", nameEn: "HFC-125", value: "3740", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "SF6", nameZh: "六氟化硫", nameEn: "Sulphur hexafluoride", value: "25200", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "NF3", nameZh: "三氟化氮", nameEn: "Nitrogen trifluoride", value: "17400", emissionCategory: "fossil", source: AR6_SOURCE },
  { gas: "CF4", nameZh: "四氟化碳", nameEn: "Tetrafluoromethane", value: "7380", emissionCategory: "fossil", source: AR6_SOURCE },
];

const GWP_BY_GAS = new Map(GWP_AR6.map((entry) => [entry.gas, entry]));

/** The gas's name in the reader's language ("Methane (fossil)", not `CH4_fossil`); a gas the list does not know keeps its code. */
export function gasName(gas: string, en: boolean): string {
  const entry = GWP_BY_GAS.get(gas);
  return entry ? (en ? entry.nameEn : entry.nameZh) : gas;
}
