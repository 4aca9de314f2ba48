import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import type { ParticipantView } from '../desk/state';
import type { Participant } from '../domain/participant';
import { createSearchIndex } from './index';

const viewOf = (
  fields: Partial<Participant> & { id: string },
  bib = '',
): ParticipantView => ({
  participant: makeParticipant(fields),
  state: {
    checkedIn: false,
    checkedInAt: '',
    checkedInDesk: '',
    bib,
    bibSource: '',
    chip: '',
    chipRental: false,
    payments: [],
  },
  lateEntry: false,
});

const people = [
  viewOf(
    { id: 'p1', firstName: 'Bjørn Erik', lastName: 'Ås', club: 'IL Heming' },
    '12',
  ),
  viewOf({
    id: 'p2',
    firstName: 'Håkon',
    lastName: 'Bærum',
    club: 'Bækkelagets SK',
  }),
  viewOf({
    id: 'p3',
    firstName: 'Kari',
    lastName: 'Berg',
    birthDate: '1985-02-03',
    personId: '1234567',
  }),
  viewOf(
    { id: 'p4', firstName: 'Ola', lastName: 'Bjørnstad', club: 'Ås IL' },
    '112',
  ),
  viewOf({ id: 'p5', firstName: 'Anne', lastName: 'Hansen', club: 'Team 12' }),
];

const ids = (views: ParticipantView[]) => views.map((v) => v.participant.id);

describe('search index', () => {
  const index = createSearchIndex(people);

  it('finds Bjørn whichever way the name is typed', () => {
    for (const query of ['Bjorn', 'Bjoern', 'bjørn', 'BJØRN']) {
      expect(ids(index.search(query))).toContain('p1');
    }
  });

  it('finds Håkon as Hakon or Haakon and Bærum as Baerum', () => {
    expect(ids(index.search('Hakon'))).toEqual(['p2']);
    expect(ids(index.search('Haakon'))).toEqual(['p2']);
    expect(ids(index.search('Baerum'))).toEqual(['p2']);
  });

  it('matches name words in any order, each as a prefix', () => {
    // Bjørnstad matches too, through his club Ås IL, but ranks after.
    expect(ids(index.search('as bjo'))).toEqual(['p1', 'p4']);
    expect(ids(index.search('erik bj'))).toEqual(['p1']);
    expect(ids(index.search('kar ber'))).toEqual(['p3']);
    expect(index.search('kari hansen')).toEqual([]);
  });

  it('matches the club', () => {
    expect(ids(index.search('heming'))).toEqual(['p1']);
    expect(ids(index.search('baekkelag'))).toEqual(['p2']);
  });

  it('ranks an exact bib first, before anything else the number matches', () => {
    expect(ids(index.search('12'))).toEqual(['p1', 'p5']);
    expect(ids(index.search('112'))).toEqual(['p4']);
    expect(index.search('1')).toEqual([]);
  });

  it('matches a birth year and a person id exactly', () => {
    expect(ids(index.search('1985'))).toEqual(['p3']);
    expect(ids(index.search('kari 1985'))).toEqual(['p3']);
    expect(ids(index.search('1234567'))).toEqual(['p3']);
    expect(index.search('123456')).toEqual([]);
  });

  it('ranks a full-name prefix before other matches, then by last name', () => {
    // "bj" is a prefix of Bjørn Erik Ås's full name and of Bjørnstad's last
    // name (last-first), and only a word in nobody else's.
    expect(ids(index.search('bj'))).toEqual(['p1', 'p4']);
    // "as" starts Ås's last name; Bjørnstad only has it in the club.
    expect(ids(index.search('as'))).toEqual(['p1', 'p4']);
  });

  it('limits the results', () => {
    expect(index.search('a', 2)).toHaveLength(2);
  });

  it('stays current through upsert and remove', () => {
    const own = createSearchIndex(people);
    own.upsert(
      viewOf({ id: 'p6', firstName: 'Øystein', lastName: 'Aaland' }, '7'),
    );
    expect(ids(own.search('oystein aland'))).toEqual(['p6']);
    expect(ids(own.search('7'))).toEqual(['p6']);
    own.upsert(
      viewOf({ id: 'p6', firstName: 'Øystein', lastName: 'Aaland' }, '8'),
    );
    expect(own.search('7')).toEqual([]);
    expect(own.lookupScan('8')?.participant.id).toBe('p6');
    own.remove('p6');
    expect(own.search('oystein')).toEqual([]);
    expect(own.size()).toBe(people.length);
  });
});

describe('scan lookup', () => {
  const family = [
    viewOf({
      id: 'c1',
      personId: '7654321',
      entries: [makeEntry({ registrationId: 'FAM1' })],
    }),
    viewOf(
      {
        id: 'c2',
        entries: [makeEntry({ registrationId: 'FAM1' })],
      },
      '501',
    ),
    viewOf({
      id: 'c3',
      entries: [makeEntry({ registrationId: 'SOLO9' })],
    }),
  ];
  const index = createSearchIndex(family);

  it('finds the one participant of a registration', () => {
    expect(index.lookupScan(' SOLO9 ')?.participant.id).toBe('c3');
  });

  it('gives nothing for a registration that covers several people', () => {
    expect(index.lookupScan('FAM1')).toBeNull();
  });

  it('finds a participant by person id or bib', () => {
    expect(index.lookupScan('7654321')?.participant.id).toBe('c1');
    expect(index.lookupScan('501')?.participant.id).toBe('c2');
    expect(index.lookupScan('999')).toBeNull();
  });
});

describe('search index: refreshing a view', () => {
  it('returns the new view of a person whose search fields did not change', () => {
    const index = createSearchIndex(people);
    const before = index.search('kari berg')[0];
    const fuller = viewOf({
      id: 'p3',
      firstName: 'Kari',
      lastName: 'Berg',
      birthDate: '1985-02-03',
      email: 'kari@example.no',
    });
    expect(before?.participant.id).toBe('p3');
    index.refresh(fuller);
    expect(index.search('kari berg')[0]).toBe(fuller);
    expect(index.lookupScan('p3')).toBe(fuller);
    expect(index.size()).toBe(people.length);
  });

  it('finds a person under the new name when the refreshed view renames them', () => {
    const index = createSearchIndex(people);
    const renamed = viewOf({ id: 'p3', firstName: 'Karin', lastName: 'Lie' });
    index.refresh(renamed);
    expect(index.search('karin lie')[0]).toBe(renamed);
    expect(
      index.search('kari berg').map((v) => v.participant.id),
    ).not.toContain('p3');
    expect(index.size()).toBe(people.length);
  });
});
