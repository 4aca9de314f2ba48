import { describe, expect, it } from 'vitest';
import { foldSheet } from '../../shared/isonen/fold';
import { packRoster, unpackRoster } from './roster';
import { baseline, sheetOf } from './testSheets';

const people = foldSheet(sheetOf(baseline), { eventId: 'e1' }).participants;

describe('roster', () => {
  it('keeps what search and the result list read of every participant', () => {
    const people2 = people.map((p, i) => ({
      ...p,
      bib: `${100 + i}`,
      consents: { ...p.consents, video: 'no' as const },
    }));
    const packed = packRoster(people2);
    const back = unpackRoster(
      { eventId: 'e1', stamp: 's', count: people2.length, people: packed },
      'e1',
    );
    expect(back).toHaveLength(people2.length);
    for (const [i, p] of people2.entries()) {
      const r = back?.[i];
      expect(r).toMatchObject({
        id: p.id,
        eventId: 'e1',
        personId: p.personId,
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: p.birthDate,
        club: p.club,
        status: p.status,
        bib: p.bib,
        chip: p.chip,
        revision: p.revision,
        updatedAt: p.updatedAt,
        consents: p.consents,
      });
      expect(r?.registrations.map((x) => x.registrationId)).toEqual(
        p.registrations.map((x) => x.registrationId),
      );
      expect(
        r?.entries.map((e) => [e.registrationId, e.className, e.status]),
      ).toEqual(
        p.entries.map((e) => [e.registrationId, e.className, e.status]),
      );
    }
  });

  it('is not used for another event or when its count does not match', () => {
    const packed = packRoster(people);
    const doc = { eventId: 'e1', stamp: 's', count: people.length };
    expect(unpackRoster({ ...doc, people: packed }, 'e2')).toBeNull();
    expect(
      unpackRoster({ ...doc, count: people.length + 1, people: packed }, 'e1'),
    ).toBeNull();
    expect(unpackRoster({ ...doc, people: '[["x"]]' }, 'e1')).toBeNull();
  });
});
