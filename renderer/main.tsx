// First: its reads start before React DOM is evaluated.
import { openingPage } from './first-reads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A page other than Fleet renders once its chunk is here rather than behind a "Loading…" fallback.
void openingPage.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
