import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import type { ParticipantView } from '../desk/state';
import type { Participant } from '../domain/participant';
import {
  classIds,
  entrantsFromParticipants,
  entrantsFromViews,
  entryStartTime,
  firstStartDate,
  timingClasses,
} from './timingClasses';

const person = (id: string, fields: Partial<Participant> = {}) =>
  makeParticipant({ ...fields, id });

const names = (classes: ReturnType<typeof timingClasses>) =>
  classes.map((c) => [c.name, c.starts.map((s) => s.entrant.participant.id)]);

describe('timingClasses', () => {
  it('puts each active entry in the class of its class and exercise', () => {
    const kari = person('kari', {
      entries: [
        makeEntry({ className: 'K Senior', exercise: '5 km' }),
        makeEntry({ className: 'K Senior', exercise: '10 km' }),
      ],
    });
    const ola = person('ola', {
      entries: [makeEntry({ className: 'M Senior', exercise: '' })],
    });
    const classes = timingClasses(entrantsFromParticipants([kari, ola]));
    expect(names(classes)).toEqual([
      ['K Senior 5 km', ['kari']],
      ['K Senior 10 km', ['kari']],
      ['M Senior', ['ola']],
    ]);
  });

  it('leaves deregistered entries out of every class', () => {
    const gone = person('gone', {
      status: 'deregistered',
      entries: [makeEntry({ status: 'deregistered' })],
    });
    const half = person('half', {
      entries: [
        makeEntry({ exercise: '5 km', status: 'deregistered' }),
        makeEntry({ exercise: '10 km' }),
      ],
    });
    const classes = timingClasses(entrantsFromParticipants([gone, half]));
    expect(names(classes)).toEqual([['K 30-34 10 km', ['half']]]);
  });

  it('starts a person entered twice in a class once', () => {
    const twice = person('twice', {
      entries: [
        makeEntry({ registrationId: 'A' }),
        makeEntry({ registrationId: 'B' }),
      ],
    });
    const [only] = timingClasses(entrantsFromParticipants([twice]));
    expect(only?.starts.map((s) => s.entry.registrationId)).toEqual(['A']);
  });

  it('orders by bib as a number, people without a bib last', () => {
    const classes = timingClasses(
      entrantsFromParticipants([
        person('dahl', { bib: '', lastName: 'Dahl' }),
        person('ten', { bib: '10' }),
        person('berg', { bib: '', lastName: 'Berg' }),
        person('two', { bib: '2' }),
      ]),
    );
    expect(names(classes)).toEqual([
      ['K 30-34 10 km', ['two', 'ten', 'berg', 'dahl']],
    ]);
  });

  it('sorts names the Norwegian way: Aas (read as Ås) after Berg', () => {
    const classes = timingClasses(
      entrantsFromParticipants([
        person('aas', { lastName: 'Aas' }),
        person('berg', { lastName: 'Berg' }),
      ]),
    );
    expect(names(classes)).toEqual([['K 30-34 10 km', ['berg', 'aas']]]);
  });

  it('keeps only the exercises asked for, whatever their case', () => {
    const kari = person('kari', {
      entries: [
        makeEntry({ exercise: '5 km' }),
        makeEntry({ exercise: '60 m' }),
      ],
    });
    const classes = timingClasses(entrantsFromParticipants([kari]), {
      exercises: ['60 M'],
    });
    expect(names(classes)).toEqual([['K 30-34 60 m', ['kari']]]);
  });

  it('takes the bib and chip the desk assigned', () => {
    const participant = person('kari', { bib: '5', chip: '' });
    const view: ParticipantView = {
      participant,
      lateEntry: false,
      state: {
        checkedIn: true,
        checkedInAt: '2025-06-14T09:00:00.000Z',
        checkedInDesk: 'desk-a',
        bib: '17',
        bibSource: 'typed',
        chip: '8001234',
        chipRental: false,
        payments: [],
      },
    };
    const [entrant] = entrantsFromViews([view]);
    expect(entrant).toMatchObject({ bib: '17', chip: '8001234' });
  });
});

describe('classIds', () => {
  it('gives a class name the same six-digit id in every list', () => {
    // FNV-1a of the name, folded into 100000-999999.
    const ids = classIds(['K 30-34 5 km', 'M 17-19 5 km']);
    expect(ids.get('K 30-34 5 km')).toBe(304204);
    expect(classIds(['X', 'K 30-34 5 km']).get('K 30-34 5 km')).toBe(304204);
    expect(ids.get('M 17-19 5 km')).toBe(451834);
  });

  it('gives two names with the same hash different ids', () => {
    const names = Array.from({ length: 3000 }, (_, n) => `Klasse ${n}`);
    const ids = classIds(names);
    expect(new Set(ids.values()).size).toBe(3000);
    for (const id of ids.values()) {
      expect(id).toBeGreaterThanOrEqual(100_000);
      expect(id).toBeLessThan(1_000_000);
    }
  });

  it('ids the timing classes the same way', () => {
    const classes = timingClasses(
      entrantsFromParticipants([person('kari'), person('ola')]),
    );
    expect(classes.map((c) => c.id)).toEqual([
      classIds(['K 30-34 10 km']).get('K 30-34 10 km'),
    ]);
  });
});

describe('entryStartTime', () => {
  it('joins the date and Kl. into a local date-time', () => {
    expect(entryStartTime({ date: '2025-06-14', time: '09:05' })).toBe(
      '2025-06-14T09:05:00',
    );
    expect(entryStartTime({ date: '2025-06-14', time: '09:05:30' })).toBe(
      '2025-06-14T09:05:30',
    );
  });

  it('is empty when the date or the time is missing or not a time', () => {
    expect(entryStartTime({ date: '', time: '09:05' })).toBe('');
    expect(entryStartTime({ date: '2025-06-14', time: '' })).toBe('');
    expect(entryStartTime({ date: '2025-06-14', time: 'morgen' })).toBe('');
  });
});

describe('firstStartDate', () => {
  it('is the earliest date anyone starts', () => {
    const classes = timingClasses(
      entrantsFromParticipants([
        person('a', { entries: [makeEntry({ date: '2025-06-15' })] }),
        person('b', {
          entries: [makeEntry({ date: '2025-06-14', exercise: '5 km' })],
        }),
      ]),
    );
    expect(firstStartDate(classes)).toBe('2025-06-14');
    expect(firstStartDate([])).toBe('');
  });
});
