/** Entry: start the studio (URL settings, workers, built-in dataset), then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startStudio } from './state/studio';
import { App } from './ui/App';
import { LANGUAGES } from './ui/i18n/translate';
import './ui/styles.css';

startStudio(window.location.search, LANGUAGES);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
