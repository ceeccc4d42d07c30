// PT-01, PT-02: photos from the phone's camera, shrunk before they are sent (web/shared/photo.ts).
import { useRef } from 'react';
import { Button, Space, Tag } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { shrinkToJpeg } from '../../../shared/photo';

export interface PhotoData {
  name: string;
  data: string;
}

export async function shrink(file: File, max = 1280): Promise<PhotoData> {
  return { name: file.name.replace(/\.\w+$/, '') + '.jpg', data: await shrinkToJpeg(file, max) };
}

/** One big button that opens the back camera; the photos taken show as removable tags. */
export function CameraButton({ photos, onChange }: { photos: PhotoData[]; onChange: (p: PhotoData[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Space wrap>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        onChange={async (e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onChange([...photos, ...(await Promise.all(files.map((f) => shrink(f))))].slice(0, 6));
        }}
      />
      <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()} disabled={photos.length >= 6}>
        {t('patrol.takePhoto')}
      </Button>
      {photos.map((p, i) => (
        <Tag key={i} closable onClose={() => onChange(photos.filter((_, j) => j !== i))}>
          <img src={p.data} alt="" style={{ height: 32, verticalAlign: 'middle' }} />
        </Tag>
      ))}
    </Space>
  );
}
