import { describe, expect, it } from 'vitest';
import type { DecoderOutput } from '../passing';
import { concatBytes, decodeAll, passingsOf } from '../testing/bytes';
import {
  encodeBoardRunningTime,
  encodeBoardTime,
  formatResultLine,
} from './board';
import {
  createTimyDecoder,
  encodeTimyLine,
  timyCommand,
  timyPrintLine,
} from './timyLine';

const ascii = (text: string) =>
  Uint8Array.from(text, (char) => char.charCodeAt(0));

const text = (bytes: Uint8Array | undefined) =>
  bytes ? String.fromCharCode(...bytes) : undefined;

const decodeText = (input: string): DecoderOutput[] =>
  decodeAll(createTimyDecoder(), ascii(input));

describe('ALGE Timy time lines', () => {
  it('reads a start and a finish line in the yNNNNxCCCxHH:MM:SS.zhtqxGG form', () => {
    // Timy3 manual 12.1: info, 4-digit start number, blank, channel padded
    // to 3, blank, time to 1/10 000 s, blank, group; ended by CR.
    const outputs = decodeText(
      ' 0001 C0  08:38:21.4249 00\r 0001 c1  08:39:02.0012 00\r',
    );
    expect(passingsOf(outputs)).toEqual([
      {
        kind: 'passing',
        protocol: 'alge-timy',
        offset: 0,
        bib: '1',
        station: 'c0',
        time: '08:38:21.4249',
        extra: {
          info: '',
          manual: false,
          group: '00',
          resolutionDigits: 4,
          fromMemory: false,
          checksum: false,
        },
      },
      expect.objectContaining({
        offset: 27,
        bib: '1',
        station: 'c1',
        time: '08:39:02.0012',
      }),
    ]);
  });

  it('reads keypad times, decimal commas and memory lines', () => {
    const outputs = decodeText(
      ' 0015 c0M 15:43:55,62   00\r' + 'm0007 c0  15:43:59,9927 00\r\n',
    );
    expect(
      passingsOf(outputs).map((p) => [p.bib, p.station, p.time, p.extra]),
    ).toEqual([
      [
        '15',
        'c0',
        '15:43:55.620',
        expect.objectContaining({ manual: true, resolutionDigits: 2 }),
      ],
      [
        '7',
        'c0',
        '15:43:59.9927',
        expect.objectContaining({ fromMemory: true, info: 'm' }),
      ],
    ]);
  });

  it('keeps a time without a valid number as a passing without bib', () => {
    const [passing] = passingsOf(decodeText('?     c1  10:00:00.0001 00\r'));
    expect(passing?.bib).toBeUndefined();
    expect(passing?.extra.info).toBe('?');
  });

  it('reports cleared, disqualified and renumbered times as edits', () => {
    const outputs = decodeText(
      'c0023 c1  15:44:15,7847 00\r' +
        'd0023 c1  15:44:15,7847 00\r' +
        'n0014 c0  15:44:01,0366 00\r',
    );
    expect(passingsOf(outputs)).toEqual([]);
    expect(
      outputs.map((o) => (o.kind === 'message' ? o.data.action : o.kind)),
    ).toEqual(['cleared', 'disqualified', 'new-bib']);
  });

  it('reports a damaged line and reads the line after it', () => {
    const outputs = decodeText(
      ' 00x1 C0  08:38:21.4249 00\r 0002 C0  08:38:22.0000 00\r',
    );
    expect(outputs[0]).toEqual(
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 0,
        length: 27,
        reason: 'not a Timy time line',
      }),
    );
    expect(passingsOf(outputs).map((p) => p.bib)).toEqual(['2']);
  });

  it('finds a line whose start was garbled by line noise', () => {
    const outputs = decodeAll(
      createTimyDecoder(),
      concatBytes(
        Uint8Array.of(0x0d, 0x91, 0x07),
        ascii(' 0003 c1  09:00:00.5000 00\r'),
      ),
    );
    expect(passingsOf(outputs).map((p) => [p.bib, p.offset])).toEqual([
      ['3', 1],
    ]);
  });

  it('checks the CHK1 checksum and rejects a line that fails it', () => {
    // Sum of the 26 characters ' 0001 C0  08:38:21.4249 00' is 0xDF, sent
    // as 0x30 + 0xD '=' and 0x30 + 0xF '?'.
    const good = ' 0001 C0  08:38:21.4249 00=?\r';
    const bad = ' 0001 C0  08:38:21.4249 00=>\r';
    const outputs = decodeText(good + bad);
    expect(passingsOf(outputs)).toEqual([
      expect.objectContaining({
        bib: '1',
        time: '08:38:21.4249',
        extra: expect.objectContaining({ checksum: true }),
      }),
    ]);
    expect(outputs[1]).toEqual(
      expect.objectContaining({
        kind: 'bad-frame',
        offset: 29,
        reason: 'checksum mismatch',
      }),
    );
  });

  it('encodes passings back into the lines the Timy sends', () => {
    for (const line of [
      ' 0042 c1M 12:00:01.2500 00\r',
      // Lower-case c adds 0x20 to the sum above: 0xFF.
      ' 0001 c0  08:38:21.4249 00??\r',
      ' 0015 c0M 15:43:55.62   00\r',
    ]) {
      const [passing] = passingsOf(decodeText(line));
      expect(text(passing && encodeTimyLine(passing))).toBe(line);
    }
  });

  it('sends printer lines and commands as CR-terminated text', () => {
    expect(text(timyPrintLine('  1.   123      12:34.56'))).toBe(
      'DTP  1.   123      12:34.56\r',
    );
    expect(text(timyCommand('CHK1'))).toBe('CHK1\r');
  });
});

describe('ALGE display board and printer lines', () => {
  it('formats finish times with rank as NNNCxxxxHH:MM:SS.zhtRR', () => {
    // Timy3 manual 12.3: 3-digit number, C for a finish time, 4 blanks,
    // time to 1/1000 s, 2-digit rank, CR.
    expect(
      text(
        encodeBoardTime({
          bib: '123',
          kind: 'finish',
          time: '00:12:34.567',
          rank: 1,
        }),
      ),
    ).toBe('123C    00:12:34.567 1\r');
    expect(
      text(encodeBoardTime({ bib: '7', kind: 'total', time: '01:02:03.400' })),
    ).toBe('  7D    01:02:03.400  \r');
    expect(
      text(
        encodeBoardTime({
          bib: '45',
          kind: 'intermediate',
          intermediate: 3,
          time: '00:05:00.120',
          rank: 12,
        }),
      ),
    ).toBe(' 45E    00:05:00.12012\r');
  });

  it('formats running times with the point that marks them', () => {
    expect(text(encodeBoardRunningTime('12', '00:03:21.700', true))).toBe(
      ' 12.    00:03:21.7  \r',
    );
    expect(text(encodeBoardRunningTime('12', '00:03:21.700', false))).toBe(
      ' 12.    00:03:21    \r',
    );
  });

  it('refuses board lines for times it cannot show', () => {
    expect(
      encodeBoardTime({ bib: '1', kind: 'finish', time: '12:3' }),
    ).toBeUndefined();
  });

  it('prints 24-column result lines for the Timy printer', () => {
    const line = formatResultLine({
      rank: 2,
      bib: '123',
      time: '00:12:34.567',
    });
    expect(line).toBe('  2.   123      12:34.56\r\n');
    expect(line.length).toBe(26);
  });
});
