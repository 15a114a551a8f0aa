import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigApp } from './ConfigApp';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigApp />
    </StrictMode>,
  );
}
