// The signed-in operator survives a reload of the window (sessionStorage),
// not a restart; a locked desk stays locked through a reload. The idle time
// is a setting of the machine (localStorage).

export type StoredSession = { login: string; name: string; locked: boolean };

const sessionKey = 'racedesk:operatorSession';
const idleKey = 'racedesk:idleMinutes';
export const defaultIdleMinutes = 10;

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

export const readIdleMinutes = (): number => {
  const value = Number(window.localStorage.getItem(idleKey));
  return window.localStorage.getItem(idleKey) !== null &&
    Number.isInteger(value) &&
    value >= 0
    ? value
    : defaultIdleMinutes;
};

export const writeIdleMinutes = (minutes: number): void => {
  window.localStorage.setItem(idleKey, String(minutes));
};
