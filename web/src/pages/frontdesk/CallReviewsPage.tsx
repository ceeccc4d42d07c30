// FD-03: reviews of recorded calls by the manager or a supervisor, and each week against the rule
// (≥2 reviews and ≥30 minutes); a finished week short of either is flagged.
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type * as z from 'zod';
import { REVIEW_RULE, type TReviewWeek, type ZReviewList } from '../../../../common/frontdesk';
import { api, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

type Review = z.infer<typeof ZReviewList>['items'][number];

export function CallReviewsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const qc = useQueryClient();
  const [month, setMonth] = useState(dayjs());
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['call-reviews', query], queryFn: () => api.get<z.infer<typeof ZReviewList>>(`/api/call-reviews?${query}`), enabled: !!projectId });
  const send = useFormAction(
    form,
    (v) => api.post('/api/call-reviews', { projectId, ...v, reviewedOn: (v.reviewedOn as dayjs.Dayjs).format('YYYY-MM-DD') }),
    async () => {
      await qc.invalidateQueries({ queryKey: ['call-reviews'] });
      setAdding(false);
      form.resetFields();
    },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('frontdesk.review.weeks', REVIEW_RULE)}
        extra={
          <Space>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
            {can('frontdesk.review') && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('frontdesk.review.add')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<TReviewWeek>
          rowKey="weekStart"
          size="small"
          pagination={false}
          loading={q.isPending}
          dataSource={q.data?.weeks}
          columns={[
            { title: t('frontdesk.review.week'), render: (_, w) => `${w.weekStart} ~ ${w.weekEnd}` },
            { title: t('frontdesk.review.count'), dataIndex: 'reviews', width: 100 },
            { title: t('frontdesk.review.minutes'), dataIndex: 'minutes', width: 120 },
            { title: '', width: 120, render: (_, w) => (!w.finished ? <Tag>{t('frontdesk.review.running')}</Tag> : w.short ? <Tag color="red">{t('frontdesk.review.short')}</Tag> : <Tag color="green">{t('frontdesk.review.met')}</Tag>) },
          ]}
        />
      </Card>
      <Card size="small" title={t('frontdesk.review.title')}>
        <Table<Review>
          rowKey="id"
          size="small"
          dataSource={q.data?.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('frontdesk.date'), dataIndex: 'reviewedOn', width: 110 },
            { title: t('frontdesk.review.reviewer'), dataIndex: 'reviewerName', width: 100 },
            { title: t('frontdesk.review.recording'), dataIndex: 'recording', width: 180 },
            { title: t('frontdesk.review.minutes'), dataIndex: 'minutes', width: 110 },
            { title: t('frontdesk.review.findings'), dataIndex: 'findings' },
          ]}
        />
      </Card>
      <Modal open={adding} title={t('frontdesk.review.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={send.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ reviewedOn: dayjs(), minutes: 15 }}>
          <Space>
            <Form.Item name="reviewedOn" label={t('frontdesk.date')}>
              <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="minutes" label={t('frontdesk.review.minutes')}>
              <InputNumber min={1} max={600} />
            </Form.Item>
          </Space>
          <Form.Item name="recording" label={t('frontdesk.review.recording')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={100} placeholder={t('frontdesk.review.recordingHelp')} autoFocus />
          </Form.Item>
          <Form.Item name="findings" label={t('frontdesk.review.findings')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
