/** Entry: start the studio (URL settings, workers, built-in dataset), then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startStudio } from './state/studio';
import { App } from './ui/App';
import './ui/styles.css';

startStudio(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
