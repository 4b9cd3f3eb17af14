// First: its reads start before React DOM is evaluated.
import { openingPage } from './first-reads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The opening page renders once its chunk, and its first data, are here rather than behind a "Loading…".
void openingPage.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
