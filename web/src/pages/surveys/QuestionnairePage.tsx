// SV-01: the company's questionnaire — its versions, and (for a company-wide grant: the quality
// department, the company admin) the editor that saves a new version; running surveys keep theirs.
import { useEffect, useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TQuestionItem, TQuestionnaire } from '../../../../common/surveys';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

type Summary = Omit<TQuestionnaire, 'items'> & { itemCount: number };

export function QuestionnairePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useSession();
  const qc = useQueryClient();
  // SV-01: only a company-wide grant revises the questionnaire (the server checks it again)
  const mayEdit = me.roles.some((r) => r.projectId === null && (r.role === 'quality_inspector' || r.role === 'company_admin'));
  const list = useQuery({ queryKey: ['survey-questionnaires'], queryFn: () => api.get<{ items: Summary[] }>('/api/survey-questionnaires') });
  const [selected, setSelected] = useState<string | null>(null);
  const current = list.data?.items.find((q) => q.current);
  const shown = selected ?? current?.id ?? null;
  const detail = useQuery({ queryKey: ['survey-questionnaire', shown], queryFn: () => api.get<TQuestionnaire>(`/api/survey-questionnaires/${shown}`), enabled: !!shown });
  const [name, setName] = useState('');
  const [items, setItems] = useState<TQuestionItem[]>([]);
  useEffect(() => {
    if (detail.data) {
      setName(detail.data.name);
      setItems(detail.data.items);
    }
  }, [detail.data]);
  const editing = mayEdit && !!detail.data?.current;
  const save = useMutation({
    mutationFn: () => api.post<TQuestionnaire>(`/api/survey-questionnaires/${detail.data!.id}/versions`, { version: detail.data!.version, name, items }),
    onSuccess: async (q) => {
      message.success(t('survey.saved'));
      setSelected(q.id);
      await qc.invalidateQueries({ queryKey: ['survey-questionnaires'] });
    },
    onError: (e) => e instanceof ApiError && message.error(`${e.message} ${(e.body.fields ?? []).map((f) => `${f.path}: ${f.message}`).join('；')}`),
  });
  const set = (i: number, patch: Partial<TQuestionItem>) => setItems(items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const nextCode = () => `Q${String(Math.max(0, ...items.map((i) => Number(i.code.slice(1)) || 0)) + 1).padStart(2, '0')}`;
  const sections = [...new Set(items.map((i) => i.section))];

  return (
    <Card
      size="small"
      title={t('survey.editor')}
      extra={
        <Select
          style={{ width: 260 }}
          value={shown}
          onChange={setSelected}
          options={list.data?.items.map((q) => ({ value: q.id, label: `${q.name} ${t('survey.questionnaireVersion', { version: q.version })}（${q.current ? t('survey.current') : t('survey.superseded')}）` }))}
        />
      }
    >
      {!mayEdit && <Typography.Paragraph type="secondary">{t('survey.readOnly')}</Typography.Paragraph>}
      {detail.data && (
        <Space style={{ marginBottom: 8 }} wrap>
          {editing ? <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} style={{ width: 260 }} /> : <Typography.Text strong>{name}</Typography.Text>}
          <Tag color={detail.data.current ? 'green' : 'default'}>{detail.data.current ? t('survey.current') : t('survey.superseded')}</Tag>
          <Typography.Text type="secondary">{dayjs(detail.data.createdAt).format('YYYY-MM-DD')}</Typography.Text>
        </Space>
      )}
      <Table<TQuestionItem>
        rowKey={(r) => r.code}
        size="small"
        scroll={{ x: 700 }}
        loading={detail.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('survey.code'), dataIndex: 'code', width: 70 },
          {
            title: t('survey.section'),
            dataIndex: 'section',
            width: 140,
            render: (v, _r, i) => (editing ? <Select value={v} mode={undefined} showSearch style={{ width: '100%' }} onChange={(x) => set(i, { section: x })} options={sections.map((s) => ({ value: s, label: s }))} onSearch={(x) => x && set(i, { section: x })} /> : v),
          },
          { title: t('survey.question'), dataIndex: 'text', render: (v, _r, i) => (editing ? <Input value={v} maxLength={200} onChange={(e) => set(i, { text: e.target.value })} /> : v) },
          { title: t('survey.target'), dataIndex: 'target', width: 90, render: (v, _r, i) => (editing ? <InputNumber value={v} min={1} max={100} precision={0} onChange={(x) => set(i, { target: x ?? 80 })} /> : v) },
          ...(editing ? [{ title: '', width: 60, render: (_v: unknown, _r: TQuestionItem, i: number) => <Button size="small" type="link" danger onClick={() => setItems(items.filter((_x, j) => j !== i))}>{t('ui.remove')}</Button> }] : []),
        ]}
      />
      {editing && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => setItems([...items, { code: nextCode(), section: sections[0] ?? '物业管理', text: '', target: 80 }])}>{t('survey.addItem')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {t('survey.saveVersion')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
