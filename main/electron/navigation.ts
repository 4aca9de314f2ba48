// The desk window shows our page and nothing else: no navigation away, no
// new windows, no permission prompts (camera, geolocation, notifications…).
// A link to the web opens in the system browser only if it is https.

import { app, session, shell } from 'electron';

import type { Logger } from '../../node/log';
import { type AppPaths, isOwnPage } from './paths';

const openExternally = (url: string) => {
  if (url.startsWith('https://')) {
    void shell.openExternal(url);
  }
};

export const setupNavigationLock = (paths: AppPaths, log: Logger) => {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(paths, url)) {
        event.preventDefault();
        log.warn('blocked navigation away from the desk page');
      }
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
  });
};

export const setupPermissionDenial = (log: Logger) => {
  const desk = session.defaultSession;
  desk.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'denied a permission request');
    callback(false);
  });
  desk.setPermissionCheckHandler(() => false);
};
