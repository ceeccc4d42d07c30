// CP-01..CP-04: one complaint — the facts, its deadlines and flags, the steps allowed now, the history.
import { useState } from 'react';
import { Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Radio, Row, Select, Space, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { MAJOR_REASONS, type TComplaint, type TComplaintDetail } from '../../../../common/complaints';
import { VERDICTS } from '../../../../common/desk';
import type { TStaff } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { DeadlineChips } from '../../lib/deadlines';
import { useFormAction } from '../../lib/form-action';
import { ComplaintTags } from './ComplaintTags';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
type Action = TComplaint['actions'][number];

export function ComplaintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [open, setOpen] = useState<Action>();
  const q = useQuery({ queryKey: ['complaint', id], queryFn: () => api.get<TComplaintDetail>(`/api/complaints/${id}`) });
  if (q.isError) return <Card>{(q.error as ApiError).message}</Card>;
  const k = q.data;
  return (
    <Card loading={q.isPending} title={k && <Space>{k.caseNumber} <ComplaintTags k={k} /></Space>}>
      {k && (
        <Row gutter={16}>
          <Col xs={24} lg={15}>
            <Space style={{ marginBottom: 12 }} wrap data-testid="complaint-actions">
              {k.actions.map((a) => (
                <Button key={a} type={a === 'resolve' || a === 'followup' ? 'primary' : 'default'} onClick={() => setOpen(a)}>
                  {t(`ui.complaintAction.${a}`)}
                </Button>
              ))}
              {k.caseStatus === 'open' && (
                <Link to={`/cases/${k.caseId}`}>
                  <Button>{t('ui.complaint.reply')}</Button>
                </Link>
              )}
            </Space>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('ui.complaint.caller')}>
                {k.callerName} {k.callerPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.case.unit')}>{k.path ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.channel')}>{t(`ui.channel.${k.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.case.status')}>{t(`ui.complaintStatus.${k.status}`)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.content')} span={2}>
                {k.content}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.case.owner')}>{k.ownerName}</Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.handler')}>{k.handlerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.resolution')} span={2}>
                {k.resolution ? `${k.resolution}（${k.valid ? t('ui.complaint.validYes') : t('ui.complaint.validNo')}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.reply')} span={2}>
                <Link to={`/cases/${k.caseId}`}>{k.caseNumber}</Link> {k.reply ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.verdict')}>{k.verdict ? t(`ui.verdict.${k.verdict}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ui.complaint.createdAt')}>{fmt(k.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Card size="small" title={t('ui.order.deadlines')} style={{ marginTop: 12 }}>
              <DeadlineChips deadlines={k.deadlines} all />
            </Card>
            {k.flags.length > 0 && (
              <Card size="small" title={t('ui.complaint.flags')} style={{ marginTop: 12 }}>
                {k.flags.map((f) => (
                  <div key={f.id}>
                    <Typography.Text type="danger">{t(`ui.flagKind.${f.kind}`)}</Typography.Text>
                    {f.relatedCaseId && (
                      <>
                        {' · '}
                        {t('ui.flags.related')} <Link to={`/cases/${f.relatedCaseId}`}>{f.relatedCaseNumber}</Link>
                      </>
                    )}
                    {f.note && ` · ${f.note}`}
                  </div>
                ))}
              </Card>
            )}
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('ui.complaint.timeline')}>
              <Timeline
                items={[...k.events].reverse().map((e) => {
                  const after = (e.after ?? {}) as Record<string, string>;
                  return {
                    key: e.id,
                    content: (
                      <>
                        <Typography.Text strong>{t(`ui.complaintAction.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                        <Typography.Text type="secondary">
                          {' '}
                          · {e.actorName ?? t('ui.history.system')} · {fmt(e.at)}
                        </Typography.Text>
                        {after.handlerName && <div>{after.previousHandlerName ? `${after.previousHandlerName} → ` : ''}{after.handlerName}</div>}
                        {(after.note || after.resolution) && <div>{after.note || after.resolution}</div>}
                      </>
                    ),
                  };
                })}
              />
            </Card>
          </Col>
        </Row>
      )}
      {k && open && <ComplaintActionModal k={k} action={open} onClose={() => setOpen(undefined)} />}
    </Card>
  );
}

function ComplaintActionModal({ k, action, onClose }: { k: TComplaintDetail; action: Action; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const staff = useQuery({ queryKey: ['staff', k.projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${k.projectId}/staff`), enabled: action === 'assign' });
  const run = useFormAction(
    form,
    (v) => api.post<TComplaintDetail>(`/api/complaints/${k.id}/actions`, { action, version: k.version, ...v }),
    async (saved) => {
      queryClient.setQueryData(['complaint', k.id], saved);
      await queryClient.invalidateQueries({ predicate: (x) => ['complaints', 'notifications'].includes(String(x.queryKey[0])) });
      onClose();
    },
  );
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={t(`ui.complaintAction.${action}`)} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending}>
      <Form form={form} layout="vertical" initialValues={{ valid: true, verdict: 'satisfied', majorReasons: [] }} onFinish={(v) => run.mutate(v)}>
        {action === 'assign' && (
          <Form.Item name="handlerId" label={t('ui.complaint.handler')} rules={required}>
            <Select showSearch optionFilterProp="label" placeholder={t('ui.complaint.selectHandler')} loading={staff.isPending} options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.displayName }))} />
          </Form.Item>
        )}
        {action === 'escalate' && (
          <Form.Item name="majorReasons" label={t('ui.complaint.majorReasons')} rules={required}>
            <Checkbox.Group options={MAJOR_REASONS.map((r) => ({ value: r, label: t(`ui.majorReason.${r}`) }))} />
          </Form.Item>
        )}
        {(action === 'contact' || action === 'progress') && (
          <Form.Item name="note" label={t(action === 'contact' ? 'ui.complaint.contactHint' : 'ui.complaint.progressHint')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <>
            <Form.Item name="resolution" label={t('ui.complaint.resolution')} rules={required}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
            <Form.Item name="valid" label={t('ui.complaint.valid')}>
              <Radio.Group options={[{ value: true, label: t('ui.complaint.validYes') }, { value: false, label: t('ui.complaint.validNo') }]} />
            </Form.Item>
          </>
        )}
        {action === 'followup' && (
          <>
            <Form.Item name="verdict" label={t('ui.complaint.verdict')}>
              <Radio.Group optionType="button" options={VERDICTS.map((v) => ({ value: v, label: t(`ui.verdict.${v}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('ui.complaint.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
