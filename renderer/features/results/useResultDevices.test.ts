// Which devices results can go to: connected ones only, a display board
// kind first for the board and the Timy first for the printer, else the
// first connected device (the board may sit on any line that takes lines).

import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot } from '../../../shared/contract/devices';
import {
  isConnected,
  isDisplayBoard,
  preferredDevice,
  sameForResults,
} from './useResultDevices';

const device = (
  id: string,
  protocol: string,
  state: DeviceSnapshot['status']['state'] = 'connected',
): DeviceSnapshot =>
  ({
    setup: { id, protocol },
    status:
      state === 'connected'
        ? { state, path: `/dev/${id}`, baudRate: 9600, sinceMs: 0 }
        : state === 'reading'
          ? { state, path: `/dev/${id}`, what: 'memory-dump', sinceMs: 0 }
          : { state: 'unplugged', sinceMs: 0, retryInMs: 1000 },
    capturePath: '',
    passings: 0,
    badFrames: 0,
  }) as DeviceSnapshot;

describe('result devices', () => {
  it('counts connected and reading devices, not unplugged ones', () => {
    expect(
      [
        device('a', 'sportident'),
        device('b', 'alge-timy', 'reading'),
        device('c', 'alge-timy', 'unplugged'),
      ]
        .filter(isConnected)
        .map((d) => d.setup.id),
    ).toEqual(['a', 'b']);
  });

  it('offers a display board kind first for the board, else the first device', () => {
    const devices = [
      device('finish', 'sportident'),
      device('timy', 'alge-timy'),
    ];
    expect(preferredDevice(devices, isDisplayBoard)).toBe('finish');
    expect(
      preferredDevice(
        [...devices, device('tavle', 'alge-board')],
        isDisplayBoard,
      ),
    ).toBe('tavle');
    expect(
      preferredDevice(devices, (d) => d.setup.protocol === 'alge-timy'),
    ).toBe('timy');
    expect(preferredDevice([], isDisplayBoard)).toBe('');
  });

  it('ignores a passing count but not a connection or protocol change', () => {
    const before = device('a', 'alge-timy');
    expect(sameForResults(before, { ...before, passings: 41 })).toBe(true);
    expect(sameForResults(before, device('a', 'alge-timy', 'reading'))).toBe(
      true,
    );
    expect(sameForResults(before, device('a', 'alge-timy', 'unplugged'))).toBe(
      false,
    );
    expect(sameForResults(before, device('a', 'alge-board'))).toBe(false);
  });
});
