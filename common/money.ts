// Money in yuan with two decimals (PS-03..PS-09): sums and comparisons go through whole fen, so
// 0.1 + 0.2 never lands beside 0.3; the screen shows ¥ with two decimals.
export const cents = (yuan: number) => Math.round(yuan * 100);
export const sumYuan = (values: number[]) => values.reduce((s, v) => s + cents(v), 0) / 100;
export const formatYuan = (yuan: number | null) => (yuan === null ? '—' : `¥${yuan.toFixed(2)}`);
