// IN-01..IN-04, IN-06: the desk records a call or visit; the receiver owns the case. A question
// answered on the spot closes it at once; a repair opens its first work order with it.
//
// The write path every desk and the resident portal lean on (issue 11), in four round trips: BEGIN, one
// read of everything the checks and deadlines need, one statement that takes the numbers and writes the
// case, its order, their audit events and deadlines, COMMIT. The per-project number row is locked only
// by that last statement, until COMMIT; the answer is built from rows already in hand, after COMMIT.
import { randomUUID } from 'node:crypto';
import type { TCaseCreate, TCaseDetail } from '../../../../common/desk';
import type { TWoStatus } from '../../../../common/desk';
import { runCommand, type CommandContext } from '../../../platform/audit';
import { dueAt, toLocal } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { invalidField, notFound } from '../../../platform/errors';
import { authorize, type Principal } from '../../../platform/policy';
import { numberSql } from '../../../platform/sequence';
import { query } from '../../../platform/sql';
import { toWorkCalendar } from '../../calendar/queries';
import { presentDeadline } from '../../deadlines/present';
import { DEFAULT_DESK_RULES, type DeskRules } from '../../deadlines/rules';
import type { deadlines } from '../../deadlines/tables';
import { nameIds } from '../../history/names';
import { caseOpenedFact, orderCreatedFact } from '../../kpi/facts';
import { kpiFactsJson, kpiUpsertSql } from '../../kpi/rollup';
import { orderDeadlines } from '../../workorders/deadlines';
import { presentOrder } from '../../workorders/queries';
import type { workOrders } from '../../workorders/tables';
import { presentCase } from '../queries';
import type { cases } from '../tables';

type CaseRow = typeof cases.$inferSelect;
type OrderRow = typeof workOrders.$inferSelect;
type DeadlineRow = typeof deadlines.$inferSelect;

export async function createCase(db: Db, p: Principal, input: TCaseCreate, now?: Date): Promise<TCaseDetail> {
  const made = await runCommand(db, p, (ctx) => openCase(ctx, p, input), now);
  return presentCreated(p, made);
}

/** The answer of a create, from the rows the command wrote: equal to the case detail read afterwards. */
function presentCreated(p: Principal, m: Opened): TCaseDetail {
  const { kase, order, ownerName, now } = m;
  const reply = m.deadlines.find((d) => d.entityId === kase.id)!;
  const orderDeadlines = m.deadlines.filter((d) => d.entityId === order?.id).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return {
    ...presentCase(p, { c: kase, path: m.unit?.path ?? null, ownerName, replyDueAt: reply.dueAt, replyMetAt: reply.metAt, orderCount: order ? 1 : 0 }, now, 'detail'),
    orders: order
      ? [
          presentOrder(
            p,
            { o: order, caseNumber: kase.number, caseOwnerId: kase.ownerId, customerName: kase.callerName, customerPhone: kase.callerPhone, ownerName, assigneeName: null, confirmerName: null, priceAgreedAt: null, feeCollectedAt: null },
            orderDeadlines.map((d) => presentDeadline(d, now)),
            'detail',
          ),
        ]
      : [],
    // the event as the history shows it, ids named from what the command already read.
    events: nameIds(
      [{ id: m.caseEvent.id, action: 'create', actorName: ownerName, at: m.caseEvent.at.toISOString(), before: null, after: m.caseEvent.after }],
      new Map([...(m.unit ? [[m.unit.id, m.unit.path] as const] : []), ...(kase.customerId && m.customerName ? [[kase.customerId, m.customerName] as const] : [])]),
    ),
    attachments: [],
  };
}

interface Context {
  companyId: string;
  timezone: string;
  rules: DeskRules | null;
  rulesVersion: number | null;
  weekdays: number[] | null;
  businessStart: string;
  businessEnd: string;
  days: { date: string; kind: string }[] | null;
  unitId: string | null;
  unitProjectId: string | null;
  unitPath: string | null;
  customerOk: boolean;
  ownerName: string;
  customerName: string | null;
}

// Everything the checks, the numbers' year and the deadlines need, in one read.
const CONTEXT_SQL = `
select p.company_id as "companyId", p.timezone,
       r.rules, r.version as "rulesVersion",
       c.weekdays, c.business_start as "businessStart", c.business_end as "businessEnd", c.days,
       u.id as "unitId", u.project_id as "unitProjectId", u.path as "unitPath",
       case when $4::uuid is null then true else exists (
         select 1 from customers cu join customer_units cl on cl.customer_id = cu.id and cl.ended_at is null
          where cu.id = $4::uuid and cu.project_id = p.id and ($3::uuid is null or cl.unit_id = $3::uuid)) end as "customerOk",
       (select display_name from users where id = $5::uuid) as "ownerName",
       (select name from customers where id = $4::uuid) as "customerName"
  from projects p
  left join desk_rules r on r.project_id = p.id
  left join project_calendars c on c.project_id = p.id and c.company_id = p.company_id
  left join units u on u.id = $3::uuid and u.company_id = p.company_id
 where p.id = $1::uuid and p.company_id = $2::uuid`;

// The numbers (KF, then BX: one lock order), the case, its order, their audit events and deadlines, and
// last the month's KPI rollup row (QI-05; unreferenced, so it runs after the others).
// $1 company, $2 project, $3 year, $4 kinds, $5 case json, $6 order json or null, $7 audit json, $8 deadlines json, $9 audit time or null,
// $10 KPI facts json
const WRITE_SQL = `
with seq as (
  insert into sequences (company_id, project_id, kind, year, last)
  select $1::uuid, $2::uuid, k.kind, $3::int, 1 from json_array_elements_text($4::json) with ordinality as k(kind, n) order by k.n
  on conflict (project_id, kind, year) do update set last = sequences.last + 1
  returning kind, ${numberSql('kind', '$3::int', 'last')} as number
),
c as (
  insert into cases (id, company_id, project_id, number, channel, category, status, unit_id, customer_id, caller_name, caller_phone,
                     content, confirmed_with_caller, owner_id, reply, replied_at, closed_at, rule_version, created_by, created_at)
  select x.id, x.company_id, x.project_id, seq.number, x.channel, x.category, x.status, x.unit_id, x.customer_id, x.caller_name, x.caller_phone,
         x.content, x.confirmed_with_caller, x.owner_id, x.reply, x.replied_at, x.closed_at, x.rule_version, x.created_by, x.created_at
    from json_populate_record(null::cases, $5::json) x, seq where seq.kind = 'KF'
  returning number
),
o as (
  insert into work_orders (id, company_id, project_id, case_id, number, trade, priority, location_kind, unit_id, location, description,
                           department, paid, reported_at, rule_version)
  select x.id, x.company_id, x.project_id, x.case_id, seq.number, x.trade, x.priority, x.location_kind, x.unit_id, x.location, x.description,
         x.department, x.paid, x.reported_at, x.rule_version
    from json_populate_record(null::work_orders, $6::json) x, seq where seq.kind = 'BX'
  returning number
),
a as (
  insert into audit_events (company_id, project_id, actor_id, entity, entity_id, action, after, at)
  select x.company_id, x.project_id, x.actor_id, x.entity, x.entity_id, x.action,
         x.after || jsonb_build_object('number', (select number from seq where seq.kind = case x.entity when 'case' then 'KF' else 'BX' end)),
         coalesce($9::timestamptz, now())
    from json_populate_recordset(null::audit_events, $7::json) with ordinality as x
   order by ordinality
  returning id::float8 as id, entity, at
),
d as (
  insert into deadlines (id, company_id, project_id, entity, entity_id, kind, due_at, met_at, paused_at, responsible_id, department, rule_version)
  select id, company_id, project_id, entity, entity_id, kind, due_at, met_at, paused_at, responsible_id, department, rule_version
    from json_populate_recordset(null::deadlines, $8::json)
),
k as (${kpiUpsertSql('$2', '$10')})
select (select number from c) as "caseNumber", (select number from o) as "orderNumber",
       (select json_agg(json_build_object('id', id, 'entity', entity, 'at', at) order by id) from a) as audit`;

export interface Opened {
  kase: CaseRow;
  order: OrderRow | null;
  unit: { id: string; path: string } | null;
  deadlines: DeadlineRow[];
  caseEvent: { id: number; at: Date; after: unknown };
  ownerName: string;
  customerName: string | null;
  now: Date;
}

const snake = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
/** As stored in jsonb and read back: no undefined keys. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

/** Inside a command: the case, its first order (paid only through the paid-service registration) and its reply deadline. */
export async function openCase(ctx: CommandContext, p: Principal, input: TCaseCreate, opts: { paid?: boolean } = {}): Promise<Opened> {
  return (await prepareCase(ctx, p, input, opts)).write();
}

/**
 * The case checked and built in memory (ids known, numbers not yet taken) after ONE read; `write()` takes
 * the numbers and writes it. A command that writes more around a new case (a complaint, its flags and
 * deadlines) does that work between the two, so the project's number row stays locked only from
 * `write()` to COMMIT.
 */
export async function prepareCase(ctx: CommandContext, p: Principal, input: TCaseCreate, opts: { paid?: boolean } = {}) {
  const { tx, now } = ctx;
  const [x] = await query<Context>(tx, 'case_open_context', CONTEXT_SQL, [input.projectId, p.companyId, input.unitId ?? null, input.customerId ?? null, p.userId]);
  if (!x) throw invalidField('projectId', 'unknown_project');
  authorize(p, 'case.create', input.projectId, 'project.read');
  if (input.unitId && !x.unitId) throw notFound();
  if (x.unitId) authorize(p, 'space.read', x.unitProjectId!, 'space.read');
  if (x.unitId && x.unitProjectId !== input.projectId) throw invalidField('unitId', 'unknown_unit');
  if (!x.customerOk) throw invalidField('customerId', 'unknown_customer');
  if (input.order?.locationKind === 'unit' && !x.unitId) throw invalidField('unitId', 'required');
  if (!x.weekdays) throw notFound(); // every project has its calendar (ORG-06)

  const rules = x.rules ? { ...DEFAULT_DESK_RULES, ...x.rules } : DEFAULT_DESK_RULES;
  const version = x.rulesVersion ?? 0;
  const cal = toWorkCalendar({ weekdays: x.weekdays, businessStart: x.businessStart, businessEnd: x.businessEnd, days: x.days as never }, x.timezone);
  const year = Number(toLocal(now, x.timezone).date.slice(0, 4));
  const unit = x.unitId ? { id: x.unitId, path: x.unitPath! } : null;
  const answered = input.answerNow ? now : null;

  const kase: CaseRow = {
    id: randomUUID(),
    companyId: p.companyId,
    projectId: input.projectId,
    number: '',
    channel: input.channel,
    category: input.category,
    status: answered && !input.order ? 'closed' : answered ? 'replied' : 'open',
    unitId: unit?.id ?? null,
    customerId: input.customerId ?? null,
    callerName: input.callerName,
    callerPhone: input.callerPhone,
    content: input.content,
    confirmedWithCaller: input.confirmedWithCaller,
    ownerId: p.userId, // IN-01: whoever first receives the matter owns it
    reply: input.answerNow ?? null,
    repliedAt: answered,
    lateReason: null,
    closedAt: answered && !input.order ? answered : null,
    ruleVersion: version,
    createdBy: p.userId,
    createdAt: now,
    version: 1,
  };
  const o = input.order;
  const order: OrderRow | null = o
    ? {
        id: randomUUID(),
        companyId: p.companyId,
        projectId: input.projectId,
        caseId: kase.id,
        number: '',
        trade: o.trade,
        priority: o.priority,
        locationKind: o.locationKind,
        unitId: o.locationKind === 'unit' ? kase.unitId : null,
        location: o.locationKind === 'unit' ? (unit?.path ?? '') : o.publicLocation!,
        description: o.description,
        department: o.department,
        status: 'reported',
        assigneeId: null,
        holdReason: null,
        heldFrom: null,
        result: null,
        materials: [],
        acceptance: null,
        onsiteConfirmedBy: null,
        explanation: null,
        paid: !!opts.paid, // PS-02: paid orders come only through the paid-service registration
        reworkCount: 0,
        followupSelected: null,
        reportedAt: now,
        dispatchedAt: null,
        completedAt: null,
        closedAt: null,
        lastProgressAt: null,
        ruleVersion: version,
        version: 1,
      }
    : null;

  const deadline = (entity: string, entityId: string, d: { kind: string; dueAt: Date; metAt: Date | null; pausedAt?: Date | null; responsibleId: string | null; department?: string | null }): DeadlineRow => ({
    id: randomUUID(),
    companyId: p.companyId,
    projectId: input.projectId,
    entity,
    entityId,
    kind: d.kind,
    dueAt: d.dueAt,
    metAt: d.metAt,
    pausedAt: d.pausedAt ?? null,
    responsibleId: d.responsibleId,
    department: d.department ?? null,
    notifiedLevel: 0,
    ruleVersion: version,
  });
  // IN-05 for the case; X-01 / WO-02 / WO-06 for a new order (no history yet, so no pause or rework).
  const rows = [deadline('case', kase.id, { kind: 'reply', dueAt: dueAt(rules.reply, kase.createdAt, cal), metAt: kase.repliedAt ?? kase.closedAt, responsibleId: kase.ownerId })];
  if (order)
    for (const d of orderDeadlines(
      { status: order.status as TWoStatus, priority: order.priority as 'normal' | 'emergency', department: order.department, assigneeId: null, caseOwnerId: kase.ownerId, reportedAt: now, followupSelected: null, lastProgressAt: null, appointment: null },
      [],
      rules,
      cal,
    ))
      rows.push(deadline('work_order', order.id, d));

  const write = () => writeCase(ctx, p, { input, year, kase, order, unit, rows, x });
  return { kase, order, unit, deadlines: rows, rules, ruleVersion: version, write };
}

async function writeCase(
  ctx: CommandContext,
  p: Principal,
  { input, year, kase, order, unit, rows, x }: { input: TCaseCreate; year: number; kase: CaseRow; order: OrderRow | null; unit: Opened['unit']; rows: DeadlineRow[]; x: Context },
): Promise<Opened> {
  const { tx, now } = ctx;
  const o = input.order;
  const caseAfter = asJson({ ...input, order: undefined });
  const orderAfter = order ? asJson({ status: order.status, caseId: kase.id, paid: order.paid, ...o }) : null;
  const audit = [
    { company_id: p.companyId, project_id: kase.projectId, actor_id: p.userId, entity: 'case', entity_id: kase.id, action: 'create', after: caseAfter },
    ...(order ? [{ company_id: p.companyId, project_id: order.projectId, actor_id: p.userId, entity: 'work_order', entity_id: order.id, action: 'create', after: orderAfter }] : []),
  ];
  const [w] = await query<{ caseNumber: string; orderNumber: string | null; audit: { id: number; entity: string; at: string }[] }>(tx, 'case_open_write', WRITE_SQL, [
    p.companyId,
    input.projectId,
    year,
    JSON.stringify(order ? ['KF', 'BX'] : ['KF']),
    JSON.stringify(snake(kase)),
    order ? JSON.stringify(snake(order)) : null,
    JSON.stringify(audit),
    JSON.stringify(rows.map(snake)),
    // The audit time follows the command's clock only when one was given (the demo's replayed history).
    ctx.replayed ? now.toISOString() : null,
    kpiFactsJson([caseOpenedFact(kase, rows[0].dueAt), ...(order ? [orderCreatedFact(order)] : [])]),
  ]);
  kase.number = w.caseNumber;
  if (order) order.number = w.orderNumber!;
  const ev = w.audit.find((e) => e.entity === 'case')!;
  return {
    kase,
    order,
    unit,
    deadlines: rows,
    caseEvent: { id: ev.id, at: new Date(ev.at), after: { ...(caseAfter as object), number: kase.number } },
    ownerName: x.ownerName,
    customerName: x.customerName,
    now,
  };
}
