// The devices main watches, kept current from its status events.

import { useCallback, useEffect, useState } from 'react';

import type { DeskApi } from '../../../shared/contract/desk';
import type {
  ClockSet,
  DeviceSetup,
  DeviceSnapshot,
  SerialPortInfo,
} from '../../../shared/contract/devices';
import type { AppError, Result } from '../../../shared/contract/result';
import { getDeskApi } from '../../bridge/getDeskApi';

export type DevicesState = {
  devices: DeviceSnapshot[];
  ports: SerialPortInfo[];
  error: AppError | null;
  refreshPorts(): Promise<void>;
  watch(setup: DeviceSetup): Promise<AppError | null>;
  stop(id: string): Promise<void>;
  setClock(id: string): Promise<Result<ClockSet>>;
};

export const upsert = (list: DeviceSnapshot[], snapshot: DeviceSnapshot) => {
  const index = list.findIndex((d) => d.setup.id === snapshot.setup.id);
  if (index < 0) return [...list, snapshot];
  return list.map((d, i) => (i === index ? snapshot : d));
};

const never = () => false;

/**
 * The devices main watches, listed once and kept current from its status
 * events: the devices page and the results page (useResultDevices).
 */
export const useWatchedDevices = (
  /**
   * True when an update changes nothing its page shows: the list stays
   * the same object, so the page does not redraw (the results page needs
   * only which devices are connected, not each passing's count).
   */
  same: (before: DeviceSnapshot, after: DeviceSnapshot) => boolean = never,
) => {
  const [api, setApi] = useState<DeskApi | null>(null);
  const [devices, setDevices] = useState<DeviceSnapshot[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    let off: () => void = () => undefined;
    void getDeskApi().then(async (found) => {
      if (!live) return;
      setApi(found);
      off = found.on('devices:status', ({ snapshot }) =>
        setDevices((list) => {
          const before = list.find((d) => d.setup.id === snapshot.setup.id);
          return before && same(before, snapshot)
            ? list
            : upsert(list, snapshot);
        }),
      );
      // Status events reach pages that subscribed; the feed did already,
      // but this page may be the first to ask after a reload.
      await found.invoke('devices:subscribe', {});
      const listed = await found.invoke('devices:list', {});
      if (!live) return;
      if (listed.ok) setDevices(listed.value);
      else setError(listed.error);
    });
    return () => {
      live = false;
      off();
    };
  }, [same]);

  return { api, devices, setDevices, error, setError };
};

export const useDevices = (): DevicesState => {
  const { api, devices, setDevices, error, setError } = useWatchedDevices();
  const [ports, setPorts] = useState<SerialPortInfo[]>([]);

  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.invoke('devices:list-ports', {}).then((listed) => {
      if (live && listed.ok) setPorts(listed.value);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const refreshPorts = useCallback(async () => {
    if (!api) return;
    const listed = await api.invoke('devices:list-ports', {});
    if (listed.ok) setPorts(listed.value);
    else setError(listed.error);
  }, [api, setError]);

  const watch = useCallback(
    async (setup: DeviceSetup) => {
      if (!api) return null;
      const watched = await api.invoke('devices:watch', setup);
      if (!watched.ok) return watched.error;
      setDevices((list) => upsert(list, watched.value));
      return null;
    },
    [api, setDevices],
  );

  const stop = useCallback(
    async (id: string) => {
      if (!api) return;
      const stopped = await api.invoke('devices:stop', { id });
      if (stopped.ok) {
        setDevices((list) => list.filter((d) => d.setup.id !== id));
      }
    },
    [api, setDevices],
  );

  const setClock = useCallback(
    async (id: string): Promise<Result<ClockSet>> =>
      api
        ? api.invoke('devices:set-clock', { id })
        : {
            ok: false,
            error: { code: 'devices-unavailable', message: 'No desk API' },
          },
    [api],
  );

  return { devices, ports, error, refreshPorts, watch, stop, setClock };
};
