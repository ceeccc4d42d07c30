import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { setLocale } from '../../lib/i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A language picked here becomes the user's stored one, which the app then follows (one source of truth).
  const [picked, setPicked] = useState<'zh-CN' | 'en'>();
  const login = useMutation({
    mutationFn: async (v: { username: string; password: string }) => {
      await api.post('/api/auth/login', v);
      if (picked) await api.put('/api/me/locale', { locale: picked });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      navigate('/');
    },
  });
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg,#e6f4ef,#f5f7fa)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('ui.appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('ui.login.title')}</Typography.Paragraph>
        {login.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={(login.error as ApiError).message} />}
        <Form layout="vertical" onFinish={(v) => login.mutate(v)} autoComplete="on">
          <Form.Item name="username" label={t('ui.login.username')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('ui.login.password')} rules={[{ required: true, message: t('fieldErrors.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('ui.login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Segmented
            size="small"
            value={i18n.language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(v) => {
              setPicked(v as 'zh-CN' | 'en');
              setLocale(v as 'zh-CN' | 'en');
            }}
          />
        </div>
      </Card>
    </div>
  );
}
