// SV-01..SV-04: questionnaires (versioned, company-wide edits only), surveys with a reproducible sample,
// answers tied to a sampled unit and a channel, the one-time link, phone verification that flags forged
// answers (excluded from the index), the report with weak items, measures with deadlines and evidence,
// publication, and the month's figures — with every refusal the rules name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { userId } from '../../test/desk';
import { deadlines } from '../deadlines/tables';
import { notifications } from '../notifications/tables';
import { units } from '../org/tables';
import { DEFAULT_QUESTIONNAIRE_ITEMS } from './default-questionnaire';
import { drawSample } from './commands/start-survey';
import { surveys } from './tables';
import { zhCN } from '../../../common/i18n/zh-CN';

const field = (key: keyof typeof zhCN.fieldErrors) => zhCN.fieldErrors[key];

let t: TestApp;
let chy: string;
let gmzx: string;
let manager: Client;
let clerk: Client;
let quality: Client;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  gmzx = await t.projectId('GMZX');
  manager = await t.as('ch-manager');
  clerk = await t.as('ch-clerk');
  quality = await t.as('quality');
});
after(() => t.close());

const day = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const all = (rating: string, codes = DEFAULT_QUESTIONNAIRE_ITEMS.map((i) => i.code)) => codes.map((code) => ({ code, rating }));

async function start(ratio = 10, verifyRatio = 100, projectId = chy, client = manager) {
  const res = await client.post('/api/surveys', { projectId, title: `${day()} 年度满意度调查`, samplingRatio: ratio, verifyRatio, opensOn: day(), closesOn: day(30) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

test('SV-01 the default questionnaire has every section of the catalogue on the three-level scale; a survey samples its ratio of occupied units reproducibly', async () => {
  const sections = new Set(DEFAULT_QUESTIONNAIRE_ITEMS.map((i) => i.section));
  for (const s of ['物业管理', '清洁卫生', '工作效率', '邮政服务', '安保服务', '投诉处理', '员工礼仪', '消防安全', '出入登记', '物品出入']) assert.ok(sections.has(s), s);
  const s = await start(2);
  const occupied = (await t.database.db.select({ id: units.id, state: units.state }).from(units).where(eq(units.projectId, chy))).filter((u) => u.state !== 'vacant');
  assert.equal(s.sampleSize, Math.ceil(occupied.length * 0.02));
  assert.equal(s.sample.length, s.sampleSize);
  assert.ok(s.sample.every((x: { token: string }) => x.token && x.token.length >= 32), 'every sampled unit has an unguessable link');
  const [row] = await t.database.db.select().from(surveys).where(eq(surveys.id, s.id));
  assert.deepEqual(await drawSample(t.database.db, chy, row.seed, 2), s.sample.map((x: { unitId: string }) => x.unitId), 'the same seed draws the same sample');
  assert.equal(s.items.length, DEFAULT_QUESTIONNAIRE_ITEMS.length);
  assert.deepEqual(s.actions.sort(), ['answer', 'close', 'verify']);
  // another project's survey is invisible to this project's staff; technicians and finance take no part
  const other = await start(1, 10, gmzx, await t.as('gm-manager'));
  assert.equal((await manager.get(`/api/surveys/${other.id}`)).status, 404);
  assert.equal((await clerk.post(`/api/surveys/${other.id}/answers`, { unitId: other.sample[0].unitId, channel: 'phone', respondent: '王先生', ratings: all('satisfied') })).status, 404);
  assert.equal((await (await t.as('ch-tech')).get(`/api/surveys?projectId=${chy}`)).status, 403);
  assert.equal((await clerk.post('/api/surveys', { projectId: chy, title: '调查', samplingRatio: 5, opensOn: day(), closesOn: day(3) })).status, 403);
  const bad = await manager.post('/api/surveys', { projectId: chy, title: '调查', samplingRatio: 5, opensOn: day(3), closesOn: day() });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.fields[0].path, 'closesOn');
});

test('SV-01, SV-04 an answer is tied to a sampled unit of the project and a channel: refusals for a missing unit, an unsampled or foreign unit, a second answer', async () => {
  const s = await start();
  const unitId = s.sample[0].unitId;
  const noUnit = await clerk.post(`/api/surveys/${s.id}/answers`, { channel: 'phone', respondent: '王先生', ratings: all('satisfied') });
  assert.equal(noUnit.status, 400);
  assert.ok(noUnit.body.fields.some((f: { path: string }) => f.path === 'unitId'));
  const noChannel = await clerk.post(`/api/surveys/${s.id}/answers`, { unitId, channel: 'email', respondent: '王先生', ratings: all('satisfied') });
  assert.equal(noChannel.status, 400);
  const sampled = new Set(s.sample.map((x: { unitId: string }) => x.unitId));
  const [outside] = (await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, chy))).filter((u) => !sampled.has(u.id));
  const notSampled = await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: outside.id, channel: 'phone', respondent: '王先生', ratings: all('satisfied') });
  assert.equal(notSampled.status, 400, JSON.stringify(notSampled.body));
  assert.equal(notSampled.body.fields[0].message, field('unit_not_sampled'));
  const [foreign] = await t.database.db.select({ id: units.id }).from(units).where(eq(units.projectId, gmzx)).limit(1);
  const other = await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: foreign.id, channel: 'on_site', respondent: '王先生', ratings: all('satisfied') });
  assert.equal(other.status, 400);
  assert.equal(other.body.fields[0].message, field('unit_not_in_project'));
  const unknownItem = await clerk.post(`/api/surveys/${s.id}/answers`, { unitId, channel: 'phone', respondent: '王先生', ratings: [{ code: 'Q99', rating: 'satisfied' }] });
  assert.equal(unknownItem.status, 400);
  const ok = await clerk.post(`/api/surveys/${s.id}/answers`, { unitId, channel: 'phone', respondent: '王先生', ratings: all('satisfied'), comment: '保安很负责' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const a = ok.body.answerList[0];
  assert.equal(a.channel, 'phone');
  assert.equal(a.unitId, unitId);
  assert.ok(a.recordedBy, 'the answer names who took it');
  assert.equal(ok.body.report.index, 100);
  const again = await (await t.as('ch-keeper')).post(`/api/surveys/${s.id}/answers`, { unitId, channel: 'on_site', respondent: '王太太', ratings: all('unsatisfied') });
  assert.equal(again.status, 409);
  assert.equal(again.body.error, 'survey_answered');
});

test('SV-04 the one-time link: public page, one answer, a second use refused, the staff-answered unit and an ended survey refused', async () => {
  const s = await start();
  const [first, second] = s.sample;
  const view = await t.anonymous.get(`/api/survey-links/${first.token}`);
  assert.equal(view.status, 200);
  assert.equal(view.body.state, 'open');
  assert.equal(view.body.items.length, DEFAULT_QUESTIONNAIRE_ITEMS.length);
  assert.equal((await t.anonymous.get(`/api/survey-links/${'x'.repeat(32)}`)).status, 404);
  const ok = await t.anonymous.post(`/api/survey-links/${first.token}`, { ratings: all('fair'), comment: '希望多组织活动' });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  const twice = await t.anonymous.post(`/api/survey-links/${first.token}`, { ratings: all('unsatisfied') });
  assert.equal(twice.status, 409);
  assert.equal(twice.body.error, 'survey_link_used');
  assert.equal((await t.anonymous.get(`/api/survey-links/${first.token}`)).body.state, 'used');
  const d = (await manager.get(`/api/surveys/${s.id}`)).body;
  assert.equal(d.answerList.length, 1);
  assert.equal(d.answerList[0].channel, 'link');
  assert.equal(d.answerList[0].recordedBy, null);
  assert.equal(d.report.index, 50);
  // a clerk answered the second unit by phone: its link is then spent too
  assert.equal((await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: second.unitId, channel: 'phone', respondent: '李女士', ratings: all('satisfied') })).status, 201);
  const answered = await t.anonymous.post(`/api/survey-links/${second.token}`, { ratings: all('satisfied') });
  assert.equal(answered.status, 409);
  assert.equal(answered.body.error, 'survey_answered');
  // the survey ends: the remaining links expire with it
  assert.equal((await manager.post(`/api/surveys/${s.id}/close`, { version: d.version })).status, 200);
  const expired = await t.anonymous.post(`/api/survey-links/${s.sample[2].token}`, { ratings: all('satisfied') });
  assert.equal(expired.status, 409);
  assert.equal(expired.body.error, 'survey_link_expired');
  assert.equal((await t.anonymous.get(`/api/survey-links/${s.sample[2].token}`)).body.state, 'expired');
});

test('SV-04 a drawn answer is called back by someone else; "never asked" flags it forged and excludes it from the index and the figures', async () => {
  const s = await start(10, 50);
  await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: s.sample[0].unitId, channel: 'phone', respondent: '张先生', ratings: all('satisfied') });
  await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: s.sample[1].unitId, channel: 'on_site', respondent: '赵女士', ratings: all('unsatisfied') });
  await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: s.sample[2].unitId, channel: 'phone', respondent: '钱先生', ratings: all('fair') });
  assert.equal((await clerk.post(`/api/surveys/${s.id}/verification-draw`)).status, 403, 'the desk does not verify its own work');
  const drawn = await manager.post(`/api/surveys/${s.id}/verification-draw`);
  assert.equal(drawn.status, 200);
  const picked = drawn.body.answerList.filter((a: { verification: { selected: boolean } }) => a.verification.selected);
  assert.equal(picked.length, 2, '⌈3 × 50 %⌉ answers drawn');
  const notPicked = drawn.body.answerList.find((a: { verification: { selected: boolean } }) => !a.verification.selected);
  assert.equal((await manager.post(`/api/surveys/${s.id}/answers/${notPicked.id}/verify`, { version: notPicked.version, outcome: 'confirmed' })).body.error, 'not_drawn_for_verification');
  // the clerk who took an answer may not verify it, even as a supervisor would: the CS supervisor records one and tries
  const sup = await t.as('ch-super');
  const own = await sup.post(`/api/surveys/${s.id}/answers`, { unitId: s.sample[3].unitId, channel: 'phone', respondent: '孙先生', ratings: all('satisfied') });
  const mine = (await sup.post(`/api/surveys/${s.id}/verification-draw`)).body.answerList.find((a: { unitId: string }) => a.unitId === s.sample[3].unitId);
  assert.ok(own.status === 201 && mine);
  if (mine.verification.selected) assert.equal((await sup.post(`/api/surveys/${s.id}/answers/${mine.id}/verify`, { version: mine.version, outcome: 'confirmed' })).body.error, 'verify_own_answer');
  const target = picked[0];
  const before = (await manager.get(`/api/surveys/${s.id}`)).body.report.index;
  const forged = await quality.post(`/api/surveys/${s.id}/answers/${target.id}/verify`, { version: target.version, outcome: 'never_asked', note: '业主表示从未接到调查电话' });
  assert.equal(forged.status, 200, JSON.stringify(forged.body));
  const flagged = forged.body.answerList.find((a: { id: string }) => a.id === target.id);
  assert.equal(flagged.forged, true);
  assert.equal(forged.body.report.forged, 1);
  assert.equal(forged.body.report.answers, 3);
  const expected = forged.body.answerList.filter((a: { forged: boolean }) => !a.forged).flatMap((a: { ratings: { rating: string }[] }) => a.ratings.map((r) => ({ satisfied: 100, fair: 50, unsatisfied: 0 })[r.rating]!));
  assert.equal(forged.body.report.index, Math.round((expected.reduce((x: number, y: number) => x + y, 0) / expected.length) * 10) / 10);
  assert.notEqual(forged.body.report.index, before);
  assert.equal((await quality.post(`/api/surveys/${s.id}/answers/${target.id}/verify`, { version: flagged.version, outcome: 'confirmed' })).body.error, 'already_checked');
  const figures = await quality.get(`/api/projects/${chy}/survey-figures?month=${day().slice(0, 7)}`);
  assert.equal(figures.status, 200);
  assert.equal(figures.body.surveyId, s.id, 'the latest survey covering the month');
  assert.equal(figures.body.forged, 1);
  assert.equal(figures.body.answers, 3);
  assert.equal(figures.body.index, forged.body.report.index);
  assert.equal((await (await t.as('gm-manager')).get(`/api/projects/${chy}/survey-figures?month=${day().slice(0, 7)}`)).status, 404);
  // SV-04: the forged answer is told to the project manager and the quality department, in their language, linking the survey
  const told = async (answerId: string) =>
    (await t.database.db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications).where(eq(notifications.dedupeKey, `forged_answer:${answerId}`))).sort((a, b) => a.userId.localeCompare(b.userId));
  const who = async (...names: string[]) => (await Promise.all(names.map((n) => userId(t.database.db, n)))).sort();
  let sent = await told(target.id);
  assert.deepEqual(sent.map((n) => n.userId), await who('ch-manager', 'quality'));
  assert.ok(sent.every((n) => n.kind === 'forged_answer_never_asked'));
  const inbox = (await manager.get('/api/notifications')).body.items.find((n: { kind: string; link: string }) => n.kind === 'forged_answer_never_asked' && n.link === `/surveys/${s.id}`);
  assert.ok(inbox, 'in the manager\'s notifications, linking the survey');
  assert.match(inbox.title, /问卷造假/);
  assert.ok(!(await (await t.as('gm-manager')).get('/api/notifications')).body.items.some((n: { link: string }) => n.link === `/surveys/${s.id}`), 'another project\'s manager hears nothing');
  // "answered differently" is forged too; a confirmed call tells no one
  const other = picked[1];
  assert.equal((await quality.post(`/api/surveys/${s.id}/answers/${other.id}/verify`, { version: other.version, outcome: 'different', note: '业主称对维修服务不满意' })).status, 200);
  sent = await told(other.id);
  assert.deepEqual(sent.map((n) => n.userId), await who('ch-manager', 'quality'));
  assert.ok(sent.every((n) => n.kind === 'forged_answer_different'));
});

test('SV-02, SV-03 report: items ranked, weak items need a measure with owner and deadline (in the deadlines table), closed with evidence; then publication', async () => {
  const s = await start(10, 10);
  const codes = DEFAULT_QUESTIONNAIRE_ITEMS.map((i) => i.code);
  // Q05 (repairs) is rated unsatisfied by everyone, Q03 fair, the rest satisfied
  for (const x of s.sample.slice(0, 4))
    await clerk.post(`/api/surveys/${s.id}/answers`, { unitId: x.unitId, channel: 'phone', respondent: '业主', ratings: codes.map((code) => ({ code, rating: code === 'Q05' ? 'unsatisfied' : code === 'Q03' ? 'fair' : 'satisfied' })) });
  let d = (await manager.get(`/api/surveys/${s.id}`)).body;
  const q05 = d.report.items.find((i: { code: string }) => i.code === 'Q05');
  assert.equal(q05.index, 0);
  assert.equal(q05.rank, 12, 'ranked last of 12');
  assert.equal(d.report.items.find((i: { code: string }) => i.code === 'Q01').rank, 1);
  assert.deepEqual(d.report.weakItems, ['Q05', 'Q03']);
  assert.equal((await manager.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q05', action: '缩短维修响应', ownerId: await userId(t.database.db, 'ch-eng'), dueOn: day(20) })).body.error, 'survey_not_closed');
  d = (await manager.post(`/api/surveys/${s.id}/close`, { version: d.version })).body;
  // draw verification, call back every drawn answer
  for (const a of d.answerList.filter((x: { verification: { selected: boolean } }) => x.verification.selected))
    d = (await quality.post(`/api/surveys/${s.id}/answers/${a.id}/verify`, { version: a.version, outcome: 'confirmed' })).body;
  assert.equal(d.report.verificationDone, d.report.verificationSelected);
  const pub = { version: d.version, channel: 'notice_board', publishedOn: day(), note: '在各楼栋公告栏张贴调查结果和改进措施' };
  const missing = await manager.post(`/api/surveys/${s.id}/publish`, pub);
  assert.equal(missing.status, 409);
  assert.equal(missing.body.error, 'measure_missing');
  const eng = await userId(t.database.db, 'ch-eng');
  const notWeak = await manager.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q01', action: '无', ownerId: eng, dueOn: day(20) });
  assert.equal(notWeak.body.fields?.[0].message, field('item_not_weak'));
  const foreignOwner = await manager.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q05', action: '缩短维修响应', ownerId: await userId(t.database.db, 'gm-eng'), dueOn: day(20) });
  assert.equal(foreignOwner.body.fields?.[0].message, field('not_project_staff'));
  assert.equal((await clerk.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q05', action: '缩短维修响应', ownerId: eng, dueOn: day(20) })).status, 403);
  const m1 = await manager.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q05', action: '报修当天派单，维修完成后3日内回访', ownerId: eng, dueOn: day(20) });
  assert.equal(m1.status, 201, JSON.stringify(m1.body));
  const m2 = await manager.post(`/api/surveys/${s.id}/measures`, { version: d.version, itemCode: 'Q03', action: '增加公共区域保洁频次', ownerId: await userId(t.database.db, 'ch-clean'), dueOn: day(10) });
  d = m2.body;
  assert.deepEqual(d.report.weakWithoutMeasure, []);
  const measure = d.measures.find((m: { itemCode: string }) => m.itemCode === 'Q05');
  const [dl] = await t.database.db.select().from(deadlines).where(and(eq(deadlines.entityId, measure.id), eq(deadlines.kind, 'survey_measure')));
  assert.ok(dl && !dl.metAt && dl.responsibleId === eng, 'the measure is mirrored into the deadlines table');
  const noEvidence = await manager.post(`/api/surveys/${s.id}/measures/${measure.id}/close`, { version: measure.version, evidence: '已落实', photos: [] });
  assert.equal(noEvidence.status, 400);
  const closed = await manager.post(`/api/surveys/${s.id}/measures/${measure.id}/close`, { version: measure.version, evidence: '11月起报修当天派单率100%', photos: [{ name: '派单记录.png', data: PNG }] });
  assert.equal(closed.status, 200, JSON.stringify(closed.body));
  const done = closed.body.measures.find((m: { id: string }) => m.id === measure.id);
  assert.equal(done.status, 'done');
  assert.equal(done.photos.length, 1);
  assert.equal((await manager.get(done.photos[0].url)).status, 200);
  assert.equal((await (await t.as('gm-manager')).get(done.photos[0].url)).status, 404);
  const [met] = await t.database.db.select().from(deadlines).where(eq(deadlines.entityId, measure.id));
  assert.ok(met.metAt);
  assert.equal((await manager.post(`/api/surveys/${s.id}/measures/${measure.id}/close`, { version: done.version, evidence: 'x', photos: [{ name: 'a.png', data: PNG }] })).body.error, 'measure_closed');
  const published = await manager.post(`/api/surveys/${s.id}/publish`, { ...pub, version: closed.body.version });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.status, 'published');
  assert.equal(published.body.publication.channel, 'notice_board');
  const f = (await manager.get(`/api/projects/${chy}/survey-figures?month=${day().slice(0, 7)}`)).body;
  assert.equal(f.surveyId, s.id);
  assert.equal(f.published, true);
  assert.equal(f.itemsBelowTarget, 2);
  assert.equal(f.measures, 2);
  assert.equal(f.measuresOpen, 1);
  assert.equal(f.surveyedWithinYear, true);
});

test('SV-01 the questionnaire is revised only with a company-wide grant; a new version leaves running surveys on theirs', async () => {
  const s = await start(1);
  const list = (await manager.get('/api/survey-questionnaires')).body.items;
  const cur = list.find((q: { current: boolean }) => q.current);
  const q = (await manager.get(`/api/survey-questionnaires/${cur.id}`)).body;
  const body = { version: q.version, name: q.name, items: [...q.items, { code: 'Q90', section: '停车管理', text: '您对停车秩序的评价', target: 80 }] };
  assert.equal((await clerk.post(`/api/survey-questionnaires/${q.id}/versions`, body)).status, 403);
  assert.equal((await (await t.as('ch-super')).post(`/api/survey-questionnaires/${q.id}/versions`, body)).status, 403);
  assert.equal((await manager.post(`/api/survey-questionnaires/${q.id}/versions`, body)).status, 403);
  const dup = await quality.post(`/api/survey-questionnaires/${q.id}/versions`, { ...body, items: [...q.items, q.items[0]] });
  assert.equal(dup.status, 400);
  const next = await quality.post(`/api/survey-questionnaires/${q.id}/versions`, body);
  assert.equal(next.status, 201, JSON.stringify(next.body));
  assert.equal(next.body.version, q.version + 1);
  assert.equal((await quality.post(`/api/survey-questionnaires/${q.id}/versions`, body)).status, 409, 'a stale version');
  const kept = (await manager.get(`/api/surveys/${s.id}`)).body;
  assert.equal(kept.questionnaire.id, q.id);
  assert.equal(kept.items.length, q.items.length);
  const fresh = await start(1);
  assert.equal(fresh.questionnaire.version, q.version + 1);
  assert.ok(fresh.items.some((i: { code: string }) => i.code === 'Q90'));
});

test('SV-01..SV-04 demo data: one survey per demo project with answers on every channel, a verification sample (one forged), weak items with measures, publication', async () => {
  const admin = await t.as('admin');
  const list = (await admin.get('/api/surveys')).body.items.filter((s: { title: string; opensOn: string }) => s.title.endsWith('年度业主满意度调查') && s.opensOn < day(-30));
  const projects = new Set(list.map((s: { projectId: string }) => s.projectId));
  assert.ok(projects.has(chy) && projects.has(gmzx), 'every demo project has its survey');
  const d = (await admin.get(`/api/surveys/${list.find((s: { projectId: string }) => s.projectId === chy).id}`)).body;
  assert.ok(d.report.answers > 0 && d.report.index !== null);
  assert.equal(d.report.forged, 1, 'the verification calls found one forged answer');
  assert.ok(d.report.verificationSelected > 0 && d.report.verificationDone === d.report.verificationSelected);
  assert.ok(d.report.weakItems.length > 0 && d.report.weakWithoutMeasure.length === 0);
  assert.ok(d.measures.length >= d.report.weakItems.length);
  assert.ok(['closed', 'published'].includes(d.status));
  const published = await Promise.all(list.filter((s: { status: string }) => s.status === 'published').map(async (s: { id: string }) => (await admin.get(`/api/surveys/${s.id}`)).body));
  assert.ok(published.length > 0 && published.every((p) => p.publication.by && p.publication.publishedOn));
  assert.ok(published.some((p) => p.measures.some((m: { status: string; evidence: string }) => m.status === 'done' && m.evidence)), 'a measure done with its evidence');
});
