// The preload with Electron's runtime replaced by recorders: what the page
// gets, and that only contract names reach ipcRenderer.

import { beforeAll, describe, expect, it, vi } from 'vitest';

import type { DeskApi } from '../../shared/contract/desk';

const exposed = new Map<string, unknown>();
const invoked: string[] = [];
const subscribed: string[] = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string) => {
      invoked.push(channel);
      return { ok: true, value: channel };
    },
    on: (channel: string) => subscribed.push(channel),
    removeListener: () => {},
  },
}));

let api: DeskApi;

beforeAll(async () => {
  await import('./preload');
  // The recorder holds what the preload exposed, which `satisfies DeskApi`.
  api = exposed.get('racedesk') as DeskApi;
});

describe('preload', () => {
  it('exposes only invoke and on, as window.racedesk', () => {
    expect([...exposed.keys()]).toEqual(['racedesk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards a contract request to its channel', async () => {
    expect(await api.invoke('app:info', {})).toEqual({
      ok: true,
      value: 'app:info',
    });
    expect(invoked).toEqual(['app:info']);
  });

  it('answers an unknown name itself, without touching IPC', async () => {
    const invoke = api.invoke as (name: string, args: unknown) => unknown;
    expect(await invoke('fs:read', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
    expect(invoked).not.toContain('fs:read');
  });

  it('subscribes to contract events only', () => {
    const on = api.on as (name: string, listener: () => void) => () => void;
    on('import:progress', () => {});
    on('shell:output', () => {});
    expect(subscribed).toEqual(['import:progress']);
  });
});
