// Electron main: a short list of setup calls, one per concern. Everything
// that does real work lives in main/handlers and node/, which run and are
// tested without Electron.

import { join } from 'node:path';

import { app, type BrowserWindow, dialog } from 'electron';

import { addLogFile, moduleLogger } from '../../node/log';
import { readSheet } from '../../node/xlsx/readSheet';
import { createDeskHandlers } from '../handlers/deskHandlers';
import { setupContentSecurity } from './contentSecurity';
import { electronDataKey } from './dataKey';
import { electronEventKeys } from './eventKeys';
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

/**
 * The desk window's page as it prints (print.css shows the list's print
 * view alone) to PDF bytes, for a list printed into the exports folder.
 */
const printDeskToPdf = async (): Promise<Uint8Array> => {
  if (deskWindow === null) throw new Error('The desk window is closed');
  return deskWindow.webContents.printToPDF({
    pageSize: 'A4',
    printBackground: false,
    displayHeaderFooter: false,
  });
};

/**
 * The passing journal, captures and devices.json live with the app data.
 * Loaded on demand: serialport's native binding is found next to its
 * package, which a bundle without node_modules lacks; the desk then runs
 * without devices and says so, instead of failing to start.
 */
const openDevices = async () => {
  try {
    const { openDeviceService } = await import('../handlers/deviceService');
    const devices = await openDeviceService({
      dataDir: app.getPath('userData'),
      logger: moduleLogger('devices'),
    });
    app.on('will-quit', () => void devices.close());
    return devices;
  } catch (error) {
    log.error({ err: error }, 'timing devices unavailable');
    return undefined;
  }
};

const setupHandlers = async () => {
  const devices = await openDevices();
  const handlers = createDeskHandlers({
    devices: devices ? { service: devices } : {},
    shell: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    locale: app.getLocale(),
    readSheet,
    logger: moduleLogger('desk-handlers'),
    keys: {
      dataKey: electronDataKey(app.getPath('userData')),
      eventKeys: electronEventKeys(app.getPath('userData')),
    },
    retention: {
      dataDir: app.getPath('userData'),
      logger: moduleLogger('retention'),
    },
    exports: {
      dataDir: app.getPath('userData'),
      logger: moduleLogger('exports'),
      choosePath: chooseExportPath,
      printToPdf: printDeskToPdf,
    },
    results: {
      dataDir: app.getPath('userData'),
      logger: moduleLogger('results'),
      ...(devices ? { sendToDevice: devices.send } : {}),
    },
  });
  setupDeskIpc(paths, handlers, log);
};

if (setupSingleInstance(() => deskWindow)) {
  setupNavigationLock(paths, log);
  app.whenReady().then(async () => {
    setupLogFile();
    setupContentSecurity(paths);
    setupPermissionDenial(log);
    await setupHandlers();
    setupWindows();
    log.info({ version: app.getVersion() }, 'desk started');
  });
}
