// Exact-key lookups for scanning: registration id, person id and bib to
// participants. Nearly every key names one participant, so a key holds a
// plain id and becomes a list only when shared; a Set per key cost more
// than the rest of an index build for 50,000 people.

import type { ParticipantView } from '../desk/state';

export type KeyIndex = {
  add(key: string, id: string): void;
  remove(key: string, id: string): void;
  get(key: string): readonly string[];
};

export const createKeyIndex = (): KeyIndex => {
  const ids = new Map<string, string | string[]>();
  return {
    add(key, id) {
      if (key === '') return;
      const known = ids.get(key);
      if (known === undefined) ids.set(key, id);
      else if (typeof known === 'string') {
        if (known !== id) ids.set(key, [known, id]);
      } else if (!known.includes(id)) known.push(id);
    },
    remove(key, id) {
      const known = ids.get(key);
      if (known === id) ids.delete(key);
      else if (Array.isArray(known)) {
        const rest = known.filter((other) => other !== id);
        if (rest.length === 1) ids.set(key, rest[0] ?? '');
        else ids.set(key, rest);
      }
    },
    get(key) {
      const known = ids.get(key);
      if (known === undefined) return [];
      return typeof known === 'string' ? [known] : known;
    },
  };
};

export type ScanKeys = {
  registrations: KeyIndex;
  persons: KeyIndex;
  bibs: KeyIndex;
};

export const createScanKeys = (): ScanKeys => ({
  registrations: createKeyIndex(),
  persons: createKeyIndex(),
  bibs: createKeyIndex(),
});

type Change = 'add' | 'remove';

/** Adds or removes every scan key of one participant. */
export const updateScanKeys = (
  keys: ScanKeys,
  view: ParticipantView,
  change: Change,
) => {
  const { participant, state } = view;
  const id = participant.id;
  for (const registration of participant.registrations) {
    keys.registrations[change](registration.registrationId, id);
  }
  for (const entry of participant.entries) {
    keys.registrations[change](entry.registrationId, id);
  }
  keys.persons[change](participant.personId, id);
  keys.bibs[change](state.bib, id);
};
