import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `ms`, so typing does not fire a request per key. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
