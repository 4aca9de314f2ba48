// The IOF result list of computed results: byte-exact for one finisher,
// valid against IOF.xsd (xmllint) for a demo event with every status, and
// for a list that came back from the central service without a start list.

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { demoExport } from '../../shared/demo/demoExport';
import { makeEntry, makeParticipant } from '../../shared/desk/fixtures';
import {
  identitiesFromClasses,
  resultListText,
} from '../../shared/formats/resultList';
import {
  entrantsFromParticipants,
  timingClasses,
} from '../../shared/formats/timingClasses';
import { foldSheet } from '../../shared/isonen/fold';
import { formatClock } from '../../shared/results/clock';
import { computeResults } from '../../shared/results/compute';
import { massSetup } from '../../shared/results/fixtures';
import { startersFromClasses } from '../../shared/results/starters';
import type { ResultPassing } from '../../shared/results/types';
import { schemaCheckUnavailable, validateIofXml } from '../formats/xmllint';

const options = {
  eventName: 'Gneistløpet',
  eventDate: '2025-06-14',
  createdAt: '2025-06-14T12:00:00Z',
};

const kari = makeParticipant({
  id: 'p1200001',
  personId: '1200001',
  firstName: 'Kari',
  lastName: 'Ås',
  gender: 'female',
  club: 'IL Gneist',
  clubId: '100234',
  bib: '101',
  chip: '8001234',
  entries: [makeEntry({ registrationId: 'REG1', exercise: '5 km' })],
});

describe('resultListText', () => {
  it('writes a finisher with start, finish, time and place', () => {
    const classes = timingClasses(entrantsFromParticipants([kari]));
    const list = computeResults({
      setup: massSetup('23:50:00'),
      starters: startersFromClasses(classes),
      passings: [{ chip: '8001234', station: 'c1', time: '00:12:03.450' }],
      closed: true,
    });
    const xml = resultListText(list, {
      ...options,
      identities: identitiesFromClasses(classes),
    });
    expect(xml).toContain(
      `<ResultList xmlns="http://www.orienteering.org/datastandard/3.0" iofVersion="3.0" createTime="2025-06-14T12:00:00Z" creator="Racedesk" status="Complete">`,
    );
    expect(xml).toContain(`      <Result>
        <BibNumber>101</BibNumber>
        <StartTime>2025-06-14T23:50:00.000</StartTime>
        <FinishTime>2025-06-15T00:12:03.450</FinishTime>
        <Time>1323.45</Time>
        <Position>1</Position>
        <Status>OK</Status>
        <ControlCard>8001234</ControlCard>
      </Result>`);
    expect(xml).toContain('<EntryId type="iSonen">REG1</EntryId>');
    expect(xml).toContain('<Id type="NIF">1200001</Id>');
  });

  it('writes a missing punch with the split times of the controls punched', () => {
    const classes = timingClasses(entrantsFromParticipants([kari]));
    const list = computeResults({
      setup: massSetup('10:00:00', {
        requiredControls: [31, 32, 33],
        finishStation: 100,
      }),
      starters: startersFromClasses(classes),
      passings: [
        { chip: '8001234', station: 31, time: '10:02:00.500' },
        { chip: '8001234', station: 45, time: '10:03:00' },
        { chip: '8001234', station: 33, time: '10:05:00' },
        { chip: '8001234', station: 100, time: '10:06:00' },
      ],
      closed: true,
    });
    const xml = resultListText(list, {
      ...options,
      identities: identitiesFromClasses(classes),
    });
    expect(xml).toContain(`        <Time>360</Time>
        <Status>MissingPunch</Status>
        <SplitTime>
          <ControlCode>31</ControlCode>
          <Time>120.5</Time>
        </SplitTime>
        <SplitTime status="Missing">
          <ControlCode>32</ControlCode>
        </SplitTime>
        <SplitTime>
          <ControlCode>33</ControlCode>
          <Time>300</Time>
        </SplitTime>
        <SplitTime status="Additional">
          <ControlCode>45</ControlCode>
          <Time>180</Time>
        </SplitTime>
        <ControlCard>8001234</ControlCard>`);
  });

  it('marks a list of a race still on as a snapshot', () => {
    const classes = timingClasses(entrantsFromParticipants([kari]));
    const list = computeResults({
      setup: massSetup('10:00:00'),
      starters: startersFromClasses(classes),
      passings: [],
      closed: false,
    });
    const xml = resultListText(list, {
      ...options,
      identities: identitiesFromClasses(classes),
    });
    expect(xml).toContain('status="Snapshot"');
    expect(xml).toContain('<Status>Active</Status>');
  });
});

const unavailable = schemaCheckUnavailable();
if (unavailable) console.warn(`Skipping IOF schema checks: ${unavailable}`);

describe.skipIf(unavailable !== '')('result lists against IOF.xsd', () => {
  const fold = foldSheet(demoExport({ participants: 300, seed: 11 }), {
    eventId: 'event-1',
    now: '2025-06-01T12:00:00.000Z',
  });
  const classes = timingClasses(entrantsFromParticipants(fold.participants));
  const starters = startersFromClasses(classes).map((starter, index) => ({
    ...starter,
    bib: String(index + 1),
  }));

  const expectValid = async (xml: string) => {
    const checked = await validateIofXml(xml);
    expect(checked.ok ? '' : checked.error.message).toBe('');
  };

  // Every fifth misses control 31, every seventh never finishes, every
  // eleventh is never seen; the rest finish in start order.
  const passings: ResultPassing[] = starters.flatMap((starter, index) => {
    if (index % 11 === 0) return [];
    const at = (offset: number) => formatClock(36_000_000 + offset * 1000);
    const control: ResultPassing[] =
      index % 5 === 0
        ? []
        : [{ bib: starter.bib, station: 31, time: at(300 + index) }];
    const finish: ResultPassing[] =
      index % 7 === 0
        ? []
        : [{ bib: starter.bib, station: 'c1', time: at(1200 + index) }];
    return [...control, ...finish];
  });
  const setup = {
    ...massSetup('10:00:00', { requiredControls: [31] }),
    overrides: [
      {
        participantId: starters[3]?.participantId ?? '',
        className: '',
        status: 'dsq' as const,
        reason: 'Tyvstart',
      },
    ],
  };
  const list = computeResults({ setup, starters, passings, closed: true });

  it('validates a demo event with OK, MP, DNF, DNS and DSQ', async () => {
    const statuses = new Set(
      list.classes.flatMap((c) => c.results.map((r) => r.status)),
    );
    expect([...statuses].sort()).toEqual(['dnf', 'dns', 'dsq', 'mp', 'ok']);
    const xml = resultListText(list, {
      ...options,
      identities: identitiesFromClasses(classes),
    });
    await expectValid(xml);

    const parsed = new XMLParser({
      isArray: (name) => ['ClassResult', 'PersonResult'].includes(name),
    }).parse(xml);
    const people = parsed.ResultList.ClassResult.flatMap(
      (c: { PersonResult: unknown[] }) => c.PersonResult,
    );
    expect(people).toHaveLength(starters.length);
  });

  it('validates split times: a course in any order, missing and additional punches', async () => {
    const course = [31, 32, 33, 34];
    const punched: ResultPassing[] = starters.flatMap((starter, index) => {
      const at = (offset: number) => formatClock(36_000_000 + offset * 1000);
      // Each runner punches the course from a different control, skips
      // one every third runner, and every fourth punches control 50 too.
      const codes = course
        .map((_, i) => course[(i + index) % course.length] ?? 31)
        .filter((_, i) => index % 3 !== 0 || i !== 1);
      const extra = index % 4 === 0 ? [50] : [];
      return [...codes, ...extra, 'c1'].map((station, i) => ({
        chip: '',
        bib: starter.bib,
        station,
        time: at(60 * (i + 1) + index),
      }));
    });
    const anyOrder = computeResults({
      setup: massSetup('10:00:00', {
        requiredControls: course,
        controlOrder: 'any-order',
      }),
      starters,
      passings: punched,
      closed: true,
    });
    const splits = anyOrder.classes.flatMap((c) =>
      c.results.flatMap((r) => r.splits ?? []),
    );
    expect(new Set(splits.map((s) => s.status))).toEqual(
      new Set(['ok', 'missing', 'additional']),
    );
    const statuses = anyOrder.classes.flatMap((c) =>
      c.results.map((r) => r.status),
    );
    expect(statuses).toContain('mp');
    expect(statuses).toContain('ok');
    const xml = resultListText(anyOrder, {
      ...options,
      identities: identitiesFromClasses(classes),
    });
    expect(xml).toContain('<SplitTime status="Missing">');
    expect(xml).toContain('<SplitTime status="Additional">');
    await expectValid(xml);
  });

  it('validates a list from the central service without a start list', async () => {
    const json: unknown = JSON.parse(JSON.stringify(list));
    expect(json).toEqual(list);
    await expectValid(resultListText(list, options));
  });
});
