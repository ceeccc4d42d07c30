// SV-04: the resident's answer page behind a one-time link (/s/:token) — no sign-in, phone-sized, zh-CN
// by default. The link answers once; the resident portal will send residents here.
import { useState } from 'react';
import { Alert, Button, Card, Input, Radio, Result, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { RATINGS, type TLinkView, type TRating } from '../../../../common/surveys';
import { api, ApiError } from '../../lib/api';

export function SurveyLinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [ratings, setRatings] = useState<Record<string, TRating>>({});
  const [comment, setComment] = useState('');
  const [respondent, setRespondent] = useState('');
  const view = useQuery({ queryKey: ['survey-link', token], queryFn: () => api.get<TLinkView>(`/api/survey-links/${token}`), retry: false });
  const send = useMutation({
    mutationFn: () => api.post(`/api/survey-links/${token}`, { respondent, comment, ratings: Object.entries(ratings).map(([code, rating]) => ({ code, rating })) }),
  });
  const shell = (children: React.ReactNode) => <div style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>{children}</div>;
  if (view.isPending) return shell(<Spin style={{ display: 'block', marginTop: 80 }} />);
  if (view.isError || !view.data) return shell(<Result status="warning" title={t('survey.linkNotFound')} />);
  const v = view.data;
  if (send.isSuccess) return shell(<Result status="success" title={t('survey.linkThanks')} subTitle={`${v.projectName} · ${v.unitPath}`} />);
  if (v.state === 'used') return shell(<Result status="info" title={t('survey.linkAnswered')} />);
  if (v.state === 'expired') return shell(<Result status="warning" title={t('survey.linkExpired')} />);
  const sections = [...new Set(v.items.map((i) => i.section))];
  return shell(
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <div>
        <Typography.Title level={4} style={{ marginBottom: 4 }}>
          {v.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {v.projectName} · {v.unitPath} · {t('survey.closesOn')} {v.closesOn}
        </Typography.Text>
      </div>
      <Alert type="info" showIcon message={t('survey.linkIntro')} />
      {sections.map((sec) => (
        <Card key={sec} size="small" title={sec}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            {v.items
              .filter((i) => i.section === sec)
              .map((i) => (
                <div key={i.code}>
                  <div style={{ marginBottom: 6 }}>{i.text}</div>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={ratings[i.code]}
                    onChange={(e) => setRatings({ ...ratings, [i.code]: e.target.value })}
                    options={RATINGS.map((r) => ({ value: r, label: t(`survey.rating.${r}`) }))}
                  />
                </div>
              ))}
          </Space>
        </Card>
      ))}
      <Card size="small" title={t('survey.comment')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <Input maxLength={40} placeholder={t('survey.respondentOptional')} value={respondent} onChange={(e) => setRespondent(e.target.value)} />
        </Space>
      </Card>
      {send.error instanceof ApiError && <Alert type="error" showIcon message={send.error.message} />}
      <Button type="primary" size="large" block disabled={!Object.keys(ratings).length} loading={send.isPending} onClick={() => send.mutate()}>
        {Object.keys(ratings).length ? t('survey.linkSubmit') : t('survey.linkNeedOne')}
      </Button>
    </Space>,
  );
}
