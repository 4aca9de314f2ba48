import { BrowserWindow, dialog } from 'electron';

import type { AppPaths } from './paths';

/** The desk window, hardened: the page reaches main only via the preload. */
export const createDeskWindow = (paths: AppPaths): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Racedesk',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The page refuses to unload while operations wait to be pushed
  // (renderer/features/sync/useCloseWarning.ts); Electron would then keep
  // the window open without a word, so ask. The page's language is not
  // known here: both.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Lukk likevel / Close anyway', 'Avbryt / Cancel'],
      defaultId: 1,
      cancelId: 1,
      message:
        'Endringer venter på å bli sendt til sentraltjenesten. ' +
        'Changes are waiting to be sent to the central service.',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadFile(paths.rendererIndex);
  return window;
};
