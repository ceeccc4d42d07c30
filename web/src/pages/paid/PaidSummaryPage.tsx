// PS-09: a month of paid services per department and per staff, and the reconciliation against the
// receipts and finance's confirmed cash; exportable to Excel for appraisal.
import { formatYuan as yuan } from '../../../../common/money';
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Row, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TPaidSummary, TSummaryLine } from '../../../../common/paid';
import { api, qs } from '../../lib/api';
import { useSession } from '../../lib/session';


export function PaidSummaryPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [month, setMonth] = useState(dayjs());
  const query = qs({ projectId, month: month.format('YYYY-MM') });
  const q = useQuery({ queryKey: ['paidSummary', query], queryFn: () => api.get<TPaidSummary>(`/api/paid-summary?${query}`), enabled: !!projectId });
  const s = q.data;
  const columns = (first: string) => [
    { title: first, dataIndex: 'name', width: 110 },
    ...(['registered', 'completed', 'closed', 'reworked', 'followedUp', 'satisfied', 'receipts'] as const).map((k) => ({ title: t(`ui.summary.${k}`), dataIndex: k, align: 'right' as const })),
    { title: t('ui.summary.amount'), dataIndex: 'amount', align: 'right' as const, render: yuan },
  ];
  const table = (title: string, first: string, lines: TSummaryLine[]) => (
    <Card size="small" title={title}>
      <Table<TSummaryLine>
        rowKey="key"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        columns={columns(first)}
        summary={() =>
          s && (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{s.total.name}</Table.Summary.Cell>
              {(['registered', 'completed', 'closed', 'reworked', 'followedUp', 'satisfied', 'receipts'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  {s.total[k]}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={8} align="right">
                {yuan(s.total.amount)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
  const r = s?.reconciliation;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={t('ui.summary.title')}
        extra={
          <Space>
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
            <Button icon={<DownloadOutlined />} href={`/api/paid-summary/export?${query}`}>
              {t('ui.summary.export')}
            </Button>
          </Space>
        }
      >
        {r && (
          <>
            <Alert type={r.balanced ? 'success' : 'warning'} showIcon title={r.balanced ? t('ui.summary.balancedYes') : t('ui.summary.balancedNo')} style={{ marginBottom: 12 }} data-testid="balanced" />
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title={t('ui.summary.reconciliation')}>
              <Descriptions.Item label={t('ui.summary.receiptsAmount')}>{yuan(r.receiptsAmount)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.receiptsCount')}>{r.receiptsCount}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.voidedCount')}>{r.voidedCount}</Descriptions.Item>
              {Object.entries(r.byMethod).map(([m, v]) => (
                <Descriptions.Item key={m} label={t(`ui.payMethod.${m}`)}>
                  {yuan(v)}
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('ui.summary.confirmedCash')}>{yuan(r.confirmedCash)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.handedUnconfirmed')}>{yuan(r.handedUnconfirmed)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.notHandedOver')}>{yuan(r.notHandedOver)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.cashDifferences')}>{yuan(r.cashDifferences)}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.closedWithoutReceipt')}>{r.closedWithoutReceipt}</Descriptions.Item>
              <Descriptions.Item label={t('ui.summary.feeMismatch')}>{r.feeMismatch}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} xxl={12}>
          {table(t('ui.summary.byDepartment'), t('ui.summary.department'), s?.departments ?? [])}
        </Col>
        <Col xs={24} xxl={12}>
          {table(t('ui.summary.byStaff'), t('ui.summary.staff'), s?.staff ?? [])}
        </Col>
      </Row>
    </Space>
  );
}
