// The devices area of the desk contract in plain Node
// (shared/contract/devices.ts): handlers, argument checks at the process
// boundary and time limits. Events reach every page that subscribed: the
// emit a request comes with is bound to its caller (a socket or a window),
// so 'devices:subscribe' keeps it for the device events that follow.

import type { DeskEventName, DeskEvents } from '../../shared/contract/desk';
import {
  type DeviceRequestName,
  type DeviceRequests,
  deviceRequestLimitsMs,
} from '../../shared/contract/devices';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { DeviceService } from './deviceService';
import { readDeviceSetup } from './deviceSetup';

export type DeviceHandlerOptions = {
  /** Absent where no data folder is open: every request says so. */
  service?: DeviceService;
};

export const deviceTimeoutsMs = deviceRequestLimitsMs;

type Check<K extends DeviceRequestName> = (
  args: unknown,
) => Result<DeviceRequests[K]['args']>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (name: DeviceRequestName, field: string, message: string) =>
  fail('invalid-arguments', `${name}: ${field} ${message}`, { name, field });

const noArguments =
  <K extends DeviceRequestName>(name: K): Check<K> =>
  (args) =>
    args === undefined || isRecord(args)
      ? ok({})
      : invalid(name, 'arguments', 'must be an object');

/** One acknowledgement carries at most this many ids. */
export const maxAcknowledgeIds = 5_000;

export const deviceArgumentChecks = {
  'devices:list-ports': noArguments('devices:list-ports'),
  'devices:list': noArguments('devices:list'),
  'devices:watch': (args) => {
    const read = readDeviceSetup(args, 'arguments');
    return read.ok
      ? read
      : fail('invalid-arguments', `devices:watch: ${read.error.message}`, {
          ...read.error.data,
          name: 'devices:watch',
        });
  },
  'devices:stop': (args) =>
    isRecord(args) && typeof args.id === 'string' && args.id !== ''
      ? ok({ id: args.id })
      : invalid('devices:stop', 'id', 'must be a device name'),
  'devices:subscribe': noArguments('devices:subscribe'),
  'devices:set-clock': (args) =>
    isRecord(args) && typeof args.id === 'string' && args.id !== ''
      ? ok({ id: args.id })
      : invalid('devices:set-clock', 'id', 'must be a device name'),
  'devices:acknowledge': (args) => {
    const name = 'devices:acknowledge';
    if (!isRecord(args) || !Array.isArray(args.ids)) {
      return invalid(name, 'ids', 'must be a list of passing ids');
    }
    const ids: unknown[] = args.ids;
    if (ids.length > maxAcknowledgeIds) {
      return invalid(name, 'ids', `holds more than ${maxAcknowledgeIds}`);
    }
    const strings = ids.filter((id): id is string => typeof id === 'string');
    return strings.length === ids.length
      ? ok({ ids: strings })
      : invalid(name, 'ids', 'must hold text only');
  },
} satisfies { [K in DeviceRequestName]: Check<K> };

type Emit = <E extends DeskEventName>(name: E, payload: DeskEvents[E]) => void;

type Handler<K extends DeviceRequestName> = (
  args: DeviceRequests[K]['args'],
  emit: Emit,
) => Promise<Result<DeviceRequests[K]['result']>>;

/** Pages that reload subscribe again; the oldest emits are let go. */
const maxSubscribers = 16;

const unavailable = () =>
  fail('devices-unavailable', 'Timing devices need the desk app or its host');

export const createDeviceHandlers = (options: DeviceHandlerOptions) => {
  const { service } = options;
  const subscribers: Emit[] = [];

  service?.onEvent((event) => {
    for (const emit of subscribers) {
      if (event.type === 'status') {
        emit('devices:status', {
          device: event.device,
          snapshot: event.snapshot,
        });
      } else if (event.type === 'passing') {
        emit('devices:passing', event.passing);
      } else {
        emit('devices:readout', event.readout);
      }
    }
  });

  const handlers: { [K in DeviceRequestName]: Handler<K> } = {
    'devices:list-ports': async () =>
      service ? ok(await service.listPorts()) : unavailable(),
    'devices:list': async () => (service ? ok(service.list()) : unavailable()),
    'devices:watch': async (setup) =>
      service ? ok(await service.watch(setup)) : unavailable(),
    'devices:stop': async ({ id }) => {
      if (!service) return unavailable();
      return (await service.stop(id))
        ? ok({ id })
        : fail('unknown-device', `No device is named ${id}`, { id });
    },
    'devices:subscribe': async (_args, emit) => {
      if (!service) return unavailable();
      if (!subscribers.includes(emit)) subscribers.push(emit);
      if (subscribers.length > maxSubscribers) subscribers.shift();
      return ok({ unacknowledged: service.unacknowledged() });
    },
    'devices:set-clock': async ({ id }) =>
      service ? service.setClock(id) : unavailable(),
    'devices:acknowledge': async ({ ids }) =>
      service
        ? ok({ acknowledged: await service.acknowledge(ids) })
        : unavailable(),
  };
  return handlers;
};
