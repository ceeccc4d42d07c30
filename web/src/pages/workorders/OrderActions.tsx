// The buttons of an order: exactly the actions the server says this user may take now.
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TWoAction, TWorkOrder } from '../../../../common/desk';
import { ActionModal, DIRECT_ACTIONS, useTransition } from './ActionModal';

const PRIMARY: TWoAction[] = ['dispatch', 'accept', 'start', 'complete', 'close'];
const DANGER: TWoAction[] = ['cancel', 'cannot_repair', 'return'];

export function OrderActions({ order, size }: { order: TWorkOrder; size?: 'large' | 'middle' }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<TWoAction>();
  const direct = useTransition(order);
  if (!order.actions.length) return <Typography.Text type="secondary">{t('ui.order.noAction')}</Typography.Text>;
  return (
    <>
      <Space wrap>
        {order.actions.map((a) => (
          <Button
            key={a}
            size={size}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            loading={direct.isPending && direct.variables?.action === a}
            disabled={direct.isPending && direct.variables?.action !== a}
            onClick={() => (DIRECT_ACTIONS.includes(a) ? direct.mutate({ action: a }) : setOpen(a))}
            data-action={a}
          >
            {t(`ui.woAction.${a}`)}
          </Button>
        ))}
      </Space>
      {open && <ActionModal order={order} action={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
