// AR-04: lists, exports and look-ups show personal numbers masked; the full value only on a detail
// view of a role that needs it. One presenter for the server's lists and the web's own displays.

/** 138****1234: the first 3 and last 4 characters; short values keep only their last 2. */
export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  if (value.length <= 7) return value.replace(/.(?=.{2})/g, '*');
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 3101**********1234: an ID number keeps its first 4 and last 4 characters. */
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  if (value.length <= 8) return value.replace(/.(?=.{2})/g, '*');
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}
