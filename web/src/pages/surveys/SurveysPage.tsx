// SV-01: the project's surveys (index, answers, state) and starting one with its sampling ratio.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import type { TSurveyDetail, TSurveySummary } from '../../../../common/surveys';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';

export const statusColor: Record<string, string> = { open: 'blue', closed: 'orange', published: 'green' };

export function SurveysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['surveys', projectId], queryFn: () => api.get<{ items: TSurveySummary[] }>(`/api/surveys?${qs({ projectId })}`), enabled: !!projectId });
  const start = useMutation({
    mutationFn: (v: { title: string; samplingRatio: number; verifyRatio: number; period: [Dayjs, Dayjs] }) =>
      api.post<TSurveyDetail>('/api/surveys', { projectId, title: v.title, samplingRatio: v.samplingRatio, verifyRatio: v.verifyRatio, opensOn: v.period[0].format('YYYY-MM-DD'), closesOn: v.period[1].format('YYYY-MM-DD') }),
    onSuccess: (d) => navigate(`/surveys/${d.id}`),
    onError: (e) => {
      if (e instanceof ApiError) {
        form.setFields(e.formFields().map((f) => (['opensOn', 'closesOn'].includes(String(f.name[0])) ? { ...f, name: ['period'] } : f)));
        message.error(e.message);
      }
    },
  });
  return (
    <Card
      size="small"
      title={t('survey.list')}
      extra={
        can('survey.manage') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('survey.start')}
          </Button>
        )
      }
    >
      <Table<TSurveySummary>
        rowKey="id"
        size="small"
        scroll={{ x: 800 }}
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={{ emptyText: t('survey.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('survey.title'), dataIndex: 'title', render: (v, r) => <Link to={`/surveys/${r.id}`}>{v}</Link> },
          { title: t('survey.period'), dataIndex: 'opensOn', width: 200, render: (_v, r) => `${r.opensOn} ~ ${r.closesOn}` },
          { title: t('survey.samplingRatio'), dataIndex: 'samplingRatio', width: 110, render: (v, r) => `${v}%（${r.sampleSize}）` },
          { title: t('survey.answers'), dataIndex: 'answers', width: 90 },
          { title: t('survey.index'), dataIndex: 'index', width: 90, render: (v: number | null) => (v == null ? '—' : v) },
          { title: t('survey.state'), dataIndex: 'status', width: 90, render: (v) => <Tag color={statusColor[v]}>{t(`survey.status.${v}`)}</Tag> },
          { title: t('survey.questionnaire'), dataIndex: 'questionnaire', width: 200, render: (q: TSurveySummary['questionnaire']) => `${q.name} ${t('survey.questionnaireVersion', { version: q.version })}` },
        ]}
      />
      <Modal open={open} title={t('survey.start')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={start.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ title: `${dayjs().year()}年度业主满意度调查`, samplingRatio: 30, verifyRatio: 10, period: [dayjs(), dayjs().add(30, 'day')] }}
          onFinish={(v) => start.mutate(v)}
        >
          <Form.Item name="title" label={t('survey.title')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="samplingRatio" label={t('survey.samplingRatio')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="verifyRatio" label={t('survey.verifyRatio')} extra={t('survey.drawHint')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="period" label={t('survey.period')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
