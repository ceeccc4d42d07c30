// QI-04: one month's bulletin: the ranking, the pass rate and the remarks; the quality department edits
// the remarks of a draft and publishes it (numbered, sent to every department), and prints it on A4.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { TBulletin } from '../../../../common/inspections';
import { api, ApiError } from '../../lib/api';
import { pct, RankingTable } from './ResultsPage';

export function BulletinPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['inspection-bulletin', id], queryFn: () => api.get<TBulletin>(`/api/inspection-bulletins/${id}`) });
  const [remarks, setRemarks] = useState('');
  useEffect(() => setRemarks(q.data?.remarks ?? ''), [q.data?.remarks]);
  const done = (b: TBulletin) => {
    qc.setQueryData(['inspection-bulletin', id], b);
    void qc.invalidateQueries({ queryKey: ['inspection-bulletins'] });
    void qc.invalidateQueries({ queryKey: ['inspection-results'] });
  };
  const onError = (e: Error) => e instanceof ApiError && message.error(e.message);
  const save = useMutation({ mutationFn: () => api.put<TBulletin>(`/api/inspection-bulletins/${id}`, { version: q.data!.version, remarks }), onSuccess: (b) => (done(b), message.success(t('ui.saved'))), onError });
  const publish = useMutation({ mutationFn: () => api.post<TBulletin>(`/api/inspection-bulletins/${id}/publish`, { version: q.data!.version }), onSuccess: done, onError });
  const b = q.data;
  if (!b) return <Card loading />;
  const missing = b.items.filter((i) => i.score == null);
  const draft = b.actions.includes('publish');
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {t('inspection.bulletinOf', { month: b.month })}
          <Tag color={b.status === 'published' ? 'green' : 'default'} data-testid="bulletin-status">
            {t(`inspection.bulletinStatus.${b.status}`)}
          </Tag>
        </Space>
      }
      extra={
        <Button icon={<PrinterOutlined />} href={`/inspection-bulletins/${b.id}/print`} target="_blank" data-testid="bulletin-print">
          {t('inspection.print')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('inspection.bulletinNumber')}>
          <span data-testid="bulletin-number">{b.number ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.passRate')}>{pct(b.passRate)}</Descriptions.Item>
        <Descriptions.Item label={b.publishedAt ? t('inspection.publishedBy') : t('inspection.draftedBy')}>
          {b.publishedAt ? `${b.publishedByName} ${dayjs(b.publishedAt).format('YYYY-MM-DD HH:mm')}` : `${b.draftedByName} ${dayjs(b.draftedAt).format('YYYY-MM-DD HH:mm')}`}
        </Descriptions.Item>
      </Descriptions>
      {draft && missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('inspection.missingProjects', { names: missing.map((x) => x.projectName).join('、') })} />}
      <RankingTable items={b.items} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('inspection.remarks')}
      </Typography.Title>
      {draft ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={3} maxLength={2000} value={remarks} onChange={(e) => setRemarks(e.target.value)} data-testid="bulletin-remarks" />
          <Space wrap>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={remarks === b.remarks}>
              {t('inspection.saveRemarks')}
            </Button>
            <Popconfirm title={t('inspection.publishConfirm')} onConfirm={() => publish.mutate()} okButtonProps={{ 'data-testid': 'bulletin-publish-ok' } as Record<string, string>}>
              <Button type="primary" loading={publish.isPending} disabled={missing.length > 0 || remarks !== b.remarks} data-testid="bulletin-publish">
                {t('inspection.publish')}
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{b.remarks || '—'}</Typography.Paragraph>
      )}
    </Card>
  );
}
