// SV-01..SV-04 demo data: the company's default questionnaire and one annual survey per demo project —
// its reproducible sample, answers by phone, on site and through residents' links, a verification sample
// called back (one answer per project found forged), the report's weak items with their
// improvement measures (one done with its evidence, the others open, mirrored into the deadlines), and
// the publication to owners where it is done. Rows are written directly, as the other seeds do.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { RATINGS, type TRating } from '../../common/surveys';
import { recordAudit, type AuditInput } from '../platform/audit';
import { addDays, fromLocal, toLocal } from '../platform/clock';
import type { Tx } from '../platform/db';
import { projects } from '../domains/org/tables';
import { userRoles, users } from '../domains/people/tables';
import { ensureDefaultQuestionnaire } from '../domains/surveys/commands/questionnaire';
import { drawSample, newToken } from '../domains/surveys/commands/start-survey';
import { syncMeasureDeadline } from '../domains/surveys/commands/measures';
import { buildReport } from '../domains/surveys/queries';
import { surveyAnswers, surveyMeasures, surveySamples, surveys } from '../domains/surveys/tables';
import { Rng } from './random';

const COMMENTS = ['希望报修后能尽快上门', '保安很负责，晚上巡逻认真', '楼道清洁可以再勤一些', '快递代收很方便', '地库灯光偏暗', '希望多组织社区活动', '垃圾桶周边有异味', '客服态度很好', '电梯经常停运检修，希望提前通知', ''];
const MEASURES: Record<string, string> = {
  Q02: '制定公共设施月度保养计划并在公告栏公示，工程主管每周抽查',
  Q03: '增加楼道和电梯轿厢的保洁频次至每日两次，保洁主管每日巡检',
  Q04: '垃圾房每日清洗消毒，分类桶标识全部更新',
  Q05: '报修当天派单，维修完成后3日内回访，每周通报超时工单',
  Q06: '快递到达后1小时内短信通知业主，增设夜间取件时段',
  Q07: '调整门岗排班，夜间增加一次园区巡逻',
  Q08: '投诉24小时内答复，处理完毕一周内回访，主管每周复核',
  Q10: '消防通道每日巡查清理，张贴禁止堆放提示',
  Q11: '访客登记改为扫码登记，减少排队时间',
  Q12: '搬家放行单当场核对办理，前台增设专人',
};
/** Items each project is weaker on (its owners rate them lower), by project order. */
const WEAK: string[][] = [['Q05', 'Q03'], ['Q06', 'Q08'], ['Q07']];

export async function seedSurveys(tx: Tx, companyId: string, now = new Date()) {
  const qn = await ensureDefaultQuestionnaire(tx, companyId, now);
  const list = await tx.select({ id: projects.id, timezone: projects.timezone }).from(projects).where(eq(projects.companyId, companyId)).orderBy(asc(projects.code));
  const r = new Rng(2026);
  const events: AuditInput[] = [];
  for (const [pi, p] of list.entries()) {
    const staff = await tx
      .select({ id: users.id, role: userRoles.role, name: users.displayName })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.projectId, p.id), inArray(userRoles.role, ['clerk', 'housekeeper', 'cs_supervisor', 'dept_supervisor', 'project_manager'])));
    const byRole = (role: string) => staff.filter((s) => s.role === role).map((s) => s.id);
    const takers = [...byRole('clerk'), ...byRole('housekeeper')];
    const verifier = byRole('cs_supervisor')[0] ?? byRole('project_manager')[0];
    const manager = byRole('project_manager')[0] ?? verifier;
    const managerName = staff.find((x) => x.id === manager)?.name ?? '';
    const owners = [...byRole('dept_supervisor'), ...byRole('cs_supervisor')];
    if (!takers.length || !verifier || !owners.length) continue;
    const tz = p.timezone;
    const today = toLocal(now, tz).date;
    const opensOn = addDays(today, -60);
    const closesOn = addDays(today, -25);
    const seed = `demo${pi}`;
    const ratio = pi === 0 ? 10 : 40;
    const published = pi !== 1;
    const [s] = await tx
      .insert(surveys)
      .values({
        companyId,
        projectId: p.id,
        title: `${opensOn.slice(0, 4)}年度业主满意度调查`,
        year: Number(opensOn.slice(0, 4)),
        questionnaireId: qn.id,
        samplingRatio: ratio,
        verifyRatio: 10,
        seed,
        opensOn,
        closesOn,
        closesAt: fromLocal(addDays(closesOn, 1), 0, tz),
        status: published ? 'published' : 'closed',
        closedAt: fromLocal(addDays(closesOn, 1), 9 * 60, tz),
        publishedAt: published ? fromLocal(addDays(today, -15), 10 * 60, tz) : null,
        publication: published ? { channel: 'notice_board', publishedOn: addDays(today, -15), note: '在各楼栋大堂公告栏张贴调查结果、满意指数和各项改进措施，同步发布于业主群', by: managerName } : null,
        createdBy: manager,
        createdAt: fromLocal(opensOn, 9 * 60, tz),
        version: published ? 3 : 2,
      })
      .returning();
    const sample = await drawSample(tx, p.id, seed, ratio);
    const weak = WEAK[pi % WEAK.length];
    const samples = sample.map((unitId, i) => ({ companyId, projectId: p.id, surveyId: s.id, unitId, position: i + 1, token: newToken(), tokenUsedAt: null as Date | null }));
    const answers: (typeof surveyAnswers.$inferInsert)[] = [];
    for (const [i, x] of samples.entries()) {
      if (!r.chance(0.8)) continue;
      const channel = r.chance(0.12) ? 'link' : r.chance(0.65) ? 'phone' : 'on_site';
      const at = fromLocal(addDays(opensOn, r.int(0, 34)), r.int(9 * 60, 19 * 60), tz);
      if (channel === 'link') x.tokenUsedAt = at;
      const ratings = qn.items
        .filter(() => r.chance(0.93))
        .map((it) => {
          const low = weak.includes(it.code);
          const v = r.next();
          const rating: TRating = low ? (v < 0.25 ? 'satisfied' : v < 0.6 ? 'fair' : 'unsatisfied') : v < 0.8 ? 'satisfied' : v < 0.97 ? 'fair' : 'unsatisfied';
          return { code: it.code, rating };
        });
      if (!ratings.length) ratings.push({ code: qn.items[0].code, rating: RATINGS[0] });
      answers.push({
        companyId,
        projectId: p.id,
        surveyId: s.id,
        unitId: x.unitId,
        channel,
        respondent: channel === 'link' ? '' : ['业主本人', '业主家属', '租户'][i % 3],
        ratings,
        comment: COMMENTS[r.int(0, COMMENTS.length - 1)],
        recordedBy: channel === 'link' ? null : takers[i % takers.length],
        answeredAt: at,
      });
    }
    // SV-04: a tenth of the answers drawn and called back; in each project one owner was never asked
    const drawn = new Set<number>();
    while (drawn.size < Math.ceil(answers.length / 10)) drawn.add(r.int(0, answers.length - 1));
    let forgedOne = false;
    for (const i of drawn) {
      const a = answers[i];
      const outcome = !forgedOne && a.recordedBy ? 'never_asked' : r.chance(0.1) ? 'unreachable' : 'confirmed';
      if (outcome === 'never_asked') forgedOne = true;
      Object.assign(a, {
        verifySelectedAt: s.closedAt,
        verifyOutcome: outcome,
        verifyNote: outcome === 'never_asked' ? '回访业主，业主表示从未接到满意度调查电话' : outcome === 'unreachable' ? '三次拨打无人接听' : '业主确认答卷属实',
        verifiedAt: fromLocal(addDays(closesOn, 3), 15 * 60, tz),
        verifiedBy: verifier,
        forged: outcome === 'never_asked',
        version: 2,
      });
    }
    if (samples.length) await tx.insert(surveySamples).values(samples);
    for (let i = 0; i < answers.length; i += 500) await tx.insert(surveyAnswers).values(answers.slice(i, i + 500));
    // SV-02: a measure for every weak item of the report; the first of each project done with its evidence
    const report = buildReport(qn.items, answers.map((a) => ({ ratings: a.ratings, forged: !!a.forged, verifySelectedAt: a.verifySelectedAt ?? null, verifyOutcome: a.verifyOutcome ?? null, comment: a.comment ?? '' })), []);
    for (const [k, code] of report.weakItems.entries()) {
      const done = k === 0 && published;
      const dueOn = addDays(today, done ? -5 : 20 + k * 10);
      const [m] = await tx
        .insert(surveyMeasures)
        .values({
          companyId,
          projectId: p.id,
          surveyId: s.id,
          itemCode: code,
          action: MEASURES[code] ?? '分析业主意见，制定整改计划并落实到责任人',
          ownerId: owners[k % owners.length],
          dueOn,
          dueAt: fromLocal(addDays(dueOn, 1), 0, tz),
          status: done ? 'done' : 'open',
          evidence: done ? '整改已完成：相关记录和现场照片存档于服务中心，近两周未再收到同类意见' : '',
          closedAt: done ? fromLocal(addDays(today, -7), 16 * 60, tz) : null,
          closedBy: done ? manager : null,
          createdBy: manager,
          createdAt: fromLocal(addDays(closesOn, 5), 10 * 60, tz),
        })
        .returning();
      await syncMeasureDeadline(tx, m, now);
      events.push({ entity: 'survey_measure', entityId: m.id, projectId: p.id, action: 'seed', after: { itemCode: code } });
    }
    events.push({ entity: 'survey', entityId: s.id, projectId: p.id, action: 'seed', after: { sample: samples.length, answers: answers.length, index: report.index, weakItems: report.weakItems } });
  }
  await recordAudit(tx, { userId: null, companyId }, events);
}
