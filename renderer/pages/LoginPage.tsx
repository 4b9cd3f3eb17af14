import { useState } from 'react';

import { useConnectionStore } from '../stores/connection';

export function LoginPage() {
  const [password, setPassword] = useState('');
  const { login, loginError, loggingIn } = useConnectionStore();
  return (
    <section className="page login">
      <h1>Log in to RigDeck</h1>
      <p className="muted">This server is protected by a password (set with npm run rigdeck -- passwd).</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void login(password);
        }}
      >
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={loginError ? true : undefined}
          />
        </label>
        {loginError && (
          <p className="error" role="alert">
            {loginError}
          </p>
        )}
        <button type="submit" disabled={loggingIn || password.length === 0}>
          {loggingIn ? 'Checking…' : 'Log in'}
        </button>
      </form>
    </section>
  );
}
