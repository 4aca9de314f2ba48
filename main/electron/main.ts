// Electron main: a short list of setup calls, one per concern. Everything
// that does real work lives in main/handlers and node/, which run and are
// tested without Electron.

import { join } from 'node:path';

import { app, type BrowserWindow, dialog } from 'electron';

import { addLogFile, moduleLogger } from '../../node/log';
import { readSheet } from '../../node/xlsx/readSheet';
import { createDeskHandlers } from '../handlers/deskHandlers';
import { setupContentSecurity } from './contentSecurity';
import { setupDeskIpc } from './ipc';
import { setupNavigationLock, setupPermissionDenial } from './navigation';
import { appPaths } from './paths';
import { setupSingleInstance } from './singleInstance';
import { createDeskWindow } from './window';

const log = moduleLogger('electron');
const paths = appPaths(__dirname);
let deskWindow: BrowserWindow | null = null;

const setupLogFile = () => {
  addLogFile(join(app.getPath('logs'), 'racedesk.log'));
};

const setupWindows = () => {
  deskWindow = createDeskWindow(paths);
  deskWindow.on('closed', () => {
    deskWindow = null;
  });
  app.on('window-all-closed', () => app.quit());
};

/** The save dialog, starting in the data folder's exports/. */
const chooseExportPath = async (suggested: string) => {
  const options = {
    defaultPath: suggested,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  };
  const chosen = deskWindow
    ? await dialog.showSaveDialog(deskWindow, options)
    : await dialog.showSaveDialog(options);
  return chosen.canceled || chosen.filePath === '' ? null : chosen.filePath;
};

const setupHandlers = () => {
  const handlers = createDeskHandlers({
    shell: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    locale: app.getLocale(),
    readSheet,
    logger: moduleLogger('desk-handlers'),
    exports: {
      dataDir: app.getPath('userData'),
      logger: moduleLogger('exports'),
      choosePath: chooseExportPath,
    },
  });
  setupDeskIpc(paths, handlers, log);
};

if (setupSingleInstance(() => deskWindow)) {
  setupNavigationLock(paths, log);
  app.whenReady().then(() => {
    setupLogFile();
    setupContentSecurity(paths);
    setupPermissionDenial(log);
    setupHandlers();
    setupWindows();
    log.info({ version: app.getVersion() }, 'desk started');
  });
}
