// The timing devices results can go to: those main has connected now. The
// display board and the Timy's printer are lines on a serial device
// (results:display, results:print); the operator picks which.

import type { DeviceSnapshot } from '../../../shared/contract/devices';
import { useWatchedDevices } from '../devices/useDevices';

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

/** Whether an update changes what the results page shows of a device. */
export const sameForResults = (
  before: DeviceSnapshot,
  after: DeviceSnapshot,
): boolean =>
  isConnected(before) === isConnected(after) &&
  before.setup.protocol === after.setup.protocol;

/**
 * The connected devices, from the devices page's own hook; a passing's
 * status event (a new count) does not redraw the results page.
 */
export const useResultDevices = (): DeviceSnapshot[] =>
  useWatchedDevices(sameForResults).devices.filter(isConnected);
