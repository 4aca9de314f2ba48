// The desk contract over IPC. Each request name is one `ipcMain.handle`
// channel; before anything runs, the sender must be the main frame of our
// own page (an iframe or a page that navigated elsewhere gets nothing).

import { type IpcMainInvokeEvent, ipcMain } from 'electron';
import type { Logger } from '../../node/log';
import {
  type DeskHandlers,
  deskRequestNames,
} from '../../shared/contract/desk';
import { fail } from '../../shared/contract/result';
import { dispatchDeskRequest, type EmitDeskEvent } from '../handlers/dispatch';
import { type AppPaths, isOwnPage } from './paths';

const fromOwnPage = (paths: AppPaths, event: IpcMainInvokeEvent) => {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOwnPage(paths, frame.url);
};

export const setupDeskIpc = (
  paths: AppPaths,
  handlers: DeskHandlers,
  log: Logger,
) => {
  for (const name of deskRequestNames) {
    ipcMain.handle(name, (event, args: unknown) => {
      if (!fromOwnPage(paths, event)) {
        log.warn({ name }, 'refused a desk request from a foreign frame');
        return fail('forbidden-sender', `${name} is only for the desk page`);
      }
      const emit: EmitDeskEvent = (eventName, payload) => {
        if (!event.sender.isDestroyed()) {
          event.sender.send(eventName, payload);
        }
      };
      return dispatchDeskRequest(handlers, name, args, emit);
    });
  }
};
