// The desk contract over IPC. Each request name is one `ipcMain.handle`
// channel; before anything runs, the sender must be the main frame of our
// own page (an iframe or a page that navigated elsewhere gets nothing).

import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
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

/**
 * One emit per window (web contents), made on its first request and kept:
 * handlers that remember who subscribed ('devices:subscribe') recognise
 * the same window asking again, so a page visited twice or reloaded gets
 * each event once, not once per request it ever made.
 */
export const createEmitters = () => {
  const emitters = new WeakMap<WebContents, EmitDeskEvent>();
  return (sender: WebContents): EmitDeskEvent => {
    const known = emitters.get(sender);
    if (known) return known;
    const emit: EmitDeskEvent = (eventName, payload) => {
      if (!sender.isDestroyed()) sender.send(eventName, payload);
    };
    emitters.set(sender, emit);
    return emit;
  };
};

export const setupDeskIpc = (
  paths: AppPaths,
  handlers: DeskHandlers,
  log: Logger,
) => {
  const emitterOf = createEmitters();
  for (const name of deskRequestNames) {
    ipcMain.handle(name, (event, args: unknown) => {
      if (!fromOwnPage(paths, event)) {
        log.warn({ name }, 'refused a desk request from a foreign frame');
        return fail('forbidden-sender', `${name} is only for the desk page`);
      }
      return dispatchDeskRequest(handlers, name, args, emitterOf(event.sender));
    });
  }
};
