// WO-05, X-03: drawing a signature with a finger on a canvas; the drawing travels as a PNG. The staff app
// (technician's phone) and the resident portal each wrap it with their own button.
import { useEffect, useRef, type PointerEvent } from 'react';

export function useSignatureCanvas(onChange: (dataUrl: string | undefined) => void) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    const ctx = c.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
  }, []);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    drawn.current = false;
    onChange(undefined);
  };
  const handlers = {
    onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
      drawing.current = true;
      e.currentTarget.setPointerCapture(e.pointerId);
      const ctx = e.currentTarget.getContext('2d')!;
      ctx.beginPath();
      ctx.moveTo(...point(e));
    },
    onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
      if (!drawing.current) return;
      const ctx = e.currentTarget.getContext('2d')!;
      ctx.lineTo(...point(e));
      ctx.stroke();
      drawn.current = true;
    },
    onPointerUp(e: PointerEvent<HTMLCanvasElement>) {
      drawing.current = false;
      if (drawn.current) onChange(e.currentTarget.toDataURL('image/png'));
    },
  };
  return { canvas, clear, handlers };
}
