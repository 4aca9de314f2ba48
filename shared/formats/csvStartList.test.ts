import { describe, expect, it } from 'vitest';
import { makeEntry, makeParticipant } from '../desk/fixtures';
import { csvField, csvStartList, csvStartListHeaders } from './csvStartList';
import { entrantsFromParticipants, timingClasses } from './timingClasses';

const header =
  'Stno;Chip;Database Id;Surname;First name;YB;S;Block;nc;Start;Finish;' +
  'Time;Classifier;Club no.;Cl.name;City;Nat;Cl. no.;Short;Long;Num1;' +
  'Num2;Num3;Text1;Text2;Text3';

const kari = makeParticipant({
  id: 'p1200001',
  personId: '1200001',
  firstName: 'Kari',
  lastName: 'Ås',
  birthDate: '1990-05-17',
  gender: 'female',
  club: 'IL Gneist',
  clubId: '100234',
  email: 'kari@example.no',
  mobile: '41234567',
  bib: '101',
  chip: '8001234',
  entries: [makeEntry({ registrationId: 'REG1', time: '13:00' })],
});

const ola = makeParticipant({
  id: 'rREG2-abc',
  firstName: 'Ola "Olsen"',
  lastName: 'Nordmann; jr.',
  birthDate: '',
  gender: 'male',
  countryCode: 'SWE',
  entries: [
    makeEntry({
      registrationId: 'REG2',
      className: 'M 17-19',
      exercise: '5 km',
      time: '',
    }),
  ],
});

const list = (options?: Parameters<typeof csvStartList>[1]) =>
  csvStartList(timingClasses(entrantsFromParticipants([ola, kari])), options);

describe('csvStartList', () => {
  it('writes the OE2010 columns, a BOM and CRLF, byte for byte', () => {
    expect(csvStartListHeaders.join(';')).toBe(header);
    expect(list()).toBe(
      [
        `\ufeff${header}`,
        '101;8001234;1200001;Ås;Kari;1990;F;;0;13:00:00;;;;100234;IL Gneist;;' +
          'NOR;220496;K 30-34 10 km;K 30-34 10 km;;;;101;REG1;',
        ';;;"Nordmann; jr.";"Ola ""Olsen""";;M;;0;;;;;;;;SWE;451834;' +
          'M 17-19 5 km;M 17-19 5 km;;;;;REG2;',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves the BOM out when asked', () => {
    expect(list({ bom: false }).startsWith(header)).toBe(true);
  });

  it('carries nothing timing does not need: no e-mail, no phone', () => {
    expect(list()).not.toContain('kari@example.no');
    expect(list()).not.toContain('41234567');
  });

  it('keeps every row on one line when a name holds a line break', () => {
    expect(csvField('Kari\r\nAnne')).toBe('Kari Anne');
    expect(csvField('a\u0007b')).toBe('ab');
    expect(csvField('plain')).toBe('plain');
  });
});
