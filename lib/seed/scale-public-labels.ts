/**
 * Gives the scale data set's synthetic certificates what the public verification page reads:
 * well-formed numbers (`CFP-CQ-2026-7K3M9Q`, unique by construction) and a snapshot of the real
 * shape (CertificateSnapshot), so the page and its JSON read them as they read issued
 * certificates: the product, category, enterprise, body, benchmark and the certificate's own
 * stage emissions, with no inventory lines. No verified submission: nothing was verified, so the
 * start-up backfill signs no credential for them (issueMissingCredentials). Runs last in the scale seed,
 * after every step that recognises scale certificates by their `CFP-SCALE-` placeholder number.
 */
import type { Client } from "pg";
import { CERTIFICATE_NUMBER_ALPHABET, CERTIFICATE_NUMBER_RANDOM_LENGTH } from "@/lib/certificates/number";
import { CERTIFICATE_REGION_CODES } from "@/lib/certificates/region-code";

const SUFFIXES = CERTIFICATE_NUMBER_ALPHABET.length ** CERTIFICATE_NUMBER_RANDOM_LENGTH;
/** Coprime with 30, so n ↦ n × M mod 30^6 is a bijection: distinct rows get distinct suffixes. */
const SPREAD = 1_000_003;

const regionCase = `case c.region ${Object.entries(CERTIFICATE_REGION_CODES)
  .map(([region, code]) => `when '${region}' then '${code}'`)
  .join(" ")} else 'CQ' end`;

const suffix = Array.from({ length: CERTIFICATE_NUMBER_RANDOM_LENGTH }, (_, index) => {
  const power = CERTIFICATE_NUMBER_ALPHABET.length ** (CERTIFICATE_NUMBER_RANDOM_LENGTH - 1 - index);
  return `substr('${CERTIFICATE_NUMBER_ALPHABET}', (((s.n * ${SPREAD}) % ${SUFFIXES}) / ${power} % ${CERTIFICATE_NUMBER_ALPHABET.length})::int + 1, 1)`;
}).join(" || ");

const SCALE_PUBLIC_LABEL_SQL = `
  update certificates c set
    number = n.number,
    snapshot = jsonb_build_object(
      'synthetic', true,
      'number', n.number,
      'issuedOn', c.issued_on::text,
      'expiresOn', c.expires_on::text,
      'category', jsonb_build_object('id', pc.id, 'nameZh', pc.name_zh, 'nameEn', pc.name_en),
      'enterprise', jsonb_build_object('id', o.id, 'name', o.name, 'nameEn', o.name_en, 'creditCode', o.credit_code),
      'verificationBody', jsonb_build_object('id', vb.id, 'name', vb.name, 'nameEn', vb.name_en, 'accreditationNo', vb.accreditation_no),
      'leadVerifier', jsonb_build_object('id', vb.id, 'name', 'Scale lead verifier'),
      'reviewer', jsonb_build_object('id', vb.id, 'name', 'Scale reviewer'),
      'statement', 'Synthetic scale data set.',
      'inventory', jsonb_build_object(
        'application', jsonb_build_object('id', c.application_id, 'round', 1, 'productId', p.id, 'organizationId', o.id),
        'product', jsonb_build_object(
          'id', p.id, 'organizationId', p.organization_id, 'categoryId', p.category_id,
          'nameZh', p.name_zh, 'nameEn', p.name_en, 'model', p.model, 'hsCode', p.hs_code,
          'declaredUnitAmount', p.declared_unit_amount::text, 'declaredUnit', p.declared_unit,
          'systemBoundary', p.system_boundary, 'periodStart', p.period_start::text, 'periodEnd', p.period_end::text,
          'productionVolume', p.production_volume::text, 'site', p.site, 'exportMarkets', p.export_markets),
        'lines', '[]'::jsonb,
        'gwp', jsonb_build_object('set', 'AR6', 'values', '{}'::jsonb),
        -- The stages are the certificate's own (certificate_stage_emissions); the whole
        -- footprint is fossil, with no biogenic removals.
        'calculation', jsonb_build_object(
          'ok', true, 'result', c.value::text, 'totalPeriod', (c.value * p.production_volume)::text,
          'byStage', coalesce((select jsonb_object_agg(e.stage, e.value::text) from certificate_stage_emissions e where e.certificate_id = c.id), '{}'::jsonb),
          'byCategory', jsonb_build_object('fossil', c.value::text, 'biogenic', '0', 'land_use_change', '0'),
          'biogenicRemovals', '0', 'lines', '[]'::jsonb, 'hotspots', '[]'::jsonb,
          'primaryShare', '0.6', 'dataQuality', '2.00', 'factorsUsed', '[]'::jsonb, 'gwpSet', 'AR6')),
      'value', c.value::text,
      'benchmark', (
        select jsonb_build_object('id', b.id, 'version', b.version, 'value', b.value::text, 'declaredUnit', b.declared_unit,
          'effectiveFrom', b.effective_from::text, 'source', b.source, 'thresholds', b.thresholds)
        from benchmarks b where b.id = c.benchmark_id),
      'grade', c.grade,
      'ratio', c.ratio::text)
  from (
    select id, 'CFP-' || ${regionCase} || '-' || to_char(c.issued_on, 'YYYY') || '-' || ${suffix} as number
    from (select id, row_number() over (order by number)::bigint as n from certificates where number like 'CFP-SCALE-%') s
    join certificates c using (id)
  ) n,
    products p, product_categories pc, organizations o, organizations vb
  where c.id = n.id and p.id = c.product_id and pc.id = c.category_id and o.id = c.organization_id
    and vb.id = c.verification_body_id`;

export async function seedScalePublicLabels(client: Client): Promise<void> {
  const started = Date.now();
  const result = await client.query(SCALE_PUBLIC_LABEL_SQL);
  console.log(`[scale] public label fields: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
