import { describe, expect, it } from 'vitest';
import {
  defaultClassSetup,
  parseRaceSetup,
} from '../../../shared/results/setup';
import { resultsEn, resultsNb } from './messages';
import { draftOf, readDraft, type SetupDraft } from './raceSetupDraft';

const blank: SetupDraft = {
  mode: 'mass',
  startTime: '10:00:00',
  interval: '30',
  startStation: 'c0',
  finish: '100',
  controls: '',
  controlOrder: 'in-order',
};

const fieldsOf = (draft: Partial<SetupDraft>) => {
  const read = readDraft({ ...blank, ...draft });
  return read.ok ? [] : read.errors.map((e) => [e.field, e.key, e.values]);
};

describe('the race setup form', () => {
  it('reads a course in order, codes apart by spaces, commas or dashes', () => {
    const read = readDraft({ ...blank, controls: ' 31, 32-33  45;c2 ' });
    expect(read).toEqual({
      ok: true,
      value: {
        start: { mode: 'mass', startTime: '10:00:00' },
        finishStation: 100,
        requiredControls: [31, 32, 33, 45, 'c2'],
        controlOrder: 'in-order',
      },
    });
    // What the form saves, the desk's and the central service's rules take.
    if (!read.ok) return;
    expect(parseRaceSetup({ classes: { H21: read.value } }).ok).toBe(true);
  });

  it('saves no course as an empty one, in any order when chosen', () => {
    const read = readDraft({ ...blank, controlOrder: 'any-order' });
    expect(read.ok && read.value.requiredControls).toEqual([]);
    expect(read.ok && read.value.controlOrder).toBe('any-order');
  });

  it('keeps what the form does not show', () => {
    const read = readDraft(blank, { precision: 'seconds', rounding: 'up' });
    expect(read.ok && read.value).toMatchObject({
      precision: 'seconds',
      rounding: 'up',
      finishStation: 100,
    });
  });

  it.each([
    [{ startTime: '25:00' }, 'startTime', 'startTime'],
    [{ mode: 'interval', interval: '-5' } as const, 'interval', 'interval'],
    [{ mode: 'interval', interval: '' } as const, 'interval', 'interval'],
    [
      { mode: 'punch', startStation: '' } as const,
      'startStation',
      'startStation',
    ],
    [{ finish: 'mål!' }, 'finish', 'finish'],
    [{ controls: '31 3x2 33' }, 'controls', 'control'],
    [{ controls: '31 2000000' }, 'controls', 'control'],
    [{ controls: '31 100' }, 'controls', 'controlIsFinish'],
    [
      { mode: 'punch', startStation: '1', controls: '1 31' } as const,
      'controls',
      'controlIsStart',
    ],
    [
      { controls: Array.from({ length: 201 }, (_, i) => 31 + i).join(' ') },
      'controls',
      'tooManyControls',
    ],
  ])('names the field that is wrong in %j', (draft, field, key) => {
    const [first] = fieldsOf(draft);
    expect(first?.[0]).toBe(field);
    expect(first?.[1]).toBe(key);
  });

  it('says which code is wrong, in both languages', () => {
    const [error] = fieldsOf({ controls: '31 3x2' });
    expect(error?.[2]).toEqual({ code: '3x2' });
    expect(resultsNb.errors.control).toContain('Løype');
    expect(resultsEn.errors.control).toContain('Course');
  });

  it('shows a class as it was set up, or the defaults for a class without one', () => {
    const setup = {
      defaults: defaultClassSetup,
      classes: {
        H21: {
          start: {
            mode: 'interval' as const,
            firstStart: '11:00:00',
            intervalSeconds: 60,
          },
          finishStation: 100,
          requiredControls: [31, 32],
          controlOrder: 'any-order' as const,
        },
      },
      overrides: [],
      repeatSeconds: 3,
    };
    expect(draftOf(setup, 'H21')).toEqual({
      mode: 'interval',
      startTime: '11:00:00',
      interval: '60',
      startStation: 'c0',
      finish: '100',
      controls: '31 32',
      controlOrder: 'any-order',
    });
    expect(draftOf(setup, 'D21')).toMatchObject({
      mode: 'start-list',
      finish: 'c1',
      controls: '',
      controlOrder: 'in-order',
    });
  });
});
