import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import type { ParticipantView } from '../desk/state';
import type { Participant } from '../domain/participant';
import {
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
        payments: [],
      },
    };
    const [entrant] = entrantsFromViews([view]);
    expect(entrant).toMatchObject({ bib: '17', chip: '8001234' });
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
