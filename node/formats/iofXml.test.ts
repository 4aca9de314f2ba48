// The IOF lists as files: byte-exact for a small list, and valid against
// IOF.xsd (xmllint) for a demo event and for awkward people.

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { demoExport } from '../../shared/demo/demoExport';
import { makeEntry, makeParticipant } from '../../shared/desk/fixtures';
import { iofEntryList } from '../../shared/formats/iofEntryList';
import {
  iofResultList,
  iofResultStatuses,
} from '../../shared/formats/iofResultList';
import { iofStartList } from '../../shared/formats/iofStartList';
import {
  entrantsFromParticipants,
  timingClasses,
} from '../../shared/formats/timingClasses';
import { xmlDocument } from '../../shared/formats/xmlDocument';
import { foldSheet } from '../../shared/isonen/fold';
import { schemaCheckUnavailable, validateIofXml } from './xmllint';

const options = { eventName: 'Gneistløpet', createdAt: '2025-06-14T08:00:00Z' };

const kari = makeParticipant({
  id: 'p1200001',
  personId: '1200001',
  firstName: 'Kari',
  lastName: 'Ås & Berg',
  gender: 'female',
  club: 'IL Gneist',
  clubId: '100234',
  bib: '101',
  chip: '8001234',
  entries: [makeEntry({ registrationId: 'REG1', exercise: '5 km' })],
});

describe('xmlDocument', () => {
  it('writes a start list byte for byte', () => {
    const classes = timingClasses(entrantsFromParticipants([kari]));
    expect(xmlDocument(iofStartList(classes, options))).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<StartList xmlns="http://www.orienteering.org/datastandard/3.0" iofVersion="3.0" createTime="2025-06-14T08:00:00Z" creator="Racedesk">
  <Event>
    <Name>Gneistløpet</Name>
    <StartTime>
      <Date>2025-06-14</Date>
    </StartTime>
  </Event>
  <ClassStart>
    <Class>
      <Id>304204</Id>
      <Name>K 30-34 5 km</Name>
    </Class>
    <PersonStart>
      <EntryId type="iSonen">REG1</EntryId>
      <Person sex="F">
        <Id type="NIF">1200001</Id>
        <Name>
          <Family>Ås &amp; Berg</Family>
          <Given>Kari</Given>
        </Name>
        <BirthDate>1990-05-17</BirthDate>
        <Nationality code="NOR">Norge</Nationality>
      </Person>
      <Organisation>
        <Id type="iSonen">100234</Id>
        <Name>IL Gneist</Name>
      </Organisation>
      <Start>
        <BibNumber>101</BibNumber>
        <StartTime>2025-06-14T13:00:00</StartTime>
        <ControlCard>8001234</ControlCard>
      </Start>
    </PersonStart>
  </ClassStart>
</StartList>
`,
    );
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const odd = makeParticipant({ id: 'x', firstName: 'A\u0001\ud800B' });
    const xml = xmlDocument(
      iofEntryList(timingClasses(entrantsFromParticipants([odd])), options),
    );
    expect(xml).toContain('<Given>A\ufffdB</Given>');
  });
});

const unavailable = schemaCheckUnavailable();
if (unavailable) console.warn(`Skipping IOF schema checks: ${unavailable}`);

describe.skipIf(unavailable !== '')('IOF lists against IOF.xsd', () => {
  const fold = foldSheet(demoExport({ participants: 300, seed: 8 }), {
    eventId: 'event-1',
    now: '2025-06-01T12:00:00.000Z',
  });
  const entrants = entrantsFromParticipants(fold.participants);
  const classes = timingClasses(entrants);
  const activeEntries = fold.participants.flatMap((p) =>
    p.entries.filter((e) => e.status === 'active').map(() => p.id),
  );

  const expectValid = async (xml: string) => {
    const checked = await validateIofXml(xml);
    expect(checked.ok ? '' : checked.error.message).toBe('');
  };

  it('validates the entry list of a demo event', async () => {
    await expectValid(xmlDocument(iofEntryList(classes, options)));
  });

  it('validates a demo start list without the deregistered', async () => {
    const xml = xmlDocument(iofStartList(classes, options));
    await expectValid(xml);

    const parsed = new XMLParser({
      isArray: (name) => ['ClassStart', 'PersonStart'].includes(name),
    }).parse(xml);
    const starts: unknown[] = parsed.StartList.ClassStart.flatMap(
      (c: { PersonStart: unknown[] }) => c.PersonStart,
    );
    expect(starts).toHaveLength(activeEntries.length);

    const gone = fold.participants.filter((p) => p.status === 'deregistered');
    expect(gone.length).toBeGreaterThan(0);
    for (const person of gone.filter((p) => p.personId !== '')) {
      expect(xml).not.toContain(`>${person.personId}<`);
    }
  });

  it('validates a result list with every status the schema knows', async () => {
    const starts = classes.flatMap((c) => c.starts);
    const results = starts.map((start, index) => {
      const status =
        iofResultStatuses[index % iofResultStatuses.length] ?? 'OK';
      const finished = status === 'OK';
      return {
        entrant: start.entrant,
        registrationId: start.entry.registrationId,
        status,
        startTime: start.startTime,
        finishTime: finished ? '2025-06-14T10:00:09.870' : '',
        time: finished ? 9.87 + index : null,
        position: finished ? index + 1 : null,
      };
    });
    expect(results.length).toBeGreaterThan(iofResultStatuses.length);
    await expectValid(
      xmlDocument(iofResultList([{ name: 'Alle', results }], options)),
    );
  });

  it('reports where a list breaks the schema', async () => {
    const broken = xmlDocument(iofStartList(classes, options)).replace(
      '<Event>',
      '<Event><Position>1</Position>',
    );
    const checked = await validateIofXml(broken);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error.message).toMatch(/Position/);
  });

  it('validates people with nothing but a first name', async () => {
    const bare = makeParticipant({
      id: 'bare',
      firstName: 'Ukjent <ny>',
      lastName: '',
      birthDate: '',
      gender: '',
      country: '',
      countryCode: '',
      entries: [makeEntry({ className: '', exercise: '5 km', date: '' })],
    });
    const bareClasses = timingClasses(entrantsFromParticipants([bare]));
    await expectValid(xmlDocument(iofStartList(bareClasses, options)));
    await expectValid(xmlDocument(iofEntryList(bareClasses, options)));
  });
});
