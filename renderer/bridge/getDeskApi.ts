// How the renderer reaches the process around it: the Electron preload when
// it exposed window.racedesk, else the web host's WebSocket, whose address
// is this page's own origin and whose token the host put in index.html.

import type { DeskApi } from '../../shared/contract/desk';
import { createHostClient, type HostClient } from './hostClient';
import { openBrowserSocket } from './socket';
import { unavailableDeskApi } from './unavailableDeskApi';
import { deskSocketPath, tokenMetaName } from './wire';

let deskApi: Promise<DeskApi> | undefined;

const hostToken = (): string | null =>
  document
    .querySelector(`meta[name="${tokenMetaName}"]`)
    ?.getAttribute('content') ?? null;

/** The web host's socket address for this page, or null without a host. */
export const hostSocketUrl = (): string | null => {
  const token = hostToken();
  if (token === null || token === '') {
    return null;
  }
  const url = new URL(deskSocketPath, window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('token', token);
  return url.toString();
};

const connectToHost = (url: string): HostClient =>
  createHostClient({ url, openSocket: openBrowserSocket });

const resolveDeskApi = async (): Promise<DeskApi> => {
  if (window.racedesk !== undefined) {
    return window.racedesk;
  }
  const url = hostSocketUrl();
  if (url === null) {
    return unavailableDeskApi(
      'this page was not opened by the desk app or its web host',
    );
  }
  return connectToHost(url);
};

/** The desk contract for this page; one connection, shared. */
export const getDeskApi = (): Promise<DeskApi> => {
  deskApi ??= resolveDeskApi();
  return deskApi;
};
