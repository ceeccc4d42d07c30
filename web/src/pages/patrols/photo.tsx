// PT-01, PT-02: a photo from the phone's camera, shrunk to 1280 px JPEG before it is sent (a 12 MP shot
// would be 5 MB of base64 over a weak signal).
import { useRef } from 'react';
import { Button, Space, Tag } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface PhotoData {
  name: string;
  data: string;
}

export async function shrink(file: File, max = 1280): Promise<PhotoData> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image();
      i.onload = () => resolve(i);
      i.onerror = reject;
      i.src = url;
    });
    const scale = Math.min(1, max / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return { name: file.name.replace(/\.\w+$/, '') + '.jpg', data: canvas.toDataURL('image/jpeg', 0.8) };
  } finally {
    URL.revokeObjectURL(url);
  }
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
