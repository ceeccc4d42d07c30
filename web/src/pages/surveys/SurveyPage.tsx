// SV-01..SV-04: one survey — its sample and one-time links, answers taken by phone or on site, the
// verification queue, the report (index overall and per item, ranked, weak items, chart), the improvement
// measures with owners, deadlines and evidence, and the publication to owners.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Radio, Select, Space, Statistic, Table, Tabs, Tag, Typography, DatePicker, Row, Col } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import ReactECharts from 'echarts-for-react';
import dayjs from 'dayjs';
import { RATINGS, STAFF_CHANNELS, VERIFY_OUTCOMES, PUBLISH_CHANNELS, type TAnswer, type TMeasure, type TSurveyDetail } from '../../../../common/surveys';
import type { TStaff } from '../../../../common/people';
import { api, ApiError } from '../../lib/api';
import { CameraButton, type PhotoData } from '../patrols/photo';
import { statusColor } from './SurveysPage';

type ReportItem = TSurveyDetail['report']['items'][number];

export function SurveyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const key = ['survey', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<TSurveyDetail>(`/api/surveys/${id}`) });
  const staff = useQuery({ queryKey: ['staff', q.data?.projectId], queryFn: () => api.get<{ items: TStaff[] }>(`/api/projects/${q.data!.projectId}/staff`), enabled: !!q.data?.actions.includes('measure') });
  const [answerOpen, setAnswerOpen] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<TAnswer | null>(null);
  const [measureItem, setMeasureItem] = useState<string | null>(null);
  const [closing, setClosing] = useState<TMeasure | null>(null);
  const [photos, setPhotos] = useState<PhotoData[]>([]);
  const [answerForm] = Form.useForm();
  const [verifyForm] = Form.useForm();
  const [measureForm] = Form.useForm();
  const [closeForm] = Form.useForm();
  const [publishForm] = Form.useForm();
  const act = (form?: ReturnType<typeof Form.useForm>[0], done?: () => void) => ({
    onSuccess: (d: TSurveyDetail) => {
      qc.setQueryData(key, d);
      void qc.invalidateQueries({ queryKey: ['surveys'] });
      message.success(t('ui.saved'));
      done?.();
    },
    onError: (e: Error) => {
      if (!(e instanceof ApiError)) return;
      form?.setFields(e.formFields());
      message.error(e.message);
    },
  });
  const answer = useMutation({ mutationFn: (v: Record<string, unknown>) => api.post<TSurveyDetail>(`/api/surveys/${id}/answers`, v), ...act(answerForm, () => setAnswerOpen(null)) });
  const draw = useMutation({ mutationFn: () => api.post<TSurveyDetail>(`/api/surveys/${id}/verification-draw`), ...act() });
  const verify = useMutation({ mutationFn: (v: { id: string; body: unknown }) => api.post<TSurveyDetail>(`/api/surveys/${id}/answers/${v.id}/verify`, v.body), ...act(verifyForm, () => setVerifying(null)) });
  const close = useMutation({ mutationFn: () => api.post<TSurveyDetail>(`/api/surveys/${id}/close`, { version: q.data!.version }), ...act() });
  const addMeasure = useMutation({ mutationFn: (v: Record<string, unknown>) => api.post<TSurveyDetail>(`/api/surveys/${id}/measures`, v), ...act(measureForm, () => setMeasureItem(null)) });
  const closeMeasure = useMutation({
    mutationFn: (v: { id: string; body: unknown }) => api.post<TSurveyDetail>(`/api/surveys/${id}/measures/${v.id}/close`, v.body),
    ...act(closeForm, () => {
      setClosing(null);
      setPhotos([]);
    }),
  });
  const publish = useMutation({ mutationFn: (v: Record<string, unknown>) => api.post<TSurveyDetail>(`/api/surveys/${id}/publish`, v), ...act(publishForm) });

  const s = q.data;
  if (!s) return <Card loading={q.isPending} />;
  const may = (a: TSurveyDetail['actions'][number]) => s.actions.includes(a);
  const itemText = (code: string) => s.items.find((i) => i.code === code);
  const ranked = [...s.report.items].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  const queue = s.answerList.filter((a) => a.verification.selected);
  const chart = {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: ranked.map((i) => `${i.section}·${i.code}`) },
    series: [
      {
        type: 'bar',
        name: t('survey.index'),
        data: ranked.map((i) => ({ value: i.index ?? 0, itemStyle: { color: i.belowTarget ? '#cf1322' : '#0b6e4f' } })),
        label: { show: true, position: 'right' },
        markLine: { symbol: 'none', data: [{ xAxis: ranked[0]?.target ?? 80, name: t('survey.target') }], lineStyle: { type: 'dashed' } },
      },
    ],
  };

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {s.title}
          <Tag color={statusColor[s.status]}>{t(`survey.status.${s.status}`)}</Tag>
        </Space>
      }
      extra={
        may('close') && (
          <Popconfirm title={t('survey.closeConfirm')} onConfirm={() => close.mutate()}>
            <Button loading={close.isPending}>{t('survey.close')}</Button>
          </Popconfirm>
        )
      }
    >
      <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('survey.overallIndex')} value={s.report.index ?? '—'} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('survey.answers')} value={s.report.answers} suffix={`/ ${s.sampleSize}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('survey.verified')} value={s.report.verificationDone} suffix={`/ ${s.report.verificationSelected}`} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('survey.forged')} value={s.report.forged} valueStyle={s.report.forged ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('survey.period')}>{`${s.opensOn} ~ ${s.closesOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('survey.samplingRatio')}>{`${s.samplingRatio}%（${s.sampleSize}）`}</Descriptions.Item>
        <Descriptions.Item label={t('survey.questionnaire')}>{`${s.questionnaire.name} ${t('survey.questionnaireVersion', { version: s.questionnaire.version })}`}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'report',
            label: t('survey.tabs.report'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('survey.indexHint')}</Typography.Paragraph>
                <ReactECharts option={chart} style={{ height: Math.max(240, ranked.length * 28 + 40) }} notMerge />
                <Table<ReportItem>
                  rowKey="code"
                  size="small"
                  scroll={{ x: 760 }}
                  dataSource={ranked}
                  pagination={false}
                  columns={[
                    { title: t('survey.rank'), dataIndex: 'rank', width: 60, render: (v) => v ?? '—' },
                    { title: t('survey.section'), dataIndex: 'section', width: 90 },
                    { title: t('survey.question'), dataIndex: 'text' },
                    { title: t('survey.rating.satisfied'), dataIndex: 'satisfied', width: 70 },
                    { title: t('survey.rating.fair'), dataIndex: 'fair', width: 70 },
                    { title: t('survey.rating.unsatisfied'), dataIndex: 'unsatisfied', width: 70 },
                    { title: t('survey.index'), dataIndex: 'index', width: 90, render: (v: number | null, r) => (v == null ? '—' : <Typography.Text type={r.belowTarget ? 'danger' : undefined}>{v}</Typography.Text>) },
                    { title: t('survey.target'), dataIndex: 'target', width: 70 },
                    {
                      title: t('survey.measure'),
                      width: 130,
                      render: (_v, r) =>
                        !r.belowTarget ? null : r.measures ? (
                          <Tag color="green">{t('survey.measure')} ×{r.measures}</Tag>
                        ) : may('measure') ? (
                          <Button size="small" danger onClick={() => setMeasureItem(r.code)}>
                            {t('survey.addMeasure')}
                          </Button>
                        ) : (
                          <Tag color="red">{t('survey.noMeasure')}</Tag>
                        ),
                    },
                  ]}
                />
                {s.report.comments.length > 0 && (
                  <Card size="small" type="inner" title={`${t('survey.comments')}（${s.report.comments.length}）`} style={{ marginTop: 12 }} styles={{ body: { maxHeight: 320, overflowY: 'auto' } }}>
                    {s.report.comments.map((c, i) => (
                      <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
                        <Typography.Text type="secondary">{c.unitPath}：</Typography.Text>
                        {c.comment}
                      </Typography.Paragraph>
                    ))}
                  </Card>
                )}
              </>
            ),
          },
          {
            key: 'sample',
            label: `${t('survey.tabs.sample')}（${s.sample.length}）`,
            children: (
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 600 }}
                dataSource={s.sample}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('survey.position'), dataIndex: 'position', width: 60 },
                  { title: t('survey.unit'), dataIndex: 'unitPath' },
                  { title: t('survey.state'), dataIndex: 'answered', width: 90, render: (v) => (v ? <Tag color="green">{t('survey.answered')}</Tag> : <Tag>{t('survey.notAnswered')}</Tag>) },
                  {
                    title: t('survey.link'),
                    width: 120,
                    render: (_v, r) =>
                      r.linkUsed ? (
                        <Tag>{t('survey.linkUsed')}</Tag>
                      ) : r.token && !r.answered && s.status === 'open' ? (
                        <Button size="small" type="link" onClick={() => void navigator.clipboard?.writeText(`${location.origin}/s/${r.token}`).then(() => message.success(t('survey.linkCopied')))}>
                          {t('survey.copyLink')}
                        </Button>
                      ) : null,
                  },
                  {
                    title: '',
                    width: 110,
                    render: (_v, r) =>
                      !r.answered && may('answer') ? (
                        <Button
                          size="small"
                          onClick={() => {
                            answerForm.resetFields();
                            setAnswerOpen(r.unitId);
                          }}
                        >
                          {t('survey.enterAnswer')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'answers',
            label: `${t('survey.tabs.answers')}（${s.answerList.length}）`,
            children: (
              <Table<TAnswer>
                rowKey="id"
                size="small"
                scroll={{ x: 760 }}
                dataSource={s.answerList}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('survey.unit'), dataIndex: 'unitPath', width: 130 },
                  { title: t('survey.channel'), dataIndex: 'channel', width: 110, render: (v) => t(`survey.channels.${v}`) },
                  { title: t('survey.respondent'), dataIndex: 'respondent', width: 90 },
                  { title: t('survey.recordedBy'), dataIndex: 'recordedBy', width: 90, render: (v) => v ?? '—' },
                  { title: t('survey.answeredAt'), dataIndex: 'answeredAt', width: 140, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
                  { title: t('survey.comment'), dataIndex: 'comment' },
                  { title: t('survey.state'), dataIndex: 'forged', width: 80, render: (v) => (v ? <Tag color="red">{t('survey.forged')}</Tag> : <Tag color="green">{t('survey.valid')}</Tag>) },
                ]}
              />
            ),
          },
          {
            key: 'verify',
            label: `${t('survey.tabs.verify')}（${s.report.verificationDone}/${s.report.verificationSelected}）`,
            children: (
              <>
                {may('verify') && (
                  <Space style={{ marginBottom: 8 }} wrap>
                    <Button onClick={() => draw.mutate()} loading={draw.isPending}>
                      {t('survey.draw')}
                    </Button>
                    <Typography.Text type="secondary">{t('survey.drawHint')}</Typography.Text>
                  </Space>
                )}
                <Table<TAnswer>
                  rowKey="id"
                  size="small"
                  scroll={{ x: 700 }}
                  dataSource={queue}
                  pagination={false}
                  columns={[
                    { title: t('survey.unit'), dataIndex: 'unitPath', width: 130 },
                    { title: t('survey.channel'), dataIndex: 'channel', width: 110, render: (v) => t(`survey.channels.${v}`) },
                    { title: t('survey.recordedBy'), dataIndex: 'recordedBy', width: 90, render: (v) => v ?? '—' },
                    {
                      title: t('survey.outcome'),
                      render: (_v, r) =>
                        r.verification.outcome ? (
                          <Space wrap>
                            <Tag color={r.forged ? 'red' : r.verification.outcome === 'confirmed' ? 'green' : 'default'}>{t(`survey.outcomes.${r.verification.outcome}`)}</Tag>
                            <Typography.Text type="secondary">
                              {r.verification.verifiedBy} {r.verification.note}
                            </Typography.Text>
                          </Space>
                        ) : may('verify') ? (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => {
                              verifyForm.resetFields();
                              setVerifying(r);
                            }}
                          >
                            {t('survey.verifyAction')}
                          </Button>
                        ) : (
                          <Tag>{t('survey.verifyQueue')}</Tag>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'measures',
            label: `${t('survey.tabs.measures')}（${s.measures.length}）`,
            children: (
              <Table<TMeasure>
                rowKey="id"
                size="small"
                scroll={{ x: 760 }}
                dataSource={s.measures}
                pagination={false}
                locale={{ emptyText: s.report.weakItems.length ? t('survey.noMeasure') : undefined }}
                columns={[
                  { title: t('survey.item'), dataIndex: 'itemCode', width: 160, render: (v) => `${itemText(v)?.section ?? ''}·${v}` },
                  { title: t('survey.action'), dataIndex: 'action' },
                  { title: t('survey.owner'), dataIndex: 'ownerName', width: 90 },
                  { title: t('survey.dueOn'), dataIndex: 'dueOn', width: 110, render: (v, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{v}{r.overdue ? `（${t('survey.overdue')}）` : ''}</Typography.Text> },
                  { title: t('survey.state'), dataIndex: 'status', width: 80, render: (v) => <Tag color={v === 'done' ? 'green' : 'blue'}>{t(`survey.measureStatus.${v}`)}</Tag> },
                  {
                    title: t('survey.evidence'),
                    render: (_v, r) =>
                      r.status === 'done' ? (
                        <Space wrap>
                          {r.evidence}
                          {r.photos.map((p) => (
                            <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                              {p.name}
                            </a>
                          ))}
                        </Space>
                      ) : may('measure') ? (
                        <Button
                          size="small"
                          onClick={() => {
                            closeForm.resetFields();
                            setPhotos([]);
                            setClosing(r);
                          }}
                        >
                          {t('survey.closeMeasure')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'publish',
            label: t('survey.tabs.publish'),
            children: s.publication ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('survey.publishChannel')}>{t(`survey.publishChannels.${s.publication.channel}`)}</Descriptions.Item>
                <Descriptions.Item label={t('survey.publishedOn')}>{s.publication.publishedOn}</Descriptions.Item>
                <Descriptions.Item label={t('survey.publishNote')}>{s.publication.note}</Descriptions.Item>
                <Descriptions.Item label={t('survey.publishedBy')}>{s.publication.by}</Descriptions.Item>
              </Descriptions>
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('survey.notPublished')}</Typography.Paragraph>
                {may('publish') && (
                  <Form form={publishForm} layout="vertical" style={{ maxWidth: 480 }} initialValues={{ channel: 'notice_board', publishedOn: dayjs() }} onFinish={(v) => publish.mutate({ ...v, version: s.version, publishedOn: v.publishedOn.format('YYYY-MM-DD') })}>
                    <Form.Item name="channel" label={t('survey.publishChannel')}>
                      <Select options={PUBLISH_CHANNELS.map((c) => ({ value: c, label: t(`survey.publishChannels.${c}`) }))} />
                    </Form.Item>
                    <Form.Item name="publishedOn" label={t('survey.publishedOn')}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name="note" label={t('survey.publishNote')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
                      <Input.TextArea rows={3} maxLength={500} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={publish.isPending}>
                      {t('survey.publish')}
                    </Button>
                  </Form>
                )}
              </>
            ),
          },
        ]}
      />

      <Modal open={!!answerOpen} title={`${t('survey.enterAnswer')} · ${s.sample.find((x) => x.unitId === answerOpen)?.unitPath ?? ''}`} onCancel={() => setAnswerOpen(null)} onOk={() => answerForm.submit()} confirmLoading={answer.isPending} width={640} destroyOnHidden>
        <Form
          form={answerForm}
          layout="vertical"
          initialValues={{ channel: 'phone' }}
          onFinish={(v) =>
            answer.mutate({
              unitId: answerOpen,
              channel: v.channel,
              respondent: v.respondent,
              comment: v.comment ?? '',
              ratings: s.items.filter((i) => v[`r_${i.code}`]).map((i) => ({ code: i.code, rating: v[`r_${i.code}`] })),
            })
          }
        >
          <Space wrap>
            <Form.Item name="channel" label={t('survey.channel')}>
              <Radio.Group options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`survey.channels.${c}`) }))} />
            </Form.Item>
            <Form.Item name="respondent" label={t('survey.respondent')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Space>
          {s.items.map((i) => (
            <Form.Item key={i.code} name={`r_${i.code}`} label={`${i.section} · ${i.text}`} style={{ marginBottom: 8 }}>
              <Radio.Group optionType="button" size="small" options={RATINGS.map((r) => ({ value: r, label: t(`survey.rating.${r}`) }))} />
            </Form.Item>
          ))}
          <Form.Item name="comment" label={t('survey.comment')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!verifying} title={`${t('survey.verifyAction')} · ${verifying?.unitPath ?? ''}`} onCancel={() => setVerifying(null)} onOk={() => verifyForm.submit()} confirmLoading={verify.isPending} destroyOnHidden>
        <Form form={verifyForm} layout="vertical" onFinish={(v) => verify.mutate({ id: verifying!.id, body: { version: verifying!.version, outcome: v.outcome, note: v.note ?? '' } })}>
          <Form.Item name="outcome" label={t('survey.outcome')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={VERIFY_OUTCOMES.map((o) => ({ value: o, label: t(`survey.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('survey.verifyNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!measureItem} title={`${t('survey.addMeasure')} · ${itemText(measureItem ?? '')?.text ?? ''}`} onCancel={() => setMeasureItem(null)} onOk={() => measureForm.submit()} confirmLoading={addMeasure.isPending} destroyOnHidden>
        <Form form={measureForm} layout="vertical" initialValues={{ dueOn: dayjs().add(30, 'day') }} onFinish={(v) => addMeasure.mutate({ version: s.version, itemCode: measureItem, action: v.action, ownerId: v.ownerId, dueOn: v.dueOn.format('YYYY-MM-DD') })}>
          <Form.Item name="action" label={t('survey.action')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('survey.owner')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Select showSearch optionFilterProp="label" loading={staff.isPending} options={staff.data?.items.filter((u) => u.active).map((u) => ({ value: u.id, label: u.displayName }))} />
          </Form.Item>
          <Form.Item name="dueOn" label={t('survey.dueOn')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!closing} title={t('survey.closeMeasure')} onCancel={() => setClosing(null)} onOk={() => closeForm.submit()} confirmLoading={closeMeasure.isPending} okButtonProps={{ disabled: !photos.length }} destroyOnHidden>
        <Form form={closeForm} layout="vertical" onFinish={(v) => closeMeasure.mutate({ id: closing!.id, body: { version: closing!.version, evidence: v.evidence, photos } })}>
          <Typography.Paragraph>{closing?.action}</Typography.Paragraph>
          <Form.Item name="evidence" label={t('survey.evidence')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item label={t('survey.evidencePhotos')} required>
            <CameraButton photos={photos} onChange={setPhotos} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
