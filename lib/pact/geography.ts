/**
 * Where a footprint applies, in PACT's terms: the province-level division of the certificate's
 * region (GB/T 2260 code) as an ISO 3166-2 subdivision code, and the larger geographies it lies
 * in, which a `geography` filter also matches ("all footprints within the specified geography").
 */
const ISO_3166_2_BY_GBT_2260: Record<string, string> = {
  "110000": "CN-BJ",
  "120000": "CN-TJ",
  "130000": "CN-HE",
  "140000": "CN-SX",
  "150000": "CN-NM",
  "210000": "CN-LN",
  "220000": "CN-JL",
  "230000": "CN-HL",
  "310000": "CN-SH",
  "320000": "CN-JS",
  "330000": "CN-ZJ",
  "340000": "CN-AH",
  "350000": "CN-FJ",
  "360000": "CN-JX",
  "370000": "CN-SD",
  "410000": "CN-HA",
  "420000": "CN-HB",
  "430000": "CN-HN",
  "440000": "CN-GD",
  "450000": "CN-GX",
  "460000": "CN-HI",
  "500000": "CN-CQ",
  "510000": "CN-SC",
  "520000": "CN-GZ",
  "530000": "CN-YN",
  "540000": "CN-XZ",
  "610000": "CN-SN",
  "620000": "CN-GS",
  "630000": "CN-QH",
  "640000": "CN-NX",
  "650000": "CN-XJ",
};

/** China in the UN M49 scheme PACT's `geographyRegionOrSubregion` uses. */
const COUNTRY = "CN";
const UN_SUBREGION = "Eastern Asia";
const UN_REGION = "Asia";

/** The ISO 3166-2 code of a province-level division, or null for a code outside the table. */
export function subdivisionOf(region: string): string | null {
  return ISO_3166_2_BY_GBT_2260[region] ?? null;
}

/** The subdivision and every geography containing it, as a `geography` filter compares them. */
export function geographiesContaining(subdivision: string): string[] {
  return [subdivision, COUNTRY, UN_SUBREGION, UN_REGION];
}
