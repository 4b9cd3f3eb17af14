import { useState } from 'react';

import { getClient } from '../api';
import { useFleetStore } from '../stores/fleet';

/** The miner web password for the whole fleet (a rig's own password, set on its page, wins over it). */
export function DefaultPassword({
  isSet,
  run,
}: {
  isSet: boolean;
  run: (a: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [value, setValue] = useState('');
  return (
    <form
      className="inline default-password"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => getClient().call('fleet.setPassword', { rigId: null, password: value })).then((ok) => {
          if (ok) setValue('');
          return useFleetStore.getState().load();
        });
      }}
    >
      <label htmlFor="default-password">Miner password for the whole fleet</label>
      <input
        id="default-password"
        type="password"
        autoComplete="new-password"
        placeholder={isSet ? 'set; type to replace' : 'not set (admin)'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="small" disabled={value.length === 0}>
        Save
      </button>
    </form>
  );
}
