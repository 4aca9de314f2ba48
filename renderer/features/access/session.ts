// The signed-in operator survives a reload of the window (sessionStorage),
// not a restart; a locked desk stays locked through a reload. The idle time
// is a setting of the machine (localStorage), from 1 minute to an hour:
// the lock cannot be turned off, nor set so long that a laptop left in a
// club house stays open all afternoon.

import { fail, ok, type Result } from '../../../shared/contract/result';

export type StoredSession = { login: string; name: string; locked: boolean };

const sessionKey = 'racedesk:operatorSession';
const idleKey = 'racedesk:idleMinutes';
export const defaultIdleMinutes = 10;
export const minIdleMinutes = 1;
export const maxIdleMinutes = 60;

export const readSession = (): StoredSession | null => {
  try {
    const parsed: unknown = JSON.parse(
      window.sessionStorage.getItem(sessionKey) ?? 'null',
    );
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'login' in parsed &&
      'name' in parsed &&
      'locked' in parsed &&
      typeof parsed.login === 'string' &&
      typeof parsed.name === 'string' &&
      typeof parsed.locked === 'boolean'
    ) {
      return { login: parsed.login, name: parsed.name, locked: parsed.locked };
    }
  } catch {
    // A damaged entry means no session: sign in again.
  }
  return null;
};

export const writeSession = (session: StoredSession | null): void => {
  if (session) {
    window.sessionStorage.setItem(sessionKey, JSON.stringify(session));
  } else {
    window.sessionStorage.removeItem(sessionKey);
  }
};

/** A whole number of minutes within the bounds, or why not. */
export const checkIdleMinutes = (minutes: number): Result<number> =>
  Number.isInteger(minutes) &&
  minutes >= minIdleMinutes &&
  minutes <= maxIdleMinutes
    ? ok(minutes)
    : fail(
        'invalid-idle-minutes',
        `The idle lock takes ${minIdleMinutes} to ${maxIdleMinutes} whole minutes, not ${minutes}`,
        { minutes, min: minIdleMinutes, max: maxIdleMinutes },
      );

/**
 * The stored setting; the default when there is none or it is not a
 * number, and the nearest bound when it is outside them (an older desk
 * stored 0 for no lock).
 */
export const idleMinutesOf = (stored: string | null): number => {
  const value = Number(stored);
  if (stored === null || stored.trim() === '' || !Number.isFinite(value)) {
    return defaultIdleMinutes;
  }
  return Math.min(maxIdleMinutes, Math.max(minIdleMinutes, Math.round(value)));
};

export const readIdleMinutes = (): number =>
  idleMinutesOf(window.localStorage.getItem(idleKey));

/** Stores the setting; refuses a value outside the bounds. */
export const writeIdleMinutes = (minutes: number): Result<number> => {
  const checked = checkIdleMinutes(minutes);
  if (checked.ok) window.localStorage.setItem(idleKey, String(minutes));
  return checked;
};
