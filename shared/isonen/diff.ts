// What a re-import of the export changes in the stored participants. The
// file is the source of the registration data; what is stored but no longer
// in the file is kept and reported (a person removed centrally is erased
// through its own path, not by a file that happens to lack a row).

import type { Participant } from '../domain/participant';
import type { ImportDiff } from './preview';

// Bookkeeping that changes without the registration data changing: the
// revision and time stamp, and the row an entry came from (a new row early
// in the file moves every row below it).
const ignoredKeys = new Set(['revision', 'updatedAt', 'sourceRow']);

const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    return a.every((item, index) => sameValue(item, b[index]));
  }

  const left = Object.entries(a).filter(([key]) => !ignoredKeys.has(key));
  const right = new Map(
    Object.entries(b).filter(([key]) => !ignoredKeys.has(key)),
  );
  if (left.length !== right.size) return false;
  return left.every(
    ([key, value]) => right.has(key) && sameValue(value, right.get(key)),
  );
};

/** Equal in everything but revision, time stamp and source rows. */
export const sameRegistrationData = (a: Participant, b: Participant) =>
  sameValue(a, b);

export const diffParticipants = (
  stored: readonly Participant[],
  incoming: readonly Participant[],
): ImportDiff => {
  const storedById = new Map(stored.map((p) => [p.id, p]));
  const incomingIds = new Set<string>();
  const diff: ImportDiff = {
    added: [],
    changed: [],
    deregistered: [],
    unchanged: [],
    missing: [],
  };

  for (const next of incoming) {
    incomingIds.add(next.id);
    const before = storedById.get(next.id);
    if (!before) {
      diff.added.push(next.id);
    } else if (sameRegistrationData(before, next)) {
      diff.unchanged.push(next.id);
    } else if (before.status === 'active' && next.status === 'deregistered') {
      diff.deregistered.push(next.id);
    } else {
      diff.changed.push(next.id);
    }
  }
  for (const before of stored) {
    if (!incomingIds.has(before.id)) diff.missing.push(before.id);
  }

  return diff;
};

/**
 * The documents a re-import writes: new participants at revision 1, and
 * changed ones with the next revision and `now`. Unchanged and missing
 * participants are not written, so their revisions stay put.
 */
export const mergeForUpdate = (
  stored: readonly Participant[],
  incoming: readonly Participant[],
  now: string,
): Participant[] => {
  const storedById = new Map(stored.map((p) => [p.id, p]));
  const writes: Participant[] = [];

  for (const next of incoming) {
    const before = storedById.get(next.id);
    if (!before) {
      writes.push({ ...next, revision: 1, updatedAt: now });
    } else if (!sameRegistrationData(before, next)) {
      writes.push({ ...next, revision: before.revision + 1, updatedAt: now });
    }
  }

  return writes;
};
