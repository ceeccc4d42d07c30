// IN-06: the project's 答客问, kept by supervisors; stale entries (unreviewed for 6 months) stand out.
import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TFaq } from '../../../../common/desk';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';

export function FaqPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<TFaq | 'new'>();
  const q = useDebounced(text.trim());
  const faq = useQuery({ queryKey: ['faq', projectId, q], queryFn: () => api.get<{ items: TFaq[] }>(`/api/faq?${qs({ projectId, q })}`), enabled: !!projectId });
  const editable = can('faq.write');
  return (
    <Card
      size="small"
      title={t('ui.faqPage.title')}
      extra={editable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('ui.faqPage.add')}</Button>}
    >
      <Input.Search allowClear style={{ width: 320, marginBottom: 12 }} placeholder={t('ui.desk.faqSearch')} value={text} onChange={(e) => setText(e.target.value)} />
      <Table<TFaq>
        rowKey="id"
        size="small"
        loading={faq.isPending}
        dataSource={faq.data?.items}
        pagination={false}
        columns={[
          { title: t('ui.faqPage.question'), dataIndex: 'question', width: 260 },
          { title: t('ui.faqPage.answer'), dataIndex: 'answer' },
          {
            title: t('ui.faqPage.reviewedAt'),
            dataIndex: 'reviewedAt',
            width: 160,
            render: (v, f) => (
              <>
                {dayjs(v).format('YYYY-MM-DD')} {f.stale && <Tag color="orange">{t('ui.desk.stale')}</Tag>}
              </>
            ),
          },
          ...(editable ? [{ title: t('ui.actions'), width: 90, render: (_: unknown, f: TFaq) => <Button size="small" type="link" onClick={() => setEditing(f)}>{t('ui.faqPage.review')}</Button> }] : []),
        ]}
      />
      {editing && <FaqDialog entry={editing === 'new' ? null : editing} projectId={projectId} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}

function FaqDialog({ entry, projectId, onClose }: { entry: TFaq | null; projectId: string; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { question: string; answer: string }) => (entry ? api.put(`/api/faq/${entry.id}`, { ...v, version: entry.version }) : api.post('/api/faq', { ...v, projectId })),
    onSuccess: async () => {
      message.success(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: ['faq'] });
      onClose();
    },
    onError: (e) => e instanceof ApiError && form.setFields(e.formFields()),
  });
  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Modal open title={entry ? t('ui.faqPage.review') : t('ui.faqPage.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" initialValues={entry ?? {}} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="question" label={t('ui.faqPage.question')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="answer" label={t('ui.faqPage.answer')} rules={required}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
