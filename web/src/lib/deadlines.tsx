// deadlines as chips with a countdown or how late, refreshed every minute.
import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TDeadline } from '../../../common/desk';

export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** One format everywhere: the two largest units, both always shown ("1天0小时", "23小时59分", "0小时5分"). */
export function span(ms: number, zh: boolean): string {
  const m = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (zh) return d ? `${d}天${h}小时` : `${h}小时${min}分`;
  return d ? `${d}d ${h}h` : `${h}h ${min}m`;
}

/** The monthly progress note (WO-06) is noise on a list until its week has come. */
const PROGRESS_SHOWN_MS = 7 * 86_400_000;

export function DeadlineChip({ d, now }: { d: TDeadline; now: number }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const due = new Date(d.dueAt).getTime();
  const label = t(`ui.deadline.${d.kind}`);
  let color: string;
  let text: string;
  if (d.metAt) {
    const late = new Date(d.metAt).getTime() > due;
    color = late ? 'orange' : 'green';
    text = late ? t('ui.deadline.metLate') : t('ui.deadline.met');
  } else if (due < now) {
    color = 'red';
    text = t('ui.deadline.overdue', { t: span(now - due, zh) });
  } else {
    color = due - now < 2 * 3600_000 ? 'gold' : 'blue';
    text = t('ui.deadline.left', { t: span(due - now, zh) });
  }
  return (
    <Tooltip title={dayjs(d.dueAt).format('YYYY-MM-DD HH:mm')}>
      <Tag color={color} style={{ marginInlineEnd: 4 }}>
        {label} · {text}
      </Tag>
    </Tooltip>
  );
}

/** The deadlines still running (and those missed), the way lists show them. */
export function DeadlineChips({ deadlines, all = false }: { deadlines: TDeadline[]; all?: boolean }) {
  const now = useNow();
  const shown = all ? deadlines : deadlines.filter((d) => !d.metAt && (d.kind !== 'progress' || new Date(d.dueAt).getTime() - now < PROGRESS_SHOWN_MS));
  if (!shown.length) return null;
  return (
    <Space size={0} wrap>
      {shown.map((d) => (
        <DeadlineChip key={d.kind} d={d} now={now} />
      ))}
    </Space>
  );
}
