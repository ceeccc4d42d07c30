// IN-01..IN-06: the front-desk screen for a clerk on the phone — caller lookup first, then the matter;
// the clerk becomes the case owner; a repair opens its order; a simple question is answered on the spot.
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Descriptions, Divider, Form, Input, InputNumber, List, Radio, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_TYPES, MAJOR_REASONS, type TComplaintDetail } from '../../../../common/complaints';
import { CATEGORIES, CHANNELS, PRIORITIES, TRADES, type TCaseDetail, type TFaq } from '../../../../common/desk';
import type { TPaidOrder, TPriceList } from '../../../../common/paid';
import type { TLookupHit, TUnitDetail } from '../../../../common/people';
import { api, ApiError, qs } from '../../lib/api';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';

interface Done {
  number: string;
  link: string;
  orders: { id: string; number: string }[];
}

const nightNow = () => {
  const h = new Date().getHours();
  return h >= 20 || h < 8;
};

export function DeskPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { projectId, can } = useSession();
  const [form] = Form.useForm();
  const [lookupText, setLookupText] = useState('');
  const [unit, setUnit] = useState<TUnitDetail['unit'] | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [params] = useSearchParams();
  const lq = useDebounced(lookupText.trim(), 200);
  const hits = useQuery({
    queryKey: ['lookup', projectId, lq],
    queryFn: () => api.get<{ hits: TLookupHit[] }>(`/api/lookup?${qs({ q: lq, projectId })}`),
    enabled: lq.length >= 2,
  });
  const category = Form.useWatch('category', form) ?? 'repair';
  const prices = useQuery({ queryKey: ['priceList', projectId], queryFn: () => api.get<TPriceList>(`/api/projects/${projectId}/price-list`), enabled: !!projectId && category === 'paid_service' });
  const locationKind = Form.useWatch('locationKind', form);

  const pick = async (hit: TLookupHit) => {
    const detail = await api.get<TUnitDetail>(`/api/units/${hit.unitId}`);
    setUnit(detail.unit);
    const person = detail.occupants.find((o) => o.customerId === hit.customerId);
    // The caller's own number wins when the clerk typed all of it; a fragment only found the record.
    const typed = lookupText.trim();
    const fullNumberTyped = /^1\d{10}$/.test(typed) && person?.phone !== typed;
    form.setFieldsValue({
      unitId: detail.unit.id,
      customerId: person?.customerId,
      callerName: person?.name ?? form.getFieldValue('callerName'),
      callerPhone: fullNumberTyped ? typed : (person?.phone ?? form.getFieldValue('callerPhone')),
    });
    setLookupText('');
    (document.activeElement as HTMLElement | null)?.blur();
  };

  const submit = useMutation({
    mutationFn: async (v: Record<string, unknown>): Promise<Done> => {
      const caller = { projectId, unitId: unit?.id, customerId: v.customerId, callerName: v.callerName, callerPhone: v.callerPhone, channel: v.channel, confirmedWithCaller: !!v.confirmedWithCaller };
      // PS-02, PS-03: a paid service is registered with its quote; CP-01: a complaint with its type.
      if (v.category === 'paid_service') {
        const p = await api.post<TPaidOrder>('/api/paid-orders', { ...caller, itemId: v.itemId, quantity: v.quantity, fee: v.fee, description: v.content, preferredTime: v.preferredTime, expectedResult: v.expectedResult, agreed: !!v.agreed });
        return { number: p.caseNumber, link: `/orders/${p.orderId}`, orders: [{ id: p.orderId, number: p.orderNumber }] };
      }
      if (v.category === 'complaint') {
        const k = await api.post<TComplaintDetail>('/api/complaints', { ...caller, content: v.content, type: v.complaintType, majorReasons: v.majorReasons ?? [] });
        return { number: k.caseNumber, link: `/complaints/${k.id}`, orders: [] };
      }
      const c = await api.post<TCaseDetail>('/api/cases', {
        ...caller,
        category: v.category,
        content: v.content,
        answerNow: v.answerNow || undefined,
        order:
          v.category === 'repair'
            ? { trade: v.trade, priority: v.priority, locationKind: v.locationKind, publicLocation: v.publicLocation, description: v.description || v.content, department: v.department }
            : undefined,
      });
      return { number: c.number, link: `/cases/${c.id}`, orders: c.orders };
    },
    onSuccess: (c) => {
      // The banner above the form names the new case once, with its links; no second toast repeating it.
      setDone(c);
      form.resetFields();
      setUnit(null);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        form.setFields(e.formFields().map((f) => ({ ...f, name: f.name[0] === 'order' ? f.name.slice(1) : f.name })));
        message.error(e.message);
      }
    },
  });

  const required = [{ required: true, message: t('fieldErrors.required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('ui.desk.title')}>
          {done && (
            <Alert
              closable
              onClose={() => setDone(null)}
              style={{ marginBottom: 12 }}
              type="success"
              showIcon
              title={
                <span>
                  {t('ui.daily.registered')}
                  <Link to={done.link}>{done.number}</Link>
                  {done.orders.map((o) => (
                    <Link key={o.id} to={`/orders/${o.id}`} style={{ marginLeft: 8 }} data-testid="created-order">
                      {o.number}
                    </Link>
                  ))}
                </span>
              }
            />
          )}
          <AutoComplete
            style={{ width: '100%', marginBottom: 12 }}
            value={lookupText}
            onChange={setLookupText}
            options={(hits.data?.hits ?? []).map((h, i) => ({
              value: String(i),
              label: (
                <Space>
                  <b>{h.path}</b>
                  {h.customerName ?? t('ui.lookup.vacantUnit')}
                  {h.relation && <Tag>{t(`ui.relation.${h.relation}`)}</Tag>}
                  <Typography.Text type="secondary">{h.phone}</Typography.Text>
                </Space>
              ),
            }))}
            onSelect={(v: string) => void pick(hits.data!.hits[Number(v)])}
          >
            <Input size="large" autoFocus prefix={<SearchOutlined />} placeholder={t('ui.desk.lookup')} data-testid="desk-lookup" />
          </AutoComplete>
          <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('ui.desk.selectedUnit')}>
              {unit ? <Link to={`/units/${unit.id}`}>{unit.path}</Link> : <Typography.Text type="secondary">{t('ui.desk.noUnit')}</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => submit.mutate(v)}
            initialValues={{
              channel: nightNow() ? 'phone_night' : 'phone',
              category: CATEGORIES.find((c) => c === params.get('category')) ?? 'repair',
              trade: 'water',
              priority: 'normal',
              locationKind: 'unit',
              department: 'engineering',
              quantity: 1,
              majorReasons: [],
            }}
            onValuesChange={(changed, all) => {
              // PS-03: the quote starts from the public price × quantity; the clerk may adjust it.
              if (('itemId' in changed || 'quantity' in changed) && prices.data) {
                const item = prices.data.items.find((i) => i.id === all.itemId);
                if (item) form.setFieldsValue({ fee: Math.round(item.price * (all.quantity ?? 1) * 100) / 100 });
              }
            }}
          >
            <Form.Item name="customerId" hidden>
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="callerName" label={t('ui.desk.surname')} rules={required}>
                  <Input maxLength={30} data-testid="caller-name" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="callerPhone" label={t('ui.case.phone')} rules={required}>
                  <Input maxLength={20} inputMode="tel" data-testid="caller-phone" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="channel" label={t('ui.case.channel')}>
                  <Select options={CHANNELS.map((c) => ({ value: c, label: t(`ui.channel.${c}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="category" label={t('ui.case.category')}>
              <Radio.Group optionType="button" size="small" options={CATEGORIES.map((c) => ({ value: c, label: t(`ui.category.${c}`) }))} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }} />
            </Form.Item>
            <Form.Item name="content" label={t('ui.case.content')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-content" />
            </Form.Item>
            {category === 'repair' && (
              <>
                <Divider titlePlacement="start">{t('ui.desk.repairSection')}</Divider>
                <Row gutter={12}>
                  <Col span={6}>
                    <Form.Item name="trade" label={t('ui.order.trade')}>
                      <Select options={TRADES.map((c) => ({ value: c, label: t(`ui.trade.${c}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="priority" label={t('ui.order.priority')}>
                      <Segmented options={PRIORITIES.map((c) => ({ value: c, label: t(`ui.priority.${c}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="locationKind" label={t('ui.order.location')}>
                      <Segmented options={[{ value: 'unit', label: t('ui.order.unit') }, { value: 'public', label: t('ui.order.publicArea') }]} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="department" label={t('ui.order.department')}>
                      <Select options={['engineering', 'environment', 'security'].map((d) => ({ value: d, label: t(`ui.department.${d}`) }))} />
                    </Form.Item>
                  </Col>
                </Row>
                {locationKind === 'public' && (
                  <Form.Item name="publicLocation" label={t('ui.order.publicArea')} rules={required}>
                    <Input maxLength={100} />
                  </Form.Item>
                )}
              </>
            )}
            {category === 'paid_service' && (
              <>
                <Divider titlePlacement="start">{t('ui.paid.register')}</Divider>
                {!can('paid.register') && <Alert type="warning" showIcon title={t('ui.paid.registerHint')} style={{ marginBottom: 12 }} />}
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name="itemId" label={t('ui.paid.item')} rules={required}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        data-testid="paid-item"
                        options={(prices.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name} ¥${i.price}/${i.unit}` }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="quantity" label={t('ui.paid.quantity')} rules={required}>
                      <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name="fee" label={t('ui.paid.fee')} rules={required}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="paid-fee" />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col span={12}>
                    <Form.Item name="preferredTime" label={t('ui.paid.preferredTime')} rules={required}>
                      <Input maxLength={50} data-testid="paid-time" />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item name="expectedResult" label={t('ui.paid.expectedResult')} rules={required}>
                      <Input maxLength={200} data-testid="paid-result" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name="agreed" valuePropName="checked">
                  <Checkbox data-testid="paid-agreed">{t('ui.paid.agreed')}</Checkbox>
                </Form.Item>
              </>
            )}
            {category === 'complaint' && (
              <>
                <Divider titlePlacement="start">{t('ui.complaint.register')}</Divider>
                <Form.Item name="complaintType" label={t('ui.complaint.type')} rules={required}>
                  <Radio.Group optionType="button" size="small" options={COMPLAINT_TYPES.map((c) => ({ value: c, label: t(`ui.complaintType.${c}`) }))} />
                </Form.Item>
                <Form.Item name="majorReasons" label={t('ui.complaint.majorReasons')}>
                  <Checkbox.Group options={MAJOR_REASONS.map((r) => ({ value: r, label: t(`ui.majorReason.${r}`) }))} />
                </Form.Item>
              </>
            )}
            {!['repair', 'paid_service', 'complaint'].includes(category) && (
              <Form.Item name="answerNow" label={t('ui.case.answerNow')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            )}
            <Space>
              <Form.Item name="confirmedWithCaller" valuePropName="checked" noStyle>
                <Checkbox data-testid="read-back">{t('ui.desk.readBack')}</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="desk-submit">
                {t('ui.desk.submit')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <FaqPanel onUse={(a) => form.setFieldsValue({ answerNow: a, category: form.getFieldValue('category') === 'repair' ? 'consultation' : form.getFieldValue('category') })} />
      </Col>
    </Row>
  );
}

function FaqPanel({ onUse }: { onUse(answer: string): void }) {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const faq = useQuery({ queryKey: ['faq', projectId, q], queryFn: () => api.get<{ items: TFaq[] }>(`/api/faq?${qs({ projectId, q })}`), enabled: !!projectId });
  return (
    <Card size="small" title={t('ui.desk.faq')}>
      <Input.Search allowClear placeholder={t('ui.desk.faqSearch')} value={text} onChange={(e) => setText(e.target.value)} style={{ marginBottom: 8 }} />
      <List
        size="small"
        loading={faq.isPending}
        dataSource={faq.data?.items ?? []}
        renderItem={(f) => (
          <List.Item actions={[<Button key="use" size="small" type="link" onClick={() => onUse(f.answer)}>{t('ui.desk.useAnswer')}</Button>]}>
            <List.Item.Meta
              title={
                <Space>
                  {f.question}
                  {f.stale && <Tag color="orange">{t('ui.desk.stale')}</Tag>}
                </Space>
              }
              description={f.answer}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
