// QI-01: the company's inspection standards, each version with its items.
import { useState } from 'react';
import { Card, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { TStandard, TStandardItem, ZStandardList } from '../../../../common/inspections';
import { api } from '../../lib/api';

export function StandardsPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['inspection-standards'], queryFn: () => api.get<z.infer<typeof ZStandardList>>('/api/inspection-standards') });
  const [picked, setPicked] = useState<string>();
  const id = picked ?? list.data?.items.find((s) => s.current)?.id;
  const std = useQuery({ queryKey: ['inspection-standard', id], queryFn: () => api.get<TStandard>(`/api/inspection-standards/${id}`), enabled: !!id });
  return (
    <Card
      size="small"
      title={t('inspection.navStandards')}
      extra={
        <Select
          style={{ minWidth: 260 }}
          value={id}
          onChange={setPicked}
          options={list.data?.items.map((s) => ({ value: s.id, label: `${s.name} ${t('inspection.standardVersion', { version: s.version })} · ${s.current ? t('inspection.current') : t('inspection.superseded')} · ${t('inspection.items')} ${s.itemCount}` }))}
        />
      }
    >
      <Table<TStandardItem>
        rowKey="code"
        size="small"
        loading={std.isPending}
        dataSource={std.data?.items}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('inspection.code'), dataIndex: 'code', width: 70 },
          { title: t('inspection.category'), dataIndex: 'category', width: 60, filters: ['客服', '环境', '工程', '秩序'].map((c) => ({ text: c, value: c })), onFilter: (v, r) => r.category === v },
          { title: t('inspection.topic'), dataIndex: 'topic', width: 110 },
          { title: t('inspection.requirement'), dataIndex: 'requirement' },
          { title: t('inspection.methods'), dataIndex: 'methods', width: 150, render: (ms: string[]) => <Space size={2} wrap>{ms.map((m) => <Tag key={m}>{t(`inspection.method.${m}`)}</Tag>)}</Space> },
          { title: t('inspection.deduction'), dataIndex: 'deduction', width: 80, align: 'right' },
          { title: t('inspection.cap'), dataIndex: 'cap', width: 90, align: 'right' },
          { title: t('inspection.appliesTo'), dataIndex: 'appliesTo', width: 120, render: (v) => t(`inspection.applies.${v}`) },
        ]}
      />
    </Card>
  );
}
