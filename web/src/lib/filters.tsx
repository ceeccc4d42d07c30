// A switch with its label, as the list pages' "overdue only" and "mine" filters.
import { Space, Switch, Typography } from 'antd';

export function LabeledSwitch({ checked, onChange, label }: { checked: boolean; onChange(v: boolean): void; label: string }) {
  return (
    <Space>
      <Switch checked={checked} onChange={onChange} />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  );
}
