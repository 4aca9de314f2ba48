// The race setup: defaults, the setup of one class, and reading a setup
// from JSON (a file the timing crew wrote, or a request body) with errors
// that say which field is wrong.

import { fail, ok, type Result } from '../contract/result';
import { parseClock } from './clock';
import type {
  ClassSetup,
  ControlOrder,
  ManualStatus,
  RaceSetup,
  StartMode,
  Station,
  StatusOverride,
  TimePrecision,
} from './types';

/**
 * Start-list starts and the Timy's finish channel c1 (ALGE's convention:
 * c0 start, c1 finish); times to the millisecond the devices give, no
 * finish sooner than a second after the start, nothing after 12 hours.
 */
export const defaultClassSetup: ClassSetup = {
  start: { mode: 'start-list' },
  finishStation: 'c1',
  requiredControls: [],
  controlOrder: 'in-order',
  precision: 'ms',
  rounding: 'down',
  minSeconds: 1,
  maxSeconds: 12 * 3600,
};

export const defaultRaceSetup: RaceSetup = {
  defaults: defaultClassSetup,
  classes: {},
  overrides: [],
  repeatSeconds: 3,
};

export const classSetupFor = (
  setup: RaceSetup,
  className: string,
): ClassSetup => ({ ...setup.defaults, ...setup.classes[className] });

/** Stations compare as trimmed lower-case text: 31 and '31', 'C1' and 'c1'. */
export const stationKey = (station: Station): string =>
  String(station).trim().toLowerCase();

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const bad = (path: string, message: string) =>
  fail('invalid-setup', `${path}: ${message}`, { path });

/** Within the sync schema's bounds, so the central service takes it too. */
const isStation = (value: unknown): value is Station =>
  (typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= 1_000_000) ||
  (typeof value === 'string' && value.trim() !== '' && value.length <= 20);

const clockField = (value: unknown, path: string): Result<string> =>
  typeof value === 'string' && parseClock(value) !== undefined
    ? ok(value)
    : bad(path, 'expected a clock time like "10:00:00"');

const readStart = (value: unknown, path: string): Result<StartMode> => {
  if (!isFields(value)) return bad(path, 'expected an object with "mode"');
  switch (value.mode) {
    case 'mass': {
      const at = clockField(value.startTime, `${path}.startTime`);
      return at.ok ? ok({ mode: 'mass', startTime: at.value }) : at;
    }
    case 'interval': {
      const first = clockField(value.firstStart, `${path}.firstStart`);
      if (!first.ok) return first;
      const step = value.intervalSeconds;
      if (typeof step !== 'number' || !(step >= 0) || step > 3600) {
        return bad(`${path}.intervalSeconds`, 'expected seconds, 0 to 3600');
      }
      return ok({
        mode: 'interval',
        firstStart: first.value,
        intervalSeconds: step,
      });
    }
    case 'start-list':
      return ok({ mode: 'start-list' });
    case 'punch': {
      if (!isStation(value.station)) {
        return bad(`${path}.station`, 'expected a station code or channel');
      }
      if (value.opensAt === undefined) {
        return ok({ mode: 'punch', station: value.station });
      }
      const opens = clockField(value.opensAt, `${path}.opensAt`);
      if (!opens.ok) return opens;
      return ok({
        mode: 'punch',
        station: value.station,
        opensAt: opens.value,
      });
    }
    default:
      return bad(
        `${path}.mode`,
        'expected "mass", "interval", "start-list" or "punch"',
      );
  }
};

/** A course longer than this is a typo (the sync schema's limit too). */
export const maxCourseControls = 200;

const controlOrders: readonly ControlOrder[] = ['in-order', 'any-order'];

const precisions: readonly TimePrecision[] = [
  'ms',
  'hundredths',
  'tenths',
  'seconds',
];

const seconds = (value: unknown, path: string): Result<number> =>
  typeof value === 'number' && value >= 0 && value <= 86_399
    ? ok(value)
    : bad(path, 'expected seconds, 0 to 86399');

/** Reads the fields present; absent ones stay absent. */
const readClassSetup = (
  value: unknown,
  path: string,
): Result<Partial<ClassSetup>> => {
  if (!isFields(value)) return bad(path, 'expected an object');
  const out: Partial<ClassSetup> = {};
  if (value.start !== undefined) {
    const start = readStart(value.start, `${path}.start`);
    if (!start.ok) return start;
    out.start = start.value;
  }
  if (value.finishStation !== undefined) {
    if (!isStation(value.finishStation)) {
      return bad(`${path}.finishStation`, 'expected a station or channel');
    }
    out.finishStation = value.finishStation;
  }
  if (value.requiredControls !== undefined) {
    const list = value.requiredControls;
    if (!Array.isArray(list)) {
      return bad(`${path}.requiredControls`, 'expected a list of stations');
    }
    if (list.length > maxCourseControls) {
      return bad(
        `${path}.requiredControls`,
        `at most ${maxCourseControls} controls`,
      );
    }
    const wrong = list.findIndex((station) => !isStation(station));
    if (wrong !== -1) {
      return bad(
        `${path}.requiredControls[${wrong}]`,
        'expected a control code (a whole number) or a channel',
      );
    }
    out.requiredControls = list;
  }
  if (value.controlOrder !== undefined) {
    const order = controlOrders.find((name) => name === value.controlOrder);
    if (!order) {
      return bad(`${path}.controlOrder`, 'expected "in-order" or "any-order"');
    }
    out.controlOrder = order;
  }
  if (value.precision !== undefined) {
    const found = precisions.find((name) => name === value.precision);
    if (!found) {
      return bad(`${path}.precision`, `expected ${precisions.join(', ')}`);
    }
    out.precision = found;
  }
  if (value.rounding !== undefined) {
    if (value.rounding !== 'down' && value.rounding !== 'up') {
      return bad(`${path}.rounding`, 'expected "down" or "up"');
    }
    out.rounding = value.rounding;
  }
  for (const key of ['minSeconds', 'maxSeconds'] as const) {
    if (value[key] === undefined) continue;
    const read = seconds(value[key], `${path}.${key}`);
    if (!read.ok) return read;
    out[key] = read.value;
  }
  return ok(out);
};

const manualStatuses: readonly ManualStatus[] = ['dns', 'dnf', 'dsq', 'ok'];

const readOverride = (value: unknown, path: string): Result<StatusOverride> => {
  if (!isFields(value)) return bad(path, 'expected an object');
  const { participantId, className = '', reason = '' } = value;
  const status = manualStatuses.find((name) => name === value.status);
  if (typeof participantId !== 'string' || participantId === '') {
    return bad(`${path}.participantId`, 'expected a participant id');
  }
  if (!status) return bad(`${path}.status`, 'expected dns, dnf, dsq or ok');
  if (typeof className !== 'string' || typeof reason !== 'string') {
    return bad(path, 'className and reason must be text');
  }
  return ok({ participantId, className, status, reason });
};

/**
 * A setup from parsed JSON: `defaults` and `classes` may name only what
 * differs from defaultClassSetup; every field is checked.
 */
export const parseRaceSetup = (value: unknown): Result<RaceSetup> => {
  if (!isFields(value)) return bad('setup', 'expected an object');
  const defaults = readClassSetup(value.defaults ?? {}, 'defaults');
  if (!defaults.ok) return defaults;

  const classes: Record<string, Partial<ClassSetup>> = {};
  const classFields = value.classes ?? {};
  if (!isFields(classFields)) return bad('classes', 'expected an object');
  for (const [name, fields] of Object.entries(classFields)) {
    const read = readClassSetup(fields, `classes["${name}"]`);
    if (!read.ok) return read;
    classes[name] = read.value;
  }

  const overrideList = value.overrides ?? [];
  if (!Array.isArray(overrideList)) return bad('overrides', 'expected a list');
  const overrides: StatusOverride[] = [];
  for (const [index, item] of overrideList.entries()) {
    const read = readOverride(item, `overrides[${index}]`);
    if (!read.ok) return read;
    overrides.push(read.value);
  }

  const repeat = seconds(
    value.repeatSeconds ?? defaultRaceSetup.repeatSeconds,
    'repeatSeconds',
  );
  if (!repeat.ok) return repeat;
  return ok({
    defaults: { ...defaultClassSetup, ...defaults.value },
    classes,
    overrides,
    repeatSeconds: repeat.value,
  });
};
