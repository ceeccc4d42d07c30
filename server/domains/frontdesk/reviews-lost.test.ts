// FD-03: call-recording reviews against the weekly rule (≥2 reviews, ≥30 minutes); FD-04: lost and found
// with photos, matching, the hand-back with identity and signature, and disposal after the unclaimed period.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type Client, type TestApp } from '../../test/harness';
import { frontdeskFixtures, today } from '../../test/frontdesk-fixtures';
import { SIGNATURE } from '../../seed/signature';
import { judgeWeek } from './reviews';
import { matchScore } from './lost';
import { mondaysIn, weekStartOf } from './time';

let t: TestApp;
let chy: string;
let clerk: Client;
let manager: Client;
let fx: ReturnType<typeof frontdeskFixtures>;
before(async () => {
  t = await testApp();
  chy = await t.projectId('CHY');
  clerk = await t.as('ch-clerk');
  manager = await t.as('ch-manager');
  fx = frontdeskFixtures(t.database.db, t.storage, 'ch', chy);
});
after(() => t.close());

test('FD-03 the weekly rule: two reviews and 30 minutes, both needed; a week still running is never short', () => {
  assert.equal(judgeWeek('2025-03-03', 2, 30, '2025-03-10').short, false);
  assert.equal(judgeWeek('2025-03-03', 2, 29, '2025-03-10').short, true, '29 minutes');
  assert.equal(judgeWeek('2025-03-03', 1, 45, '2025-03-10').short, true, 'one review');
  assert.equal(judgeWeek('2025-03-03', 0, 0, '2025-03-09').short, false, 'Sunday: the week is not over');
  assert.equal(weekStartOf('2025-03-09'), '2025-03-03');
  assert.equal(weekStartOf('2025-03-10'), '2025-03-10');
  assert.deepEqual(mondaysIn('2025-03-01', '2025-03-31'), ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31']);
});

test('FD-03 review minutes add up per week; a short week is flagged and counted in the month of its Monday; desk clerks may not log reviews', async () => {
  const super_ = await t.as('ch-super');
  const review = (c: Client, reviewedOn: string, minutes: number) => c.post('/api/call-reviews', { projectId: chy, reviewedOn, recording: `${reviewedOn} 来电录音`, minutes, findings: '开场白规范；未复述客户诉求' });
  assert.equal((await review(clerk, '2025-03-04', 20)).status, 403);
  assert.equal((await review(manager, '2025-03-04', 20)).status, 201);
  assert.equal((await review(super_, '2025-03-07', 5)).status, 201); // 2 reviews, 25 minutes: short
  assert.equal((await review(manager, '2025-03-12', 40)).status, 201); // 1 review, 40 minutes: short
  assert.equal((await review(manager, '2025-03-17', 15)).status, 201);
  assert.equal((await review(super_, '2025-03-19', 15)).status, 201); // 2 reviews, 30 minutes: met
  assert.equal((await review(manager, '2025-03-02', 60)).status, 201); // Sunday: the week of Feb 24
  const list = (await manager.get(`/api/call-reviews?projectId=${chy}&month=2025-03`)).body;
  const week = (m: string) => list.weeks.find((w: { weekStart: string }) => w.weekStart === m);
  assert.deepEqual([week('2025-03-03').reviews, week('2025-03-03').minutes, week('2025-03-03').short], [2, 25, true]);
  assert.deepEqual([week('2025-03-10').reviews, week('2025-03-10').short], [1, true]);
  assert.deepEqual([week('2025-03-17').minutes, week('2025-03-17').short], [30, false]);
  assert.equal(week('2025-02-24').minutes, 60);
  const fig = (await manager.get(`/api/projects/${chy}/frontdesk-figures?month=2025-03`)).body;
  // Mondays of March 2025: 3, 10, 17, 24, 31 — only the 17th's week meets the rule; reviews count by their day.
  assert.deepEqual([fig.reviewWeeks, fig.reviewWeeksShort, fig.reviews, fig.reviewMinutes], [5, 4, 6, 155]);
  const future = await review(manager, '2999-01-01', 10);
  assert.equal(future.status, 400);
});

test('FD-04 a lost report matched to a found item (with its photo) and handed back with identity and signature closes both', async () => {
  const lost = await fx.lost('lost');
  const found = await fx.lost('found', 1, true);
  assert.match(found.number, /^SW-\d{4}-\d{6}$/);
  assert.equal(found.photos.length, 1);
  assert.equal((await clerk.get(found.photos[0].url)).status, 200);
  assert.equal((await (await t.as('gm-clerk')).get(found.photos[0].url)).status, 404);
  const same = await clerk.post(`/api/lost-items/${lost.id}/match`, { version: lost.version, otherId: (await fx.lost('lost')).id, otherVersion: 1 });
  assert.equal(same.status, 400);
  const stale = await clerk.post(`/api/lost-items/${lost.id}/match`, { version: lost.version, otherId: found.id, otherVersion: found.version + 3 });
  assert.equal(stale.status, 409);
  const matched = await clerk.post(`/api/lost-items/${lost.id}/match`, { version: lost.version, otherId: found.id, otherVersion: found.version });
  assert.equal(matched.status, 200, JSON.stringify(matched.body));
  assert.equal(matched.body.state, 'matched');
  assert.equal(matched.body.matchedNumber, found.number);
  const f2 = (await clerk.get(`/api/lost-items/${found.id}`)).body;
  const noReturnOfReport = await clerk.post(`/api/lost-items/${lost.id}/return`, { version: matched.body.version, receiverName: '陈女士', receiverPhone: '13600004444', receiverIdNumber: '310101199001011234', signature: SIGNATURE });
  assert.equal(noReturnOfReport.body.error, 'return_found_only');
  const back = await clerk.post(`/api/lost-items/${found.id}/return`, { version: f2.version, receiverName: '陈女士', receiverPhone: '13600004444', receiverIdNumber: '310101199001011234', signature: SIGNATURE });
  assert.equal(back.status, 200, JSON.stringify(back.body));
  assert.equal(back.body.state, 'returned');
  assert.equal(back.body.returned.receiverIdNumber, '3101**********1234', 'the ID number is kept masked');
  assert.equal((await clerk.get(back.body.returned.signatureUrl)).status, 200);
  assert.equal((await clerk.get(`/api/lost-items/${lost.id}`)).body.state, 'returned');
  const twice = await clerk.post(`/api/lost-items/${found.id}/return`, { version: back.body.version, receiverName: '陈女士', receiverPhone: '13600004444', receiverIdNumber: '310101199001011234', signature: SIGNATURE });
  assert.equal(twice.body.error, 'lost_not_open');
});

test('FD-04 matching: same category, a near date and a similar place make a candidate; "3号楼" and "3栋" are one building', () => {
  const lost = { category: 'keys' as const, happenedOn: '2026-11-20', place: '3号楼附近', description: '门禁卡及钥匙串（挂小熊挂件）' };
  const keys = matchScore(lost, { category: 'keys', happenedOn: '2026-11-21', place: '3栋电梯厅', description: '钥匙串一串，挂小熊挂件' });
  assert.deepEqual(keys.reasons, ['category', 'date', 'place', 'description']);
  assert.equal(keys.score, 3 + 2 + 1 + 1);
  assert.equal(keys.days, 1);
  const later = matchScore(lost, { category: 'keys', happenedOn: '2026-12-01', place: '会所门口', description: '汽车钥匙一把' });
  assert.deepEqual([later.score, later.reasons], [3 + 1, ['category', 'date']], '11 days later, elsewhere');
  const none = matchScore(lost, { category: 'umbrella', happenedOn: '2026-09-01', place: '会所门口', description: '蓝色折叠雨伞一把' });
  assert.deepEqual([none.score, none.reasons], [0, []]);
  const other = matchScore({ ...lost, category: 'other' }, { category: 'other', happenedOn: '2026-10-01', place: '健身步道', description: '一个' });
  assert.equal(other.score, 0, '"other" is not a shared category; words every entry has say nothing');
});

test('FD-04 the candidates for a lost report: open found items only, the likeliest first; the hand-back names the clerk; another project sees none', async () => {
  const reg = async (kind: 'lost' | 'found', category: string, description: string, place: string, daysAgo: number) => {
    const r = await clerk.post('/api/lost-items', { projectId: chy, kind, category, description, place, happenedOn: today(-daysAgo), personName: '业主王先生', personPhone: '13800005555', storedAt: kind === 'found' ? '前台失物柜' : '' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const report = await reg('lost', 'phone', '黑色华为手机一部，蓝色手机壳', '7号楼地下车库', 2);
  assert.equal(report.category, 'phone');
  const phone = await reg('found', 'phone', '华为手机一部（蓝色手机壳）', '7栋地下车库电梯口', 1);
  const umbrella = await reg('found', 'umbrella', '格子雨伞一把', '南门岗亭', 60);
  const returned = await reg('found', 'phone', '华为手机一部', '7栋地下车库', 1);
  const f = (await clerk.get(`/api/lost-items/${returned.id}`)).body;
  const back = await clerk.post(`/api/lost-items/${returned.id}/return`, { version: f.version, receiverName: '陈女士', receiverPhone: '13600004444', receiverIdNumber: '310101199001011234', signature: SIGNATURE });
  assert.equal(back.body.returned.byName.length > 0, true, 'the slip names the clerk who handed it back');
  const c = await clerk.get(`/api/lost-items/${report.id}/candidates`);
  assert.equal(c.status, 200, JSON.stringify(c.body));
  const ids = c.body.items.map((x: { item: { id: string } }) => x.item.id);
  assert.equal(ids[0], phone.id, 'the phone found in the same garage the next day comes first');
  assert.deepEqual(c.body.items[0].reasons, ['category', 'date', 'place', 'description']);
  assert.ok(ids.indexOf(umbrella.id) > 0);
  assert.equal(c.body.items.find((x: { item: { id: string } }) => x.item.id === umbrella.id).score, 0);
  assert.ok(!ids.includes(returned.id), 'a returned item is no candidate');
  assert.ok(c.body.items.every((x: { item: { kind: string; state: string } }) => x.item.kind === 'found' && x.item.state === 'open'));
  assert.ok(c.body.items.every((x: { item: { personPhone: string } }) => x.item.personPhone.includes('****')), 'AR-04: phones masked in the list');
  const listed = (await clerk.get(`/api/lost-items?projectId=${chy}&open=true`)).body.items;
  const row = (id: string) => listed.find((x: { id: string }) => x.id === id);
  assert.equal(row(report.id).likelyMatches, 1, 'the register points at the one likely match');
  assert.equal(row(phone.id).likelyMatches, 1);
  assert.equal(row(umbrella.id).likelyMatches, 0);
  const fromFound = (await clerk.get(`/api/lost-items/${phone.id}/candidates`)).body.items;
  assert.equal(fromFound[0].item.id, report.id, 'and the other way round');
  assert.equal((await (await t.as('gm-clerk')).get(`/api/lost-items/${report.id}/candidates`)).status, 404);
  const unknown = await clerk.post('/api/lost-items', { projectId: chy, kind: 'lost', category: 'car', description: 'x', place: 'y', happenedOn: today(), personName: '王', personPhone: '13800005555' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.fields[0].path, 'category', 'an unknown category is a field error');
});

test("FD-04 an item unclaimed past the project's setting is flagged and may be disposed of, not before; the setting moves open items' dates", async () => {
  const fresh = await fx.lost('found', 10);
  const old = await fx.lost('found', 120);
  assert.equal(old.overdue, true);
  assert.equal(fresh.overdue, false);
  const early = await clerk.post(`/api/lost-items/${fresh.id}/dispose`, { version: fresh.version, note: '交派出所' });
  assert.equal(early.body.error, 'not_due_for_disposal');
  const month = today().slice(0, 7);
  const fig = (await clerk.get(`/api/projects/${chy}/frontdesk-figures?month=${month}`)).body;
  assert.ok(fig.lostOverdue >= 1 && fig.lostOpen >= 2);
  const settings = (await manager.get(`/api/projects/${chy}/frontdesk-settings`)).body;
  assert.equal((await clerk.put(`/api/projects/${chy}/frontdesk-settings`, { unclaimedDays: 7, version: settings.version })).status, 403);
  const saved = await manager.put(`/api/projects/${chy}/frontdesk-settings`, { unclaimedDays: 7, version: settings.version });
  assert.equal(saved.status, 200);
  assert.equal((await manager.put(`/api/projects/${chy}/frontdesk-settings`, { unclaimedDays: 30, version: settings.version })).status, 409);
  assert.equal((await clerk.get(`/api/lost-items/${fresh.id}`)).body.overdue, true, '10 days > 7');
  const disposed = await clerk.post(`/api/lost-items/${old.id}/dispose`, { version: old.version, note: '经主管同意，交派出所' });
  assert.equal(disposed.status, 200);
  assert.equal(disposed.body.state, 'disposed');
  assert.equal((await (await t.as('gm-clerk')).get(`/api/lost-items/${old.id}`)).status, 404);
  await manager.put(`/api/projects/${chy}/frontdesk-settings`, { unclaimedDays: 90, version: saved.body.version });
});

test("the demo shows the gaps a supervisor would notice: 翠湖苑's last handover unsigned (FD-02), a short review week (FD-03), an item past its period (FD-04)", async () => {
  const t0 = today();
  const logs = (await manager.get(`/api/shift-logs?projectId=${chy}&month=${t0.slice(0, 7)}`)).body;
  assert.ok(logs.latestUnsignedId, 'the latest log waits for its signature');
  assert.equal(logs.canStart, false);
  const monday = weekStartOf(t0);
  const months = [...new Set([0, 7, 14, 21, 28].map((d) => new Date(Date.parse(monday) - d * 86_400_000).toISOString().slice(0, 7)))];
  const weeks = (await Promise.all(months.map(async (m) => (await manager.get(`/api/call-reviews?projectId=${chy}&month=${m}`)).body.weeks))).flat();
  assert.ok(weeks.some((w: { short: boolean }) => w.short), 'a short week');
  const lost = (await clerk.get(`/api/lost-items?projectId=${chy}&open=true`)).body;
  assert.ok(lost.items.some((x: { overdue: boolean }) => x.overdue));
});
