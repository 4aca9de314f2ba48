// The desk window shows our page and nothing else: no navigation away, no
// new windows, no permission prompts (camera, geolocation, notifications…).
// The desk has no links to the web, so nothing is handed to a browser
// either.

import { app, session } from 'electron';

import type { Logger } from '../../node/log';
import { type AppPaths, isOwnPage } from './paths';

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
    contents.setWindowOpenHandler(() => {
      log.warn('blocked a new window');
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
