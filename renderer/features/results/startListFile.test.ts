// The start list the results page hands the timing crew: from the desk's
// views (liveResults.ts startListOf), so a late entry is in, a
// deregistered person or entry is out, and the bib and chip are the ones
// set at the desk; the bytes are the format's text, counted in people and
// starts.

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  makeEntry,
  makeOperation,
  makeParticipant,
  testEventId,
} from '../../../shared/desk/fixtures';
import { participantFromLateEntry, viewOf } from '../../../shared/desk/reduce';
import type { Operation } from '../../../shared/domain/operation';
import { startListOf } from './liveResults';
import { buildStartList, buildStartListOffThread } from './startListBuild';
import { startListFile } from './startListFile';

// Compare-and-swap: each names the value it replaces.
const bibOp = (participantId: string, bib: string, previousBib = '') =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'bib-assign',
    payload: { bib, previousBib, source: 'typed' },
  });

const chipOp = (participantId: string, chip: string, previousChip = '') =>
  makeOperation({
    eventId: testEventId,
    participantId,
    type: 'chip-assign',
    payload: { chip, previousChip, rental: true },
  });

const lateOp = makeOperation({
  eventId: testEventId,
  participantId: '',
  type: 'late-entry',
  payload: {
    entry: {
      firstName: 'Sen',
      lastName: 'Etteranmeldt',
      birthDate: '2001-02-03',
      gender: 'male',
      club: 'IL Gneist',
      className: 'K 30-34',
      paymentMethod: 'cash',
      amount: 20000,
    },
  },
}) as Extract<Operation, { type: 'late-entry' }>;

const views = () => {
  const checkedIn = makeParticipant({
    id: 'p1',
    lastName: 'Aasheim',
    bib: '7',
    chip: '111',
  });
  const deregistered = makeParticipant({
    id: 'p2',
    lastName: 'Borte',
    status: 'deregistered',
  });
  const entryGone = makeParticipant({
    id: 'p3',
    lastName: 'Avmeldt',
    entries: [makeEntry({ registrationId: 'reg-p3', status: 'deregistered' })],
  });
  const late = { ...participantFromLateEntry(lateOp), id: 'late-x' };
  return [
    viewOf(checkedIn, [bibOp('p1', '42', '7'), chipOp('p1', '8101234', '111')]),
    viewOf(deregistered, []),
    viewOf(entryGone, []),
    viewOf(late, [bibOp('late-x', '43')], true),
  ];
};

const parser = new XMLParser({ ignoreAttributes: false });

describe('startListFile', () => {
  it('IOF start list: the desk’s bibs and chips, the late entry in, the deregistered out', () => {
    const { classes } = startListOf(views());
    const file = startListFile(
      'iof-startlist',
      classes,
      { name: 'Gneistløpet', date: '2025-06-14' },
      '2025-06-14T08:00:00Z',
    );
    expect(file.people).toBe(2);
    expect(file.rows).toBe(2);
    const xml = new TextDecoder().decode(file.text);
    expect(xml).not.toContain('Borte');
    expect(xml).not.toContain('Avmeldt');
    const doc = parser.parse(xml);
    type PersonStart = {
      Person: { Name: { Family: string } };
      Start: { BibNumber: number; ControlCard?: number };
    };
    const starts: PersonStart[] = [doc.StartList.ClassStart]
      .flat()
      .flatMap((c: { PersonStart: PersonStart }) => [c.PersonStart].flat());
    expect(
      starts
        .map((s) => [
          s.Person.Name.Family,
          String(s.Start.BibNumber),
          String(s.Start.ControlCard ?? ''),
        ])
        .sort(),
    ).toEqual([
      ['Aasheim', '42', '8101234'],
      ['Etteranmeldt', '43', ''],
    ]);
    expect(doc.StartList.Event.StartTime.Date).toBe('2025-06-14');
  });

  it('CSV start list: a header and one line per start, bib first', () => {
    const { classes } = startListOf(views());
    const file = startListFile(
      'csv-startlist',
      classes,
      { name: 'Gneistløpet', date: '' },
      '2025-06-14T08:00:00Z',
    );
    const lines = new TextDecoder()
      .decode(file.text)
      .replace('\ufeff', '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(';').slice(0, 2))
        .sort(),
    ).toEqual([
      ['42', '8101234'],
      ['43', ''],
    ]);
  });

  it('IOF entry list: one PersonEntry per start', () => {
    const { classes } = startListOf(views());
    const file = startListFile(
      'iof-entrylist',
      classes,
      { name: 'Gneistløpet', date: '' },
      '2025-06-14T08:00:00Z',
    );
    const doc = parser.parse(new TextDecoder().decode(file.text));
    expect([doc.EntryList.PersonEntry].flat()).toHaveLength(2);
  });
});

describe('buildStartListOffThread', () => {
  it('builds the same file where no worker can start', async () => {
    const job = {
      format: 'iof-startlist' as const,
      views: views(),
      event: { name: 'Gneistløpet', date: '' },
      createdAt: '2025-06-14T08:00:00Z',
    };
    const built = await buildStartListOffThread(job);
    expect(new TextDecoder().decode(built.text)).toBe(
      new TextDecoder().decode(buildStartList(job).text),
    );
    expect(built.people).toBe(2);
  });
});
