import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';

import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openOperatorDirectory } from './access/operatorDirectory';
import { initI18n } from './i18n/i18n';
import { openDeskStore } from './store';
import { theme } from './ui/theme';

const root = document.getElementById('root');

// One store per page, even when StrictMode runs the opening effect twice.
let opening: ReturnType<typeof openDeskStore> | undefined;
const openStore = () => {
  opening ??= openDeskStore();
  return opening;
};
let directory: ReturnType<typeof openOperatorDirectory> | undefined;
const openDirectory = () => {
  directory ??= openOperatorDirectory();
  return directory;
};

if (root) {
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <App openStore={openStore} openDirectory={openDirectory} />
      </MantineProvider>
    </StrictMode>,
  );
}
