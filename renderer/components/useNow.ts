import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, so "last seen 12 s ago" keeps counting without new data. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(t);
  }, [everyMs]);
  return now;
}
