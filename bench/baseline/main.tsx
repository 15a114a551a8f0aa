// The smallest Fluent UI v9 page: the tab's bundle is measured against this (npm run bench).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Button appearance="primary">Hello</Button>
      </FluentProvider>
    </StrictMode>,
  );
}
