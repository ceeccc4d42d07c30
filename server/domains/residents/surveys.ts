// X-03, SV-04: the open surveys the resident's unit is sampled in, with the unit's one-time link. The link
// is the only key to the answer page, so it is shown only to a resident who may act for that unit (the
// owner, or a tenant with the owner's consent) — never for another unit, project or company.
import type { TPortalSurvey } from '../../../common/portal-services';
import type { DbOrTx } from '../../platform/db';
import { query } from '../../platform/sql';
import { residentUnits } from './scope';
import type { Resident } from './session';

export async function residentSurveys(db: DbOrTx, r: Resident, now = new Date()): Promise<(TPortalSurvey & { openedAt: string })[]> {
  const units = (await residentUnits(db, r)).filter((u) => u.allowed);
  if (!units.length) return [];
  const rows = await query<{ surveyId: string; title: string; path: string; closesOn: string; token: string; openedAt: Date }>(
    db,
    'resident_surveys',
    `select s.id as "surveyId", s.title, u.path, s.closes_on::text as "closesOn", x.token, s.created_at as "openedAt"
       from survey_samples x
       join surveys s on s.id = x.survey_id
       join units u on u.id = x.unit_id
      where x.company_id = $1::uuid and x.unit_id = any($2::uuid[])
        and s.status = 'open' and s.closes_at > $3::timestamptz and s.opens_on <= ($3::timestamptz at time zone 'Asia/Shanghai')::date
        and x.token_used_at is null
        and not exists (select 1 from survey_answers a where a.survey_id = s.id and a.unit_id = x.unit_id)
      order by s.created_at desc`,
    [r.companyId, units.map((u) => u.unitId), now.toISOString()],
  );
  return rows.map((x) => ({ surveyId: x.surveyId, title: x.title, path: x.path, closesOn: x.closesOn, link: `/s/${x.token}`, openedAt: new Date(x.openedAt).toISOString() }));
}
