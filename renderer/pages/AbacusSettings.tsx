import { useCallback, useEffect, useState } from 'react';

import type { AbacusStatus } from '../../shared/abacus';
import type { AbacusSettings as Plain } from '../../shared/abacus-settings';
import { getClient } from '../api';
import { Field } from '../components/Field';
import { useSettingsStore } from '../stores/settings';
import { AbacusStatusView } from './AbacusStatusView';

type Form = { enabled: boolean; baseUrl: string; deploymentId: string; featureGroupId: string };
const toForm = (a: Plain): Form => ({
  enabled: a.enabled,
  baseUrl: a.baseUrl,
  deploymentId: a.deploymentId,
  featureGroupId: a.featureGroupId,
});

const STATUS_EVERY_MS = 5_000;

/**
 * Abacus.AI (optional; docs/abacus.md): the ids and server are plain settings; the two tokens go to the
 * encrypted vault and never come back, so their fields are write-only and the page shows only "set" or not.
 */
export function AbacusSettings() {
  const abacus = useSettingsStore((s) => s.settings?.abacus);
  const { save, fieldErrors, saving } = useSettingsStore();
  const [draft, setDraft] = useState<Form | null>(null);
  const [tokens, setTokens] = useState({ deploymentToken: '', streamingToken: '' });
  const [status, setStatus] = useState<AbacusStatus | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  const refresh = useCallback(() => {
    getClient()
      .call('abacus.status')
      .then(setStatus, () => setStatus(null));
  }, []);
  useEffect(() => {
    refresh();
    const t = window.setInterval(refresh, STATUS_EVERY_MS);
    return () => window.clearInterval(t);
  }, [refresh]);

  if (!abacus) return null;
  const form = draft ?? toForm(abacus);
  const edit = (patch: Partial<Form>) => setDraft({ ...form, ...patch });
  const err = (k: keyof Form) => fieldErrors[`abacus.${k}`];

  const sendTokens = async (clear?: 'deployment' | 'streaming') => {
    try {
      const c = getClient();
      const next = clear
        ? await c.call('abacus.clearTokens', { tokens: [clear] })
        : await c.call('abacus.configure', {
            ...(tokens.deploymentToken.trim() ? { deploymentToken: tokens.deploymentToken.trim() } : {}),
            ...(tokens.streamingToken.trim() ? { streamingToken: tokens.streamingToken.trim() } : {}),
          });
      setStatus(next);
      setTokens({ deploymentToken: '', streamingToken: '' });
      setMessage({ text: clear ? `The ${clear} token was forgotten.` : 'Tokens saved.', ok: true });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), ok: false });
    }
  };

  const tokenField = (key: 'deploymentToken' | 'streamingToken', label: string, set: boolean | undefined) => (
    <div className="inline">
      <label htmlFor={`abacus-${key}`}>{label}</label>
      <input
        id={`abacus-${key}`}
        type="password"
        autoComplete="off"
        placeholder={set ? 'set; type to replace' : 'not set'}
        value={tokens[key]}
        onChange={(e) => setTokens({ ...tokens, [key]: e.target.value })}
      />
      <span className={set ? 'ok' : 'muted'} data-testid={`abacus-${key}-set`}>
        {set ? 'set' : 'not set'}
      </span>
      {set && (
        <button
          type="button"
          className="small secondary"
          onClick={() => void sendTokens(key === 'deploymentToken' ? 'deployment' : 'streaming')}
        >
          Clear
        </button>
      )}
    </div>
  );

  return (
    <section className="abacus-settings">
      <h2>Abacus.AI (optional)</h2>
      <p className="muted">
        Streams each rig&apos;s telemetry to your Abacus.AI feature group and adds your deployed model&apos;s
        suggestions to the recommendations, labelled Abacus.AI. Your account API key is never needed here.
      </p>
      {status && <AbacusStatusView status={status} />}
      <form
        className="settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save({ abacus: form }).then((ok) => {
            if (ok) setDraft(null);
            refresh();
          });
        }}
      >
        <label className="checkbox">
          <input
            type="checkbox"
            name="abacus-enabled"
            checked={form.enabled}
            onChange={(e) => edit({ enabled: e.target.checked })}
          />{' '}
          Use Abacus.AI
        </label>
        <Field
          label="Server"
          name="abacus-baseUrl"
          hint="https://api.abacus.ai, or a proxy."
          error={err('baseUrl')}
        >
          <input value={form.baseUrl} onChange={(e) => edit({ baseUrl: e.target.value })} />
        </Field>
        <Field
          label="Deployment id"
          name="abacus-deploymentId"
          hint="For predictions."
          error={err('deploymentId')}
        >
          <input value={form.deploymentId} onChange={(e) => edit({ deploymentId: e.target.value })} />
        </Field>
        <Field
          label="Feature group id"
          name="abacus-featureGroupId"
          hint="The streaming feature group for telemetry."
          error={err('featureGroupId')}
        >
          <input value={form.featureGroupId} onChange={(e) => edit({ featureGroupId: e.target.value })} />
        </Field>
        <div className="actions">
          <button type="submit" className="small" disabled={draft === null || saving}>
            Save Abacus.AI settings
          </button>
        </div>
      </form>
      <form
        className="abacus-tokens"
        onSubmit={(e) => {
          e.preventDefault();
          void sendTokens();
        }}
      >
        {tokenField('deploymentToken', 'Deployment token', status?.deploymentTokenSet)}
        {tokenField('streamingToken', 'Streaming token', status?.streamingTokenSet)}
        <button
          type="submit"
          className="small"
          disabled={!tokens.deploymentToken.trim() && !tokens.streamingToken.trim()}
        >
          Save tokens
        </button>
      </form>
      {message && (
        <p className={message.ok ? 'muted' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
