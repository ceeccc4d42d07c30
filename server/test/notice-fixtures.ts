// Fresh notices for tests that write (NT-01..NT-04), in a given project: a draft by the clerk, and one
// taken through approval by the project manager to publication.
import type { TNoticeDraft } from '../../common/notices';
import type { Db } from '../platform/db';
import type { Storage } from '../platform/storage';
import { toLocal, addDays } from '../platform/clock';
import { draftNotice } from '../domains/notices/commands/draft-notice';
import { attachNoticePhoto } from '../domains/notices/commands/record-delivery';
import { transitionNotice } from '../domains/notices/commands/transition-notice';
import { principalOf, SIGNATURE } from './desk';

/** A general notice valid from today for a month. */
export function noticeInput(projectId: string, patch: Partial<TNoticeDraft> = {}): TNoticeDraft {
  const today = toLocal(new Date(), 'Asia/Shanghai').date;
  return { projectId, kind: 'general', template: 'water_cut', subject: '计划停水', body: '因二次供水水箱清洗，暂停供水。', validFrom: today, validTo: addDays(today, 30), boardLocation: '大堂公告栏', ...patch };
}

export function noticeFixtures(db: Db, storage: Storage, key: string, projectId: string) {
  const as = (suffix: string) => principalOf(db, `${key}-${suffix}`);
  const fx = {
    /** A draft by the project's clerk. */
    async notice() {
      return draftNotice(db, await as('clerk'), noticeInput(projectId));
    },
    /** Drafted by the clerk, approved by the project manager and published by the clerk. */
    async publishedNotice() {
      const clerk = await as('clerk');
      let n = await draftNotice(db, clerk, noticeInput(projectId));
      n = await transitionNotice(db, clerk, n.id, { action: 'submit', version: n.version });
      n = await transitionNotice(db, await as('manager'), n.id, { action: 'approve', version: n.version });
      return transitionNotice(db, clerk, n.id, { action: 'publish', version: n.version });
    },
    /** A posting photo of a published notice. */
    async noticePhoto() {
      const n = await fx.publishedNotice();
      return attachNoticePhoto(db, storage, await as('clerk'), n.id, { kind: 'posting', name: '公告栏.png', data: SIGNATURE });
    },
  };
  return fx;
}
