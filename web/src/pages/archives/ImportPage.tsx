// the import wizard — download the template, upload (with a progress bar), read every problem by
// row and column, fix and upload again, then commit all or nothing.
import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Steps, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { TImportPreview, ZImportResult } from '../../../../common/archives';
import { api, ApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

/** Uploads with XMLHttpRequest so the page can show how much of a large workbook has been sent. */
function uploadWithProgress(body: unknown, onProgress: (pct: number) => void): Promise<TImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const data = JSON.parse(xhr.responseText || '{}');
      if (xhr.status >= 400) reject(new ApiError(xhr.status, data));
      else resolve(data);
    };
    xhr.onerror = () => reject(new Error(xhr.statusText));
    xhr.send(JSON.stringify(body));
  });
}

export function ImportPage() {
  const { t } = useTranslation();
  const { projectId } = useSession();
  const [progress, setProgress] = useState<number>();
  const [preview, setPreview] = useState<TImportPreview>();
  const [result, setResult] = useState<z.infer<typeof ZImportResult>>();
  const [error, setError] = useState<string>();
  const [committing, setCommitting] = useState(false);
  const upload = async (file: File) => {
    setError(undefined);
    setResult(undefined);
    setPreview(undefined);
    setProgress(0);
    try {
      const data = await new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsDataURL(file);
      });
      setPreview(await uploadWithProgress({ projectId, name: file.name, data }, setProgress));
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.fields?.[0]?.message ?? e.message) : String(e));
    } finally {
      setProgress(undefined);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setCommitting(true);
    try {
      setResult(await api.post(`/api/imports/${preview.id}/commit`, { version: preview.version }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setCommitting(false);
    }
  };
  const step = result ? 2 : preview ? 1 : 0;
  return (
    <Card size="small" title={t('archive.import.title')} extra={<Button href={`/api/imports/template?projectId=${projectId}`}>{t('archive.import.template')}</Button>}>
      <Steps size="small" current={step} items={[{ title: t('archive.import.step1') }, { title: t('archive.import.step2') }, { title: t('archive.import.step3') }]} style={{ marginBottom: 16 }} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
          <Button type={preview ? 'default' : 'primary'} data-testid="import-file">{preview ? t('archive.import.reupload') : t('archive.import.choose')}</Button>
        </Upload>
        {progress !== undefined && <Progress percent={progress} status="active" />}
        {error && <Alert type="error" showIcon message={error} />}
        {preview && !result && (
          <>
            <div>{t('archive.import.rows', { count: preview.rows })}</div>
            {preview.problemCount ? (
              <Alert type="warning" showIcon message={t('archive.import.problems', { count: preview.problemCount })} />
            ) : (
              <Alert type="success" showIcon message={t('archive.import.noProblems')} description={t('archive.import.counts', preview.counts)} />
            )}
            {!!preview.problemCount && (
              <Table
                rowKey={(p) => `${p.row}-${p.column}`}
                size="small"
                pagination={false}
                dataSource={preview.problems}
                columns={[
                  { title: t('archive.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('archive.import.column'), dataIndex: 'column', width: 140 },
                  { title: t('archive.import.message'), dataIndex: 'message' },
                ]}
              />
            )}
            <Button type="primary" disabled={!!preview.problemCount} loading={committing} onClick={() => void commit()}>
              {committing ? t('archive.import.committing') : t('archive.import.commit')}
            </Button>
          </>
        )}
        {result && <Alert type="success" showIcon message={t('archive.import.done', result)} />}
      </Space>
    </Card>
  );
}
