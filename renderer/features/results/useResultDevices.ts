// The timing devices results can go to: those main has connected now. The
// display board and the Timy's printer are lines on a serial device
// (results:display, results:print); the operator picks which.

import { useEffect, useState } from 'react';

import type { DeviceSnapshot } from '../../../shared/contract/devices';
import { getDeskApi } from '../../bridge/getDeskApi';

const upsert = (list: DeviceSnapshot[], snapshot: DeviceSnapshot) => {
  const index = list.findIndex((d) => d.setup.id === snapshot.setup.id);
  if (index < 0) return [...list, snapshot];
  return list.map((d, i) => (i === index ? snapshot : d));
};

/** Connected (or reading its memory, which it answers lines during). */
export const isConnected = (device: DeviceSnapshot): boolean =>
  device.status.state === 'connected' || device.status.state === 'reading';

/** A device kind made for a display board, whatever its protocol's name. */
export const isDisplayBoard = (device: DeviceSnapshot): boolean =>
  /display|board|scoreboard/i.test(device.setup.protocol);

/** The device to offer first: the kind made for it, else the first connected. */
export const preferredDevice = (
  devices: readonly DeviceSnapshot[],
  prefer: (device: DeviceSnapshot) => boolean,
): string => (devices.find(prefer) ?? devices[0])?.setup.id ?? '';

export const useResultDevices = (): DeviceSnapshot[] => {
  const [devices, setDevices] = useState<DeviceSnapshot[]>([]);
  useEffect(() => {
    let live = true;
    let off: () => void = () => undefined;
    void getDeskApi().then(async (api) => {
      if (!live) return;
      off = api.on('devices:status', ({ snapshot }) =>
        setDevices((list) => upsert(list, snapshot)),
      );
      await api.invoke('devices:subscribe', {});
      const listed = await api.invoke('devices:list', {});
      if (live && listed.ok) setDevices(listed.value);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return devices.filter(isConnected);
};
