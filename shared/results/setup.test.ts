import { describe, expect, it } from 'vitest';
import { cutTime, formatClock, formatElapsed, parseClock } from './clock';
import { classSetupFor, defaultClassSetup, parseRaceSetup } from './setup';

describe('parseRaceSetup', () => {
  it('fills what a setup leaves out from the defaults', () => {
    const read = parseRaceSetup({
      defaults: { start: { mode: 'mass', startTime: '10:00' } },
      classes: {
        'K 600 m': {
          start: {
            mode: 'interval',
            firstStart: '12:00:00',
            intervalSeconds: 30,
          },
          requiredControls: [31, 'c2'],
        },
      },
    });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.repeatSeconds).toBe(3);
    expect(classSetupFor(read.value, 'K 60 m')).toEqual({
      ...defaultClassSetup,
      start: { mode: 'mass', startTime: '10:00' },
    });
    expect(classSetupFor(read.value, 'K 600 m').requiredControls).toEqual([
      31,
      'c2',
    ]);
    expect(classSetupFor(read.value, 'K 600 m').controlOrder).toBe('in-order');
  });

  it('reads a course to be punched in any order', () => {
    const read = parseRaceSetup({
      classes: {
        H21: { requiredControls: [31, 32, 33], controlOrder: 'any-order' },
      },
    });
    if (!read.ok) throw new Error(read.error.message);
    expect(classSetupFor(read.value, 'H21')).toMatchObject({
      requiredControls: [31, 32, 33],
      controlOrder: 'any-order',
    });
  });

  it.each([
    [{ defaults: { start: { mode: 'mass' } } }, 'defaults.start.startTime'],
    [
      { classes: { A: { start: { mode: 'punch', station: '' } } } },
      'classes["A"].start.station',
    ],
    [
      {
        defaults: {
          start: { mode: 'interval', firstStart: '9:00', intervalSeconds: -1 },
        },
      },
      'defaults.start.intervalSeconds',
    ],
    [{ defaults: { precision: 'minutes' } }, 'defaults.precision'],
    [{ defaults: { maxSeconds: 90_000 } }, 'defaults.maxSeconds'],
    [
      { defaults: { requiredControls: [31, null] } },
      'defaults.requiredControls[1]',
    ],
    [{ defaults: { requiredControls: 31 } }, 'defaults.requiredControls'],
    [
      { defaults: { requiredControls: Array(201).fill(31) } },
      'defaults.requiredControls',
    ],
    [
      { classes: { H21: { requiredControls: [31, 2_000_000] } } },
      'classes["H21"].requiredControls[1]',
    ],
    [
      { classes: { H21: { controlOrder: 'whatever' } } },
      'classes["H21"].controlOrder',
    ],
    [
      { overrides: [{ participantId: 'p1', status: 'gone' }] },
      'overrides[0].status',
    ],
    [{ overrides: {} }, 'overrides'],
    [{ repeatSeconds: 'a' }, 'repeatSeconds'],
  ])('names the field that is wrong in %j', (setup, path) => {
    const read = parseRaceSetup(setup);
    expect(read.ok ? '' : read.error.data?.path).toBe(path);
  });
});

describe('clock times', () => {
  it.each([
    ['10:31:02.125', 37_862_125],
    ['10:31:02.1234', 37_862_123],
    ['10:31:02,5', 37_862_500],
    ['7:05', 25_500_000],
    ['2025-06-14T23:59:59', 86_399_000],
    ['24:00:00', undefined],
    ['10:61:00', undefined],
    ['10:31:02.12a', undefined],
    ['', undefined],
  ])('reads %s as %s ms of the day', (text, ms) => {
    expect(parseClock(text)).toBe(ms);
  });

  it('writes times of day and elapsed times the way results show them', () => {
    expect(formatClock(-1)).toBe('23:59:59.999');
    expect(formatElapsed(3_723_450, 'tenths')).toBe('1:02:03.4');
    expect(formatElapsed(123_450, 'seconds')).toBe('2:03');
    expect(formatElapsed(59_999)).toBe('0:59.999');
  });

  it('cuts a time down or up to the precision of the class', () => {
    expect(cutTime(61_001, 'seconds', 'down')).toBe(61_000);
    expect(cutTime(61_001, 'seconds', 'up')).toBe(62_000);
    expect(cutTime(61_000, 'seconds', 'up')).toBe(61_000);
    expect(cutTime(61_019, 'hundredths', 'down')).toBe(61_010);
  });
});
