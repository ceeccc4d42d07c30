// A whole-number field with − and + buttons of 44 px (antd-mobile's Stepper carries ARIA attributes axe refuses).
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export function Count({ id, value, min = 1, max, onChange }: { id: string; value: number; min?: number; max: number; onChange(v: number): void }) {
  const { t } = useTranslation();
  const set = (v: number) => onChange(Math.min(max, Math.max(min, Number.isFinite(v) ? Math.round(v) : min)));
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Button aria-label={t('portal.errands.less')} style={{ width: 44, height: 44, padding: 0, fontSize: 20 }} disabled={value <= min} onClick={() => set(value - 1)}>
        −
      </Button>
      <input id={id} className="portal-input" type="number" inputMode="numeric" min={min} max={max} value={value} onChange={(e) => set(Number(e.target.value))} style={{ width: 64, height: 44, boxSizing: 'border-box', textAlign: 'center', fontSize: 17 }} />
      <Button aria-label={t('portal.errands.more')} style={{ width: 44, height: 44, padding: 0, fontSize: 20 }} disabled={value >= max} onClick={() => set(value + 1)}>
        +
      </Button>
    </div>
  );
}
