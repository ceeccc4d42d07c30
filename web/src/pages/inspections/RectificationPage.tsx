// QI-04: one rectification item: the finding, the deadline, the evidence; the project manager reports it
// rectified (a note and photos), the quality inspector accepts it or returns it with a reason.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Image, Input, Modal, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { TRectification } from '../../../../common/inspections';
import { api } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { CameraButton, type PhotoData } from '../patrols/photo';
import { RectDue, RectStateTag } from './RectificationsPage';

export function RectificationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['rectification', id], queryFn: () => api.get<TRectification>(`/api/rectifications/${id}`) });
  const [dialog, setDialog] = useState<null | 'close' | 'accept' | 'return'>(null);
  const [photos, setPhotos] = useState<PhotoData[]>([]);
  const [form] = Form.useForm();
  const done = async (r: TRectification) => {
    qc.setQueryData(['rectification', id], r);
    await qc.invalidateQueries({ queryKey: ['rectifications'] });
    setDialog(null);
    setPhotos([]);
    form.resetFields();
  };
  const act = useFormAction(
    form,
    (v) =>
      dialog === 'close'
        ? api.post<TRectification>(`/api/rectifications/${id}/close`, { version: q.data!.version, note: v.note ?? '', photos })
        : api.post<TRectification>(`/api/rectifications/${id}/review`, { version: q.data!.version, decision: dialog, note: v.note ?? '' }),
    done,
  );
  const r = q.data;
  if (!r) return <Card loading />;
  const time = (at: string | null, who: string | null) => (at ? `${who ?? ''} ${dayjs(at).format('YYYY-MM-DD HH:mm')}` : '—');
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {r.number}
          <span data-testid="rect-state">
            <RectStateTag r={r} />
          </span>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('inspection.project')}>{r.projectName}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.inspection')}>
          <Link to={`/inspections/${r.inspectionId}`}>{r.month}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.item')}>{`${r.itemCode} ${r.topic}`}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.count')}>{r.count}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.finding')} span={2}>
          {r.findingNote || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.due')} span={2}>
          <Space wrap>
            {r.dueAt ? dayjs(r.dueAt).format('YYYY-MM-DD HH:mm') : '—'}
            <RectDue r={r} />
            {r.notifiedLevel === 1 && <span>{t('inspection.rect.told')}</span>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.closeNote')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.closeNote || '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.closedBy')}>{time(r.closedAt, r.closedByName)}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.photos')}>
          {r.photos.length ? (
            <Image.PreviewGroup>
              <Space wrap>
                {r.photos.map((p) => (
                  <Image key={p.id} src={p.url} width={64} height={64} style={{ objectFit: 'cover' }} alt={p.name} />
                ))}
              </Space>
            </Image.PreviewGroup>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.review')}>{r.reviewNote || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inspection.rect.reviewedBy')}>{time(r.reviewedAt, r.reviewedByName)}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        {r.actions.includes('close') && (
          <Button type="primary" onClick={() => setDialog('close')} data-testid="rect-close">
            {t('inspection.rect.close')}
          </Button>
        )}
        {r.actions.includes('accept') && (
          <Button type="primary" onClick={() => setDialog('accept')} data-testid="rect-accept">
            {t('inspection.rect.accept')}
          </Button>
        )}
        {r.actions.includes('return') && (
          <Button danger onClick={() => setDialog('return')} data-testid="rect-return">
            {t('inspection.rect.return')}
          </Button>
        )}
      </Space>
      <Modal
        open={!!dialog}
        title={dialog && t(`inspection.rect.${dialog}`)}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={act.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'rect-ok' } as Record<string, string>}
      >
        <Form form={form} layout="vertical" onFinish={(v) => act.mutate(v)}>
          <Form.Item
            name="note"
            label={dialog === 'close' ? t('inspection.rect.closeNote') : dialog === 'return' ? t('inspection.rect.returnNote') : t('inspection.rect.acceptNote')}
            rules={dialog === 'accept' ? [] : [{ required: true, min: 2, message: t('fieldErrors.required') }]}
          >
            <Input.TextArea rows={3} maxLength={dialog === 'close' ? 1000 : 500} data-testid="rect-note" />
          </Form.Item>
          {dialog === 'close' && (
            <Form.Item label={t('inspection.rect.photos')}>
              <CameraButton photos={photos} onChange={(p) => (p.length > 6 ? message.warning('6') : setPhotos(p))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
