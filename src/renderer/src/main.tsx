import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client';
import { App } from './app';
import { initI18n } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  const api = createApi();
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    ),
  );
}
