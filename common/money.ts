// Money in yuan with two decimals (PS-03..PS-09): sums and comparisons go through whole fen, so
// 0.1 + 0.2 never lands beside 0.3; the screen shows ¥ with two decimals.
export const cents = (yuan: number) => Math.round(yuan * 100);
export const sumYuan = (values: number[]) => values.reduce((s, v) => s + cents(v), 0) / 100;
export const formatYuan = (yuan: number | null) => (yuan === null ? '—' : `¥${yuan.toFixed(2)}`);

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** One group of four digits: 1005 → 壹仟零伍. */
function fourDigits(v: number): string {
  const units = ['仟', '佰', '拾', ''];
  const d = [Math.floor(v / 1000), Math.floor(v / 100) % 10, Math.floor(v / 10) % 10, v % 10];
  let s = '';
  let zero = false;
  d.forEach((n, i) => {
    if (n === 0) {
      zero = s !== '';
      return;
    }
    s += (zero ? '零' : '') + DIGITS[n] + units[i];
    zero = false;
  });
  return s;
}

/** PS-05: the amount in Chinese capitals (金额大写) as a finance copy writes it: ¥1,005.50 → 壹仟零伍元伍角整. */
export function yuanInWords(yuan: number): string {
  const fen = Math.abs(cents(yuan));
  if (fen === 0) return '零元整';
  let whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  const groups: number[] = [];
  for (; whole > 0; whole = Math.floor(whole / 10_000)) groups.push(whole % 10_000);
  let s = '';
  for (let g = groups.length - 1; g >= 0; g--) {
    if (groups[g] === 0) continue;
    // A gap inside the number is read as one 零: 100,500 → 壹拾万零伍佰.
    if (s && (groups[g] < 1000 || groups[g + 1] === 0)) s += '零';
    s += fourDigits(groups[g]) + ['', '万', '亿', '万亿'][g];
  }
  if (s) s += '元';
  if (jiao) s += DIGITS[jiao] + '角';
  else if (s && f) s += '零';
  return (cents(yuan) < 0 ? '负' : '') + s + (f ? DIGITS[f] + '分' : '整');
}
