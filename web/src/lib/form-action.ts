// A modal form's one request: on success "saved" and the caller's follow-up; on refusal the server's
// field errors on the form and its message on screen.
import { App, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

export function useFormAction<T>(form: FormInstance, send: (values: Record<string, unknown>) => Promise<T>, done: (result: T) => Promise<void> | void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      message.success(t('ui.saved'));
      await done(result);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      form.setFields(e.formFields());
      message.error(e.message);
    },
  });
}
