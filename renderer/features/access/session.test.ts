// The idle lock's bounds (session.ts): it cannot be turned off or set
// longer than an hour, neither through the setting nor by what an older
// desk left in localStorage. A Map stands in for the window's storage.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  checkIdleMinutes,
  defaultIdleMinutes,
  idleMinutesOf,
  maxIdleMinutes,
  minIdleMinutes,
  readIdleMinutes,
  writeIdleMinutes,
} from './session';

const stored = new Map<string, string>();
const fakeWindow = {
  localStorage: {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  },
};

beforeEach(() => {
  stored.clear();
  Reflect.set(globalThis, 'window', fakeWindow);
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('the idle lock setting', () => {
  it('is from 1 minute to an hour', () => {
    expect(minIdleMinutes).toBe(1);
    expect(maxIdleMinutes).toBe(60);
  });

  it('takes whole minutes within the bounds and refuses the rest', () => {
    for (const minutes of [1, 10, 60]) {
      expect(checkIdleMinutes(minutes), String(minutes)).toEqual({
        ok: true,
        value: minutes,
      });
    }
    for (const minutes of [0, -5, 61, 240, 2.5, Number.NaN]) {
      const checked = checkIdleMinutes(minutes);
      expect(checked.ok, String(minutes)).toBe(false);
      expect(checked.ok ? '' : checked.error.code).toBe('invalid-idle-minutes');
    }
  });

  it('stores only what it takes', () => {
    expect(writeIdleMinutes(15)).toEqual({ ok: true, value: 15 });
    expect(readIdleMinutes()).toBe(15);

    expect(writeIdleMinutes(0).ok).toBe(false);
    expect(writeIdleMinutes(600).ok).toBe(false);

    expect(readIdleMinutes()).toBe(15);
  });

  it('reads a stored value outside the bounds as the nearest bound, and nothing as the default', () => {
    expect(readIdleMinutes()).toBe(defaultIdleMinutes);
    // An older desk stored 0 for "never lock".
    stored.set('racedesk:idleMinutes', '0');
    expect(readIdleMinutes()).toBe(minIdleMinutes);
    stored.set('racedesk:idleMinutes', '240');
    expect(readIdleMinutes()).toBe(maxIdleMinutes);
    expect(idleMinutesOf('-3')).toBe(minIdleMinutes);
    expect(idleMinutesOf('ten')).toBe(defaultIdleMinutes);
    expect(idleMinutesOf('')).toBe(defaultIdleMinutes);
    expect(idleMinutesOf('25')).toBe(25);
  });
});
