// X-03, WO-05: the resident signs with a finger; the drawing travels as a PNG, as on the technician's phone.
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useSignatureCanvas } from '../shared/signature';

export function SignaturePad({ onChange }: { onChange(dataUrl: string | undefined): void }) {
  const { t } = useTranslation();
  const { canvas, clear, handlers } = useSignatureCanvas(onChange);
  return (
    <div>
      <canvas ref={canvas} className="portal-sign" data-testid="portal-signature" role="img" aria-label={t('portal.detail.signHere')} {...handlers} />
      <Button size="small" onClick={clear} style={{ marginTop: 6 }}>
        {t('portal.detail.clear')}
      </Button>
    </div>
  );
}
