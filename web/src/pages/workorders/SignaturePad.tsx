// WO-05: the customer signs with a finger on the technician's phone; the drawing travels as a PNG.
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignatureCanvas } from '../../../shared/signature';

export function SignaturePad({ onChange }: { onChange(dataUrl: string | undefined): void }) {
  const { t } = useTranslation();
  const { canvas, clear, handlers } = useSignatureCanvas(onChange);
  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        aria-label={t('ui.order.signHere')}
        style={{ width: '100%', height: 160, border: '1px dashed #999', borderRadius: 4, touchAction: 'none', background: '#fff' }}
        {...handlers}
      />
      <Button size="small" onClick={clear} style={{ marginTop: 4 }}>
        {t('ui.order.clear')}
      </Button>
    </div>
  );
}
