// a write sent from a portal page — the button shows it is busy while it runs, and a refusal is
// told in a toast in the resident's language (the server's field message when there is one).
import { useState } from 'react';
import { Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from './api';

export function useSending() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  /** Runs `write`; on a refusal shows why, then runs `afterError` (e.g. reload what changed meanwhile). */
  const send = async (write: () => Promise<unknown>, afterError?: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await write();
    } catch (e) {
      Toast.show({ content: errorText(e, t('portal.error')) });
      await afterError?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, send };
}
