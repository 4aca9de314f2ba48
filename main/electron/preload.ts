// Runs in the sandboxed preload: exposes the desk contract, and only it, as
// window.racedesk. Unknown names never reach ipcRenderer, so the page cannot
// use this bridge to call channels that other code may have registered.

import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

import {
  type DeskApi,
  type DeskEventName,
  type DeskEvents,
  deskEventNames,
  deskRequestNames,
} from '../../shared/contract/desk';
import { fail } from '../../shared/contract/result';

const requestNames: ReadonlySet<string> = new Set(deskRequestNames);
const eventNames: ReadonlySet<string> = new Set(deskEventNames);

const deskApi = {
  invoke: (name, args) =>
    requestNames.has(name)
      ? ipcRenderer.invoke(name, args)
      : Promise.resolve(
          fail('unknown-request', `No desk request is named ${name}`),
        ),
  on: <K extends DeskEventName>(
    name: K,
    listener: (payload: DeskEvents[K]) => void,
  ) => {
    if (!eventNames.has(name)) {
      return () => {};
    }
    const forward = (_event: IpcRendererEvent, payload: DeskEvents[K]) =>
      listener(payload);
    ipcRenderer.on(name, forward);
    return () => {
      ipcRenderer.removeListener(name, forward);
    };
  },
} satisfies DeskApi;

contextBridge.exposeInMainWorld('racedesk', deskApi);
