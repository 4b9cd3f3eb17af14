import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { getClient } from './api';
import { preloadPage } from './pages/PageView';
import { routeFromHash } from './stores/ui';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The socket's handshake starts before anything renders, and a page other than Fleet renders once its chunk is
// here rather than behind a "Loading…" fallback: both are on the way to the first data (ui_first_data_ms,
// ui_map_first_paint_ms).
getClient();
void preloadPage(routeFromHash(window.location.hash)).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
