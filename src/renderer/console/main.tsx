import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../src/i18n';
import '../src/styles.css';
import './console.css';
import { ConsoleApp } from './app';

const root = document.getElementById('root');
if (root) {
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <ConsoleApp />
      </StrictMode>,
    ),
  );
}
