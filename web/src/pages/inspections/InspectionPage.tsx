// QI-02, QI-03: one inspection — its score, the computed findings to confirm or reject, the on-site
// findings, submission, and corrections (with their reason) after submission.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import type { TFinding, TInspectionDetail, TRectification, TStandard } from '../../../../common/inspections';
import { api, ApiError } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { ScoreTag } from './InspectionsPage';
import { FindingRecords } from './FindingRecords';
import { RectDue, RectStateTag } from './RectificationsPage';

type Mode = { kind: 'add' } | { kind: 'reject'; finding: TFinding } | { kind: 'correct'; finding?: TFinding };

export function InspectionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['inspection', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<TInspectionDetail>(`/api/inspections/${id}`) });
  const d = q.data;
  const std = useQuery({ queryKey: ['inspection-standard', d?.standardId], queryFn: () => api.get<TStandard>(`/api/inspection-standards/${d!.standardId}`), enabled: !!d });
  const items = new Map((std.data?.items ?? []).map((i) => [i.code, i]));
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm();
  const done = (r: TInspectionDetail) => {
    qc.setQueryData(key, r);
    setMode(null);
    form.resetFields();
  };
  const act = useMutation({
    mutationFn: (fn: () => Promise<TInspectionDetail>) => fn(),
    onSuccess: (r) => qc.setQueryData(key, r),
    onError: (e) => e instanceof ApiError && message.error(e.message),
  });
  const save = useFormAction(
    form,
    (v) => {
      if (!mode || !d) throw new Error('no mode');
      if (mode.kind === 'add') return api.post<TInspectionDetail>(`/api/inspections/${d.id}/findings`, { version: d.version, ...v });
      if (mode.kind === 'reject') return api.post<TInspectionDetail>(`/api/inspections/${d.id}/findings/${mode.finding.id}/review`, { version: d.version, decision: 'reject', ...v });
      return api.post<TInspectionDetail>(`/api/inspections/${d.id}/corrections`, { version: d.version, findingId: mode.finding?.id, ...v });
    },
    done,
  );
  if (!d) return <Card loading />;
  const editable = d.actions.includes('edit');
  const itemOptions = (std.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.topic}：${i.requirement.slice(0, 40)}` }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={`${d.projectName} · ${d.month}`}
        extra={
          <Space>
            {editable && <Button onClick={() => setMode({ kind: 'add' })}>{t('inspection.addFinding')}</Button>}
            {d.actions.includes('submit') && (
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate(() => api.post(`/api/inspections/${d.id}/submit`, { version: d.version }))}>
                {t('inspection.submit')}
              </Button>
            )}
            {d.actions.includes('correct') && <Button onClick={() => setMode({ kind: 'correct' })}>{t('inspection.correct')}</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
          <Descriptions.Item label={t('inspection.score')}>
            <ScoreTag score={d.score} passed={d.passed} />
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.state')}>{t(`inspection.status.${d.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.inspector')}>{d.inspectorName}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.standard')}>{t('inspection.standardVersion', { version: d.standardVersion })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('inspection.findings')}>
        <Table<TFinding>
          rowKey="id"
          size="small"
          dataSource={d.findings}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('inspection.item'), dataIndex: 'itemCode', width: 220, render: (v) => `${v} ${items.get(v)?.topic ?? ''}` },
            { title: t('inspection.origin'), dataIndex: 'source', width: 90, render: (v) => t(`inspection.source.${v}`) },
            { title: t('inspection.count'), dataIndex: 'count', width: 60, align: 'right' },
            { title: t('inspection.points'), dataIndex: 'points', width: 60, align: 'right' },
            {
              title: t('inspection.note'),
              dataIndex: 'note',
              render: (v, f) => (
                <Space direction="vertical" size={0}>
                  {v && <span>{v}</span>}
                  {f.evidence && (/^https?:\/\//.test(f.evidence) ? <a href={f.evidence} target="_blank" rel="noreferrer">{f.evidence}</a> : <Typography.Text type="secondary">{f.evidence}</Typography.Text>)}
                  <FindingRecords records={f.records} projectId={d.projectId} />
                  {f.reason && <Typography.Text type="secondary">{f.reason}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('inspection.state'), dataIndex: 'status', width: 80, render: (v) => <Tag color={v === 'proposed' ? 'orange' : v === 'rejected' ? 'default' : 'red'}>{t(`inspection.findingStatus.${v}`)}</Tag> },
            {
              key: 'act',
              width: 150,
              render: (_v, f) => (
                <Space size={4}>
                  {editable && f.status === 'proposed' && (
                    <>
                      <Button size="small" type="primary" onClick={() => act.mutate(() => api.post(`/api/inspections/${d.id}/findings/${f.id}/review`, { version: d.version, decision: 'confirm' }))}>
                        {t('inspection.confirm')}
                      </Button>
                      <Button size="small" onClick={() => setMode({ kind: 'reject', finding: f })}>
                        {t('inspection.reject')}
                      </Button>
                    </>
                  )}
                  {d.actions.includes('correct') && f.status !== 'rejected' && (
                    <Button size="small" onClick={() => { form.setFieldsValue({ count: f.count }); setMode({ kind: 'correct', finding: f }); }}>
                      {t('inspection.correct')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {d.status === 'submitted' && <InspectionRectifications inspectionId={d.id} />}
      {d.corrections.length > 0 && (
        <Card size="small" title={t('inspection.corrections')}>
          {d.corrections.map((c, k) => (
            <div key={k}>
              {dayjs(c.at).format('YYYY-MM-DD HH:mm')} {c.userName}：{c.reason}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={t('inspection.autoItems')}>
        <Space wrap>
          {d.autoItems.map((a) => (
            <Tag key={a.itemCode} color={a.automatic ? 'blue' : 'default'}>
              {a.itemCode} {items.get(a.itemCode)?.topic} · {a.automatic ? t('inspection.automatic') : t('inspection.manualOnly')}
            </Tag>
          ))}
        </Space>
      </Card>
      <Modal
        open={!!mode}
        title={mode?.kind === 'add' ? t('inspection.addFinding') : mode?.kind === 'reject' ? t('inspection.reject') : t('inspection.correct')}
        onCancel={() => { setMode(null); form.resetFields(); }}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {(mode?.kind === 'add' || (mode?.kind === 'correct' && !mode.finding)) && (
            <Form.Item name="itemCode" label={t('inspection.item')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={itemOptions} autoFocus />
            </Form.Item>
          )}
          {mode?.kind === 'reject' && (
            <Form.Item name="reason" label={t('inspection.rejectReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} autoFocus />
            </Form.Item>
          )}
          {mode?.kind === 'correct' && (
            <Form.Item name="reason" label={t('inspection.correctReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {mode?.kind !== 'reject' && (
            <>
              <Form.Item name="count" label={t('inspection.count')} initialValue={1} rules={[{ required: true }]}>
                <InputNumber min={mode?.kind === 'correct' ? 0 : 1} max={999} />
              </Form.Item>
              <Form.Item name="note" label={t('inspection.note')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="evidence" label={t('inspection.evidence')}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

/** QI-04: the rectifications the submitted inspection's findings became, each linked to its page. */
function InspectionRectifications({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['rectifications', { inspectionId }], queryFn: () => api.get<{ items: TRectification[] }>(`/api/rectifications?inspectionId=${inspectionId}`) });
  return (
    <Card size="small" title={t('inspection.rect.ofInspection')} data-testid="inspection-rectifications">
      <Table<TRectification>
        rowKey="id"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('inspection.rect.noneOfInspection') }}
        columns={[
          { title: t('inspection.rect.number'), dataIndex: 'number', width: 160, render: (v, r) => <Link to={`/rectifications/${r.id}`}>{v}</Link> },
          { title: t('inspection.rect.item'), dataIndex: 'itemCode', render: (_v, r) => `${r.itemCode} ${r.topic}` },
          { title: t('inspection.rect.state'), dataIndex: 'state', width: 200, render: (_v, r) => <RectStateTag r={r} /> },
          { title: t('inspection.rect.due'), dataIndex: 'dueAt', width: 200, render: (_v, r) => <RectDue r={r} /> },
        ]}
      />
    </Card>
  );
}
