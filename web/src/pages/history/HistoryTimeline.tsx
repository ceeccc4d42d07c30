// a record's append-only history as a timeline: when, who, what changed from what to what.
import { Card, Empty, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import type { HISTORY_ENTITIES, ZHistory } from '../../../../common/org';
import { api } from '../../lib/api';

type Entity = (typeof HISTORY_ENTITIES)[number];

/** How a page names a field and shows a value of it, so enums read as words, not codes. */
export interface FieldFormat {
  label(field: string): string;
  value(field: string, value: unknown): string | undefined;
}

function Change({ before, after, format }: { before: unknown; after: unknown; format: FieldFormat }) {
  if (!after || typeof after !== 'object') return null;
  const b = (before ?? {}) as Record<string, unknown>;
  const label = (k: string) => format.label(k);
  const plain = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <>
      {Object.entries(after as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <Typography.Text type="secondary">{label(k)}：</Typography.Text>
          {k in b ? `${format.value(k, b[k]) ?? plain(b[k])} → ` : ''}
          {format.value(k, v) ?? plain(v)}
        </div>
      ))}
    </>
  );
}

export function HistoryTimeline({ entity, id, format }: { entity: Entity; id: string; format: FieldFormat }) {
  const { t } = useTranslation();
  const history = useQuery({ queryKey: ['history', entity, id], queryFn: () => api.get<z.infer<typeof ZHistory>>(`/api/history/${entity}/${id}`) });
  const items = history.data?.items ?? [];
  return (
    <Card size="small" title={t('ui.history.title')} loading={history.isPending} style={{ marginTop: 16 }}>
      {!items.length ? (
        <Empty description={t('ui.history.empty')} />
      ) : (
        <Timeline
          items={[...items].reverse().map((e) => ({
            key: e.id,
            content: (
              <>
                <Typography.Text strong>{t(`ui.history.action.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {e.actorName ?? t('ui.history.system')} · {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
                {e.action !== 'seed' && <Change before={e.before} after={e.after} format={format} />}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
