/**
 * Seed emission factors, each with its public source. Product footprints use
 * the electricity carbon footprint (life-cycle) series; the grid CO2 series is
 * kept apart (its own category) for corporate inventories and comparison.
 */
type FactorSeed = {
  factorKey: string;
  nameZh: string;
  nameEn: string;
  category: string;
  value: string;
  unit: string;
  region: string;
  year: number;
  source: string;
  gwpBasis: string;
};

const SOURCE_2023 =
  "MEE, NBS and NEA announcement of 17 January 2025 on 2023 electricity carbon footprint factors";
const SOURCE_2023_CPCD =
  "China Products Carbon Footprint Factors Database (CPCD), 2023 electricity carbon footprint factors";
const SOURCE_2024 = "MEE announcement of October 2025 on 2024 electricity carbon footprint factors";

type ElectricitySeries = { key: string; zh: string; en: string; v2023: string | null; v2024: string; cpcd2023?: boolean };

const ELECTRICITY: ElectricitySeries[] = [
  { key: "national", zh: "全国电力平均", en: "national average", v2023: "0.6205", v2024: "0.5777" },
  { key: "coal", zh: "燃煤发电", en: "coal power", v2023: "0.944", v2024: "0.924", cpcd2023: true },
  { key: "gas", zh: "燃气发电", en: "gas power", v2023: "0.4792", v2024: "0.4503", cpcd2023: true },
  { key: "hydro", zh: "水力发电", en: "hydropower", v2023: "0.0143", v2024: "0.0141", cpcd2023: true },
  { key: "nuclear", zh: "核能发电", en: "nuclear power", v2023: "0.0065", v2024: "0.0065", cpcd2023: true },
  { key: "wind", zh: "风力发电", en: "wind power", v2023: "0.0336", v2024: "0.0324" },
  { key: "pv", zh: "光伏发电", en: "photovoltaic power", v2023: "0.0545", v2024: "0.052" },
  { key: "solar_thermal", zh: "光热发电", en: "solar thermal power", v2023: "0.0313", v2024: "0.0312", cpcd2023: true },
  { key: "biomass", zh: "生物质发电", en: "biomass power", v2023: "0.0457", v2024: "0.0404" },
  { key: "td_excl_losses", zh: "输配电（不含损耗）", en: "transmission & distribution, excluding losses", v2023: "0.0036", v2024: "0.0046", cpcd2023: true },
  { key: "td_incl_losses", zh: "输配电（含损耗）", en: "transmission & distribution, including losses", v2023: null, v2024: "0.0327" },
];

function electricityFactors(): FactorSeed[] {
  const seeds: FactorSeed[] = [];
  for (const series of ELECTRICITY) {
    for (const [year, value] of [[2023, series.v2023], [2024, series.v2024]] as const) {
      if (value === null) continue;
      seeds.push({
        factorKey: `cn.electricity.${series.key}.${year}`,
        nameZh: `电力碳足迹因子 - ${series.zh}（${year}）`,
        nameEn: `Electricity carbon footprint factor - ${series.en} (${year})`,
        category: "electricity",
        value,
        unit: "kWh",
        region: "CN",
        year,
        source: year === 2024 ? SOURCE_2024 : series.cpcd2023 ? SOURCE_2023_CPCD : SOURCE_2023,
        gwpBasis: "AR6",
      });
    }
  }
  return seeds;
}

const SOURCE_GRID_CO2_2023 =
  "MEE and NBS, 2023 electricity CO2 emission factors (grid; for corporate GHG inventories, not product footprints)";

/** Grid CO2 emission factors 2023, kg CO2/kWh: category `electricity_grid_co2`, never the footprint default. */
const GRID_CO2_2023: { key: string; zh: string; en: string; value: string }[] = [
  { key: "national", zh: "全国", en: "national", value: "0.5306" },
  { key: "national_excl_market_non_fossil", zh: "全国（不含市场化交易非化石能源电量）", en: "national, excluding market-traded non-fossil power", value: "0.6096" },
  { key: "national_fossil", zh: "全国化石能源电力", en: "national, fossil power only", value: "0.8273" },
  { key: "north", zh: "华北区域电网", en: "North China grid", value: "0.6361" },
  { key: "north_east", zh: "东北区域电网", en: "North-East China grid", value: "0.5122" },
  { key: "east", zh: "华东区域电网", en: "East China grid", value: "0.5500" },
  { key: "central", zh: "华中区域电网", en: "Central China grid", value: "0.5271" },
  { key: "north_west", zh: "西北区域电网", en: "North-West China grid", value: "0.5543" },
  { key: "south", zh: "南方区域电网", en: "South China grid", value: "0.4042" },
  { key: "south_west", zh: "西南区域电网", en: "South-West China grid", value: "0.2472" },
];

function gridCo2Factors(): FactorSeed[] {
  return GRID_CO2_2023.map((grid) => ({
    factorKey: `cn.grid_co2.${grid.key}.2023`,
    nameZh: `电网二氧化碳排放因子 - ${grid.zh}（2023，企业核算用）`,
    nameEn: `Grid CO2 emission factor - ${grid.en} (2023, corporate inventories)`,
    category: "electricity_grid_co2",
    value: grid.value,
    unit: "kWh",
    region: "CN",
    year: 2023,
    source: SOURCE_GRID_CO2_2023,
    gwpBasis: "AR6",
  }));
}

const IPCC_2006_FUELS =
  "IPCC 2006 Guidelines for National GHG Inventories, Vol. 2 Ch. 1, Table 1.4 default CO2 emission factor for stationary combustion (CO2 only)";

export const FACTORS: FactorSeed[] = [
  ...electricityFactors(),
  ...gridCo2Factors(),
  {
    factorKey: "ipcc.fuel.natural_gas.combustion",
    nameZh: "天然气燃烧（按热值）",
    nameEn: "Natural gas, combustion (per energy content)",
    category: "fuel",
    value: "0.0561",
    unit: "MJ",
    region: "GLO",
    year: 2006,
    source: IPCC_2006_FUELS,
    gwpBasis: "AR6",
  },
  {
    factorKey: "ipcc.fuel.diesel.combustion",
    nameZh: "柴油燃烧（按热值）",
    nameEn: "Gas/diesel oil, combustion (per energy content)",
    category: "fuel",
    value: "0.0741",
    unit: "MJ",
    region: "GLO",
    year: 2006,
    source: IPCC_2006_FUELS,
    gwpBasis: "AR6",
  },
  {
    factorKey: "ipcc.fuel.gasoline.combustion",
    nameZh: "汽油燃烧（按热值）",
    nameEn: "Motor gasoline, combustion (per energy content)",
    category: "fuel",
    value: "0.0693",
    unit: "MJ",
    region: "GLO",
    year: 2006,
    source: IPCC_2006_FUELS,
    gwpBasis: "AR6",
  },
  {
    factorKey: "cpcd.material.carbon_steel",
    nameZh: "普通碳钢（市场平均，摇篮到大门）",
    nameEn: "Ordinary carbon steel, market average, cradle-to-gate",
    category: "material",
    value: "2050",
    unit: "t",
    region: "CN",
    year: 2023,
    source: "China Products Carbon Footprint Factors Database (CPCD)",
    gwpBasis: "AR6",
  },
];
