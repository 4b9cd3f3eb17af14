import { useEffect, useState } from 'react';

import type { RigOptions } from '../../shared/control';
import { getClient } from '../api';
import { messageOf } from './run';

type Read = { key: string; rigs: RigOptions[] | null; error: string | null };

/** The rigs' `control.options`, read when the rigs change; null while loading (or after a failed read). */
export function useRigOptions(rigIds: readonly string[]): {
  options: RigOptions[] | null;
  error: string | null;
} {
  const key = rigIds.join(',');
  const [read, setRead] = useState<Read>({ key: '', rigs: null, error: null });
  useEffect(() => {
    let on = true;
    if (key === '') return;
    getClient()
      .call('control.options', { rigIds: key.split(',') })
      .then(({ rigs }) => on && setRead({ key, rigs, error: null }))
      .catch((e: unknown) => on && setRead({ key, rigs: null, error: messageOf(e) }));
    return () => {
      on = false;
    };
  }, [key]);
  // An answer for other rigs (the selection changed since) is not shown for these.
  return read.key === key ? { options: read.rigs, error: read.error } : { options: null, error: null };
}
