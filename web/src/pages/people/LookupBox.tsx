// IN-03: the clerk types part of a phone number, a name or a unit path and jumps to the unit.
import { useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TLookupHit } from '../../../../common/people';
import { api, qs } from '../../lib/api';
import { useDebounced } from '../../lib/useDebounced';

export function LookupBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const hits = useQuery({
    queryKey: ['lookup', q],
    queryFn: () => api.get<{ hits: TLookupHit[] }>(`/api/lookup?${qs({ q })}`),
    enabled: q.length >= 2,
  });
  const options = (hits.data?.hits ?? []).map((h, i) => ({
    value: `${h.unitId}|${i}`,
    label: (
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <span>
          <b>{h.path}</b> {h.customerName ?? t('ui.lookup.vacantUnit')}
          {h.relation ? ` · ${t(`ui.relation.${h.relation}`)}` : ''}
        </span>
        <span style={{ color: '#888' }}>{h.phone ?? ''}</span>
      </div>
    ),
  }));
  return (
    <AutoComplete
      style={{ width: 420 }}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(v: string) => {
        setText('');
        (document.activeElement as HTMLElement | null)?.blur();
        navigate(`/units/${v.split('|')[0]}`);
      }}
      popupMatchSelectWidth={520}
    >
      <Input prefix={<SearchOutlined />} placeholder={t('ui.lookup.placeholder')} allowClear data-testid="lookup" />
    </AutoComplete>
  );
}
