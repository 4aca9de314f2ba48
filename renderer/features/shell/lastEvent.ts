// The desk reopens the event it had open last, per machine.

const storageKey = 'racedesk:lastEventId';

export const rememberEvent = (eventId: string): void => {
  window.localStorage.setItem(storageKey, eventId);
};

export const lastEventId = (): string | null =>
  window.localStorage.getItem(storageKey);
