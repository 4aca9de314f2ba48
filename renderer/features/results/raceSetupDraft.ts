// The race setup form's fields as typed, and what they become: a class
// setup to record as a race-setup-set operation, or errors that name the
// field (message keys under results.errors, so both languages have them).
// Pure, so the rules are tested without a browser.

import { parseClock } from '../../../shared/results/clock';
import {
  classSetupFor,
  maxCourseControls,
  stationKey,
} from '../../../shared/results/setup';
import type {
  ClassSetup,
  ControlOrder,
  RaceSetup,
  StartMode,
  Station,
} from '../../../shared/results/types';

export type Mode = StartMode['mode'];
export const modes: readonly Mode[] = [
  'mass',
  'interval',
  'start-list',
  'punch',
];
export const isMode = (value: string): value is Mode =>
  modes.some((m) => m === value);

export const controlOrders: readonly ControlOrder[] = ['in-order', 'any-order'];
export const isControlOrder = (value: string): value is ControlOrder =>
  controlOrders.some((order) => order === value);

export type SetupDraft = {
  mode: Mode;
  /** The mass start, or the first interval start. */
  startTime: string;
  interval: string;
  startStation: string;
  finish: string;
  /** The course: control codes in course order, '31 32 33' or '31, 32'. */
  controls: string;
  controlOrder: ControlOrder;
};

export type DraftField =
  | 'startTime'
  | 'interval'
  | 'startStation'
  | 'finish'
  | 'controls';

/** A message key under results.errors and its values. */
export type DraftError = {
  field: DraftField;
  key:
    | 'startTime'
    | 'interval'
    | 'startStation'
    | 'finish'
    | 'control'
    | 'tooManyControls'
    | 'controlIsFinish'
    | 'controlIsStart';
  values: Record<string, string | number>;
};

export type DraftRead =
  | { ok: true; value: Partial<ClassSetup> }
  | { ok: false; errors: DraftError[] };

/** The form as the class's setup now stands ('' is every class). */
export const draftOf = (setup: RaceSetup, className: string): SetupDraft => {
  const current = classSetupFor(setup, className);
  const start = current.start;
  return {
    mode: start.mode,
    startTime:
      start.mode === 'mass'
        ? start.startTime
        : start.mode === 'interval'
          ? start.firstStart
          : '10:00:00',
    interval: start.mode === 'interval' ? String(start.intervalSeconds) : '30',
    startStation: start.mode === 'punch' ? String(start.station) : 'c0',
    finish: String(current.finishStation),
    controls: current.requiredControls.map(String).join(' '),
    controlOrder: current.controlOrder,
  };
};

/**
 * A control code (a whole number, as SportIdent and Emit number them) or
 * a channel such as a Timy's c0; within the sync schema's bounds.
 */
const stationOf = (text: string): Station | undefined => {
  const trimmed = text.trim();
  if (/^\d{1,7}$/.test(trimmed)) {
    const code = Number(trimmed);
    return code <= 1_000_000 ? code : undefined;
  }
  return /^[a-z][a-z0-9_]{0,19}$/i.test(trimmed) ? trimmed : undefined;
};

/** Codes apart by spaces, commas, semicolons or dashes (31-32-33). */
const controlTokens = (text: string): string[] =>
  text.split(/[\s,;–-]+/).filter((token) => token !== '');

const readStart = (
  draft: SetupDraft,
  errors: DraftError[],
): StartMode | undefined => {
  const clock = () => {
    if (parseClock(draft.startTime) !== undefined) return draft.startTime;
    errors.push({
      field: 'startTime',
      key: 'startTime',
      values: { value: draft.startTime },
    });
    return undefined;
  };
  switch (draft.mode) {
    case 'mass': {
      const startTime = clock();
      return startTime === undefined ? undefined : { mode: 'mass', startTime };
    }
    case 'interval': {
      const firstStart = clock();
      const seconds = Number(draft.interval);
      const intervalOk =
        draft.interval.trim() !== '' &&
        Number.isFinite(seconds) &&
        seconds >= 0 &&
        seconds <= 3600;
      if (!intervalOk) {
        errors.push({
          field: 'interval',
          key: 'interval',
          values: { value: draft.interval },
        });
      }
      return firstStart === undefined || !intervalOk
        ? undefined
        : { mode: 'interval', firstStart, intervalSeconds: seconds };
    }
    case 'start-list':
      return { mode: 'start-list' };
    case 'punch': {
      const station = stationOf(draft.startStation);
      if (station === undefined) {
        errors.push({
          field: 'startStation',
          key: 'startStation',
          values: { value: draft.startStation },
        });
        return undefined;
      }
      return { mode: 'punch', station };
    }
  }
};

/**
 * The setup the form says, on top of what the class had (`base`: fields
 * the form does not show, such as precision, are kept).
 */
export const readDraft = (
  draft: SetupDraft,
  base: Partial<ClassSetup> = {},
): DraftRead => {
  const errors: DraftError[] = [];
  const start = readStart(draft, errors);
  const finish = stationOf(draft.finish);
  if (finish === undefined) {
    errors.push({
      field: 'finish',
      key: 'finish',
      values: { value: draft.finish },
    });
  }
  const tokens = controlTokens(draft.controls);
  const controls: Station[] = [];
  const stationKeys = new Map<string, DraftError['key']>();
  if (finish !== undefined)
    stationKeys.set(stationKey(finish), 'controlIsFinish');
  if (start?.mode === 'punch') {
    stationKeys.set(stationKey(start.station), 'controlIsStart');
  }
  if (tokens.length > maxCourseControls) {
    errors.push({
      field: 'controls',
      key: 'tooManyControls',
      values: { max: maxCourseControls, count: tokens.length },
    });
  }
  for (const token of tokens) {
    const control = stationOf(token);
    const clash =
      control === undefined ? undefined : stationKeys.get(stationKey(control));
    if (control === undefined || clash) {
      errors.push({
        field: 'controls',
        key: clash ?? 'control',
        values: { code: token },
      });
      break;
    }
    controls.push(control);
  }
  if (errors.length > 0 || start === undefined || finish === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      ...base,
      start,
      finishStation: finish,
      requiredControls: controls,
      controlOrder: draft.controlOrder,
    },
  };
};
