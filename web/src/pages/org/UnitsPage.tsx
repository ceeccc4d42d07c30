// ORG-02: units of the project, searchable by path, filtered by state, paged by keyset.
import { useState } from 'react';
import { Card, Input, Select, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { UNIT_STATES, type TUnit, type TUnitState } from '../../../../common/org';
import { qs } from '../../lib/api';
import { LoadMore, useKeysetList } from '../../lib/keyset';
import { UnitStateTag } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';

export function UnitsPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [text, setText] = useState('');
  const [state, setState] = useState<TUnitState>();
  const q = useDebounced(text.trim());
  const { pages, rows } = useKeysetList<TUnit>('units', '/api/units', qs({ projectId, q, state }), !!projectId, 100);
  return (
    <Card size="small" title={t('ui.nav.units')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear style={{ width: 320 }} placeholder={t('ui.unit.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('ui.unit.state')}
          value={state}
          onChange={setState}
          options={UNIT_STATES.map((s) => ({ value: s, label: t(`ui.unitState.${s}`) }))}
        />
      </Space>
      <Table<TUnit>
        rowKey="id"
        size="small"
        loading={pages.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('ui.unit.path'), dataIndex: 'path', render: (v, u) => <Link to={`/units/${u.id}`}>{v}</Link> },
          { title: t('ui.unit.use'), dataIndex: 'use', width: 90, render: (v) => t(`ui.unitUse.${v}`) },
          { title: t('ui.unit.area'), dataIndex: 'areaM2', width: 120, align: 'right' },
          { title: t('ui.unit.state'), dataIndex: 'state', width: 110, render: (v) => <UnitStateTag state={v} /> },
          { title: t('ui.unit.handover'), dataIndex: 'handoverDate', width: 120 },
        ]}
      />
      <LoadMore pages={pages} />
    </Card>
  );
}
