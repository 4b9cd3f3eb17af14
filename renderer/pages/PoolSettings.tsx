import { useEffect, useState } from 'react';

import { PROHASHING_REST_URL, PROHASHING_WS_URL } from '../../shared/pool';
import { getClient } from '../api';
import { Field } from '../components/Field';
import { useSettingsStore } from '../stores/settings';
import { type PoolAction, type PoolHealth, poolNotice } from './pool-notice';

/**
 * ProHashing: the account name and endpoints are ordinary settings; the API key goes to the encrypted vault and
 * never comes back, so the form only says whether one is set and how the connection is doing.
 */
export function PoolSettings() {
  const pool = useSettingsStore((s) => s.settings?.pool);
  const { save, fieldErrors } = useSettingsStore();
  const [key, setKey] = useState('');
  const [account, setAccount] = useState<string | null>(null);
  const [restUrl, setRestUrl] = useState<string | null>(null);
  const [wsUrl, setWsUrl] = useState<string | null>(null);
  const [health, setHealth] = useState<PoolHealth | null>(null);
  const [action, setAction] = useState<PoolAction | null>(null);

  useEffect(() => {
    const c = getClient();
    const show = (v: {
      configured: boolean;
      state: { health: { apiKey: string; live: { state: string; lastError: { message: string } | null } } };
    }) =>
      setHealth({
        configured: v.configured,
        apiKey: v.state.health.apiKey,
        live: v.state.health.live.state,
        error: v.state.health.live.lastError?.message ?? null,
      });
    c.call('pool.state').then(show, () => setHealth(null));
    return c.on('pool.changed', show);
  }, []);

  if (!pool) return null;
  const configure = async (apiKey: string | null) => {
    try {
      const r = await getClient().call('pool.configure', { apiKey });
      setKey('');
      setAction({ kind: r.configured ? 'saved' : 'forgotten' });
    } catch (e) {
      setAction({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };
  const notice = poolNotice(health, action);

  return (
    <section className="pool-settings">
      <h2>ProHashing</h2>
      <p className={`notice tone-${notice.tone}`} role="status" data-testid="pool-status">
        {notice.text}
      </p>
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ pool: { accountName: account ?? pool.accountName } }).then(
            (ok) => ok && setAccount(null),
          );
        }}
      >
        <Field label="Account name" name="pool-account" error={fieldErrors['pool.accountName']}>
          <input value={account ?? pool.accountName} onChange={(e) => setAccount(e.target.value)} />
        </Field>
        <div className="actions">
          <button type="submit" className="small" disabled={account === null}>
            Save account
          </button>
        </div>
      </form>
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          void configure(key);
        }}
      >
        <Field label="API key" name="pool-key" hint="Stored encrypted; never shown again.">
          <input
            type="password"
            autoComplete="off"
            placeholder={health?.configured ? 'set; type to replace' : 'from your ProHashing account page'}
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="small" disabled={key.trim().length === 0}>
            Save key
          </button>
          {health?.configured && (
            <button type="button" className="small secondary" onClick={() => void configure(null)}>
              Forget key
            </button>
          )}
        </div>
      </form>
      <details className="pool-endpoints">
        <summary>Advanced: endpoints</summary>
        <p className="muted">
          Where RigDeck reaches ProHashing: the real pool by default, or a proxy, or the demo farm’s fake
          pool.
        </p>
        <form
          className="settings"
          onSubmit={(e) => {
            e.preventDefault();
            void save({
              pool: { restUrl: restUrl ?? pool.restUrl, wsUrl: wsUrl ?? pool.wsUrl },
            }).then((ok) => {
              if (!ok) return;
              setRestUrl(null);
              setWsUrl(null);
            });
          }}
        >
          <div className={`field${fieldErrors['pool.restUrl'] ? ' invalid' : ''}`}>
            <label htmlFor="pool-rest-url">REST endpoint</label>
            <input
              id="pool-rest-url"
              value={restUrl ?? pool.restUrl}
              onChange={(e) => setRestUrl(e.target.value)}
            />
            {fieldErrors['pool.restUrl'] && <small className="error">{fieldErrors['pool.restUrl']}</small>}
          </div>
          <div className={`field${fieldErrors['pool.wsUrl'] ? ' invalid' : ''}`}>
            <label htmlFor="pool-ws-url">Live (WebSocket) endpoint</label>
            <input id="pool-ws-url" value={wsUrl ?? pool.wsUrl} onChange={(e) => setWsUrl(e.target.value)} />
            {fieldErrors['pool.wsUrl'] && <small className="error">{fieldErrors['pool.wsUrl']}</small>}
          </div>
          <button type="submit" className="small" disabled={restUrl === null && wsUrl === null}>
            Save endpoints
          </button>
          <button
            type="button"
            className="small secondary"
            onClick={() => {
              setRestUrl(PROHASHING_REST_URL);
              setWsUrl(PROHASHING_WS_URL);
            }}
          >
            ProHashing’s own
          </button>
        </form>
      </details>
    </section>
  );
}
