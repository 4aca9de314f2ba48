import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import { iofEntryList } from './iofEntryList';
import {
  iofResultList,
  iofSeconds,
  type PersonResultRow,
} from './iofResultList';
import { iofStartList } from './iofStartList';
import { entrantsFromParticipants, timingClasses } from './timingClasses';
import type { XmlElement } from './xmlElement';

const kids = (node: XmlElement, name: string): XmlElement[] =>
  typeof node.content === 'string'
    ? []
    : node.content.filter((child) => child.name === name);

const kid = (node: XmlElement, name: string): XmlElement => {
  const [found] = kids(node, name);
  if (!found) throw new Error(`no ${name} in ${node.name}`);
  return found;
};

const text = (node: XmlElement) =>
  typeof node.content === 'string' ? node.content : '';

const names = (node: XmlElement): string[] =>
  typeof node.content === 'string' ? [] : node.content.map((c) => c.name);

const kari = makeParticipant({
  id: 'p1200001',
  personId: '1200001',
  buypassId: '310000001',
  firstName: 'Kari',
  lastName: 'Nordmann',
  gender: 'female',
  club: 'IL Gneist',
  clubId: '100234',
  email: 'kari@example.no',
  mobile: '41234567',
  bib: '101',
  chip: '8001234',
  entries: [
    makeEntry({ registrationId: 'REG1', exercise: '5 km', time: '12:00' }),
    makeEntry({ registrationId: 'REG1', exercise: '10 km', time: '' }),
    makeEntry({
      registrationId: 'REG1',
      exercise: '60 m',
      status: 'deregistered',
    }),
  ],
});

const anon = makeParticipant({
  id: 'rREG9-x',
  firstName: 'Ukjent',
  lastName: '',
  birthDate: '',
  gender: '',
  country: '',
  countryCode: '',
  entries: [makeEntry({ registrationId: 'REG9', exercise: '5 km' })],
});

const classes = timingClasses(entrantsFromParticipants([kari, anon]));
const options = { eventName: 'Gneistløpet', createdAt: '2025-06-14T08:00:00Z' };

describe('iofEntryList', () => {
  const list = iofEntryList(classes, options);

  it('has one PersonEntry per active entry, keyed by the registration', () => {
    const entries = kids(list, 'PersonEntry');
    expect(entries.map((e) => text(kid(kid(e, 'Class'), 'Name')))).toEqual([
      'K 30-34 5 km',
      'K 30-34 5 km',
      'K 30-34 10 km',
    ]);
    const [first] = entries;
    expect(first && kid(first, 'Id')).toEqual({
      name: 'Id',
      attributes: { type: 'iSonen' },
      content: 'REG1',
    });
  });

  it('dates the event by the first start and names it as asked', () => {
    const event = kid(list, 'Event');
    expect(text(kid(event, 'Name'))).toBe('Gneistløpet');
    expect(text(kid(kid(event, 'StartTime'), 'Date'))).toBe('2025-06-14');
  });

  it('writes the person as timing needs them and nothing more', () => {
    const [first] = kids(list, 'PersonEntry');
    if (!first) throw new Error('no entry');
    const person = kid(first, 'Person');
    expect(person.attributes).toEqual({ sex: 'F' });
    expect(names(person)).toEqual(['Id', 'Name', 'BirthDate', 'Nationality']);
    expect(kid(person, 'Id').attributes).toEqual({ type: 'NIF' });
    expect(names(first)).toEqual([
      'Id',
      'Person',
      'Organisation',
      'ControlCard',
      'Class',
    ]);
    const all = JSON.stringify(list);
    for (const secret of ['kari@example.no', '41234567', '310000001']) {
      expect(all).not.toContain(secret);
    }
  });

  it('leaves out the id, sex, club and nationality a person lacks', () => {
    const entry = kids(list, 'PersonEntry')[1];
    if (!entry) throw new Error('no entry');
    expect(names(entry)).toEqual(['Id', 'Person', 'Class']);
    expect(names(kid(entry, 'Person'))).toEqual(['Name']);
    expect(kid(entry, 'Person').attributes).toEqual({});
  });
});

describe('iofStartList', () => {
  const list = iofStartList(classes, options);

  it('starts each class in bib order with bib, start time and chip', () => {
    const [fiveKm] = kids(list, 'ClassStart');
    if (!fiveKm) throw new Error('no class');
    const starts = kids(fiveKm, 'PersonStart').map((s) => kid(s, 'Start'));
    expect(starts.map(names)).toEqual([
      ['BibNumber', 'StartTime', 'ControlCard'],
      ['StartTime'],
    ]);
    expect(starts.map((s) => text(kid(s, 'StartTime')))).toEqual([
      '2025-06-14T12:00:00',
      '2025-06-14T13:00:00',
    ]);
  });

  it('omits StartTime when the entry has no time', () => {
    const tenKm = kids(list, 'ClassStart')[1];
    if (!tenKm) throw new Error('no class');
    const [start] = kids(tenKm, 'PersonStart');
    if (!start) throw new Error('no start');
    expect(names(kid(start, 'Start'))).toEqual(['BibNumber', 'ControlCard']);
    expect(kid(start, 'EntryId').content).toBe('REG1');
  });
});

describe('iofResultList', () => {
  const [entrant] = entrantsFromParticipants([kari]);
  if (!entrant) throw new Error('no entrant');
  const row = (fields: Partial<PersonResultRow>): PersonResultRow => ({
    entrant,
    registrationId: 'REG1',
    status: 'OK',
    startTime: '2025-06-14T12:00:00',
    finishTime: '2025-06-14T12:20:01.5',
    time: 1201.5,
    position: 1,
    ...fields,
  });

  it('writes time, position and status in schema order', () => {
    const list = iofResultList([{ name: 'K 5 km', results: [row({})] }], {
      ...options,
      status: 'Snapshot',
    });
    expect(list.attributes.status).toBe('Snapshot');
    const result = kid(kid(kid(list, 'ClassResult'), 'PersonResult'), 'Result');
    expect(names(result)).toEqual([
      'BibNumber',
      'StartTime',
      'FinishTime',
      'Time',
      'Position',
      'Status',
      'ControlCard',
    ]);
    expect(text(kid(result, 'Time'))).toBe('1201.5');
  });

  it('ranks only OK results and leaves out times that cannot be', () => {
    const list = iofResultList(
      [
        {
          name: 'K 5 km',
          results: [
            row({ status: 'DidNotFinish', position: 3, time: Number.NaN }),
            row({ status: 'OK', position: 0, time: -4 }),
          ],
        },
      ],
      options,
    );
    const results = kids(kid(list, 'ClassResult'), 'PersonResult').map((r) =>
      names(kid(r, 'Result')),
    );
    expect(results).toEqual([
      ['BibNumber', 'StartTime', 'FinishTime', 'Status', 'ControlCard'],
      ['BibNumber', 'StartTime', 'FinishTime', 'Status', 'ControlCard'],
    ]);
  });

  it('writes seconds with at most milliseconds', () => {
    expect(iofSeconds(2001)).toBe('2001');
    expect(iofSeconds(61.23456)).toBe('61.235');
  });
});
