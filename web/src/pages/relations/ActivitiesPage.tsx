// CR-04: the year's plan of community activities and plant-room open days against the level's minimum,
// each recorded as held with its photos; the month's articles to the company magazine (at least 2).
import { useState } from 'react';
import { Button, Card, DatePicker, Form, Image, Input, InputNumber, Modal, Select, Space, Table, Tag, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type * as z from 'zod';
import { ACTIVITY_KINDS, type TActivity, type ZActivityList, type ZArticleList } from '../../../../common/relations';
import { api, qs } from '../../lib/api';
import { useFormAction } from '../../lib/form-action';
import { useSession } from '../../lib/session';

const dataUrl = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = reject;
    r.readAsDataURL(f);
  });
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function ActivitiesPage() {
  const { t } = useTranslation();
  const { projectId, can } = useSession();
  const client = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const month = dayjs().format('YYYY-MM');
  const [planning, setPlanning] = useState(false);
  const [holding, setHolding] = useState<TActivity | null>(null);
  const [writing, setWriting] = useState(false);
  const [planForm] = Form.useForm();
  const [heldForm] = Form.useForm();
  const [articleForm] = Form.useForm();
  const activities = useQuery({ queryKey: ['activities', projectId, year], queryFn: () => api.get<z.infer<typeof ZActivityList>>(`/api/community-activities?${qs({ projectId, year })}`), enabled: !!projectId });
  const articles = useQuery({ queryKey: ['articles', projectId, month], queryFn: () => api.get<z.infer<typeof ZArticleList>>(`/api/magazine-articles?${qs({ projectId, month })}`), enabled: !!projectId });
  const refresh = () => Promise.all(['activities', 'articles', 'relation-figures'].map((k) => client.invalidateQueries({ queryKey: [k] })));
  const plan = useFormAction(planForm, (v) => api.post('/api/community-activities', { projectId, year, kind: v.kind, title: v.title, plannedOn: day(v.plannedOn as Dayjs), note: v.note ?? '' }), async () => {
    setPlanning(false);
    await refresh();
  });
  const held = useFormAction(
    heldForm,
    async (v) => {
      const files = ((v.photos ?? []) as { originFileObj: File; name: string }[]).map((f) => f);
      const photos = await Promise.all(files.map(async (f) => ({ name: f.name, data: await dataUrl(f.originFileObj) })));
      return api.post(`/api/community-activities/${holding!.id}/held`, { version: holding!.version, heldOn: day(v.heldOn as Dayjs), participants: v.participants, summary: v.summary, photos });
    },
    async () => {
      setHolding(null);
      await refresh();
    },
  );
  const article = useFormAction(articleForm, (v) => api.post('/api/magazine-articles', { projectId, title: v.title, author: v.author, sentOn: day(v.sentOn as Dayjs) }), async () => {
    setWriting(false);
    await refresh();
  });
  const manage = can('relations.manage');
  const list = activities.data;
  const heldCount = (kind: string) => (list?.items ?? []).filter((a) => a.kind === kind && a.heldOn).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        size="small"
        title={t('relation.activities')}
        extra={
          <Space>
            <Select value={year} onChange={setYear} options={[0, 1, 2].map((i) => ({ value: dayjs().year() - i, label: dayjs().year() - i }))} />
            {manage && <Button onClick={() => { planForm.resetFields(); setPlanning(true); }}>{t('relation.planActivity')}</Button>}
          </Space>
        }
      >
        {list && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag>{t('relation.activityMinimum', { min: list.minimum, plant: list.plantRoomMinimum })}</Tag>
            <Tag color={heldCount('activity') >= list.minimum ? 'green' : 'orange'}>{t('relation.kinds.activity')} {heldCount('activity')} / {list.minimum}</Tag>
            <Tag color={heldCount('plant_room') >= list.plantRoomMinimum ? 'green' : 'orange'}>{t('relation.kinds.plant_room')} {heldCount('plant_room')} / {list.plantRoomMinimum}</Tag>
          </Space>
        )}
        <Table<TActivity>
          rowKey="id"
          size="small"
          pagination={false}
          loading={activities.isPending}
          dataSource={list?.items}
          columns={[
            { title: t('relation.plannedOn'), dataIndex: 'plannedOn', width: 110 },
            { title: t('relation.title'), dataIndex: 'title' },
            { title: '', dataIndex: 'kind', width: 130, render: (k) => <Tag>{t(`relation.kinds.${k}`)}</Tag> },
            { title: t('relation.heldOn'), dataIndex: 'heldOn', width: 110, render: (v) => v ?? <Tag>{t('relation.notHeld')}</Tag> },
            { title: t('relation.participants'), dataIndex: 'participants', width: 90, render: (v) => v ?? '—' },
            { title: t('relation.photos'), dataIndex: 'photos', width: 160, render: (ps: TActivity['photos']) => <Image.PreviewGroup>{ps.map((p) => <Image key={p.id} src={p.url} width={40} height={40} style={{ objectFit: 'cover' }} />)}</Image.PreviewGroup> },
            { title: '', width: 110, render: (_, a) => manage && !a.heldOn && <Button size="small" onClick={() => { heldForm.resetFields(); heldForm.setFieldsValue({ heldOn: dayjs(a.plannedOn).isAfter(dayjs()) ? dayjs() : dayjs(a.plannedOn) }); setHolding(a); }}>{t('relation.recordHeld')}</Button> },
          ]}
        />
      </Card>
      <Card size="small" title={t('relation.articles')} extra={manage && <Button onClick={() => { articleForm.resetFields(); articleForm.setFieldsValue({ sentOn: dayjs() }); setWriting(true); }}>{t('relation.addArticle')}</Button>}>
        {articles.data && (
          <Tag color={articles.data.items.length >= articles.data.minimum ? 'green' : 'red'} style={{ marginBottom: 8 }}>
            {articles.data.items.length} / {t('relation.articleMinimum', { min: articles.data.minimum })}
          </Tag>
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={articles.data?.items}
          columns={[
            { title: t('relation.sentOn'), dataIndex: 'sentOn', width: 110 },
            { title: t('relation.title'), dataIndex: 'title' },
            { title: t('relation.author'), dataIndex: 'author', width: 160 },
          ]}
        />
      </Card>
      <Modal open={planning} title={t('relation.planActivity')} onCancel={() => setPlanning(false)} onOk={() => planForm.submit()} confirmLoading={plan.isPending} destroyOnHidden>
        <Form form={planForm} layout="vertical" initialValues={{ kind: 'activity' }} onFinish={(v) => plan.mutate(v)}>
          <Form.Item name="kind"><Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`relation.kinds.${k}`) }))} /></Form.Item>
          <Form.Item name="title" label={t('relation.title')} rules={[{ required: true }]}><Input autoFocus maxLength={100} /></Form.Item>
          <Form.Item name="plannedOn" label={t('relation.plannedOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="note" label={t('relation.note')}><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!holding} title={holding?.title} onCancel={() => setHolding(null)} onOk={() => heldForm.submit()} confirmLoading={held.isPending} destroyOnHidden>
        <Form form={heldForm} layout="vertical" onFinish={(v) => held.mutate(v)}>
          <Form.Item name="heldOn" label={t('relation.heldOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="participants" label={t('relation.participants')} rules={[{ required: true }]}><InputNumber min={0} max={100000} /></Form.Item>
          <Form.Item name="summary" label={t('relation.summary')} rules={[{ required: true }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          <Form.Item name="photos" label={t('relation.photos')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList} rules={[{ required: true }]}>
            <Upload listType="picture-card" accept="image/*" beforeUpload={() => false} maxCount={6}>+</Upload>
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={writing} title={t('relation.addArticle')} onCancel={() => setWriting(false)} onOk={() => articleForm.submit()} confirmLoading={article.isPending} destroyOnHidden>
        <Form form={articleForm} layout="vertical" onFinish={(v) => article.mutate(v)}>
          <Form.Item name="title" label={t('relation.title')} rules={[{ required: true }]}><Input autoFocus maxLength={100} /></Form.Item>
          <Form.Item name="author" label={t('relation.author')} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="sentOn" label={t('relation.sentOn')} rules={[{ required: true }]}><DatePicker /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
