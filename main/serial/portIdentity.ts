// Serial ports as the system lists them, and finding a known device again
// when it comes back under another name (USB adapters are renumbered on
// every plug-in: /dev/ttyUSB0 becomes /dev/ttyUSB1, COM3 becomes COM5).

import { SerialPort } from 'serialport';

export type UsbIdentity = {
  vendorId: string;
  productId: string;
  /** Absent on cheap adapters: then the first port with the ids is taken. */
  serialNumber?: string;
};

export type ListedPort = {
  path: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  manufacturer?: string;
};

export type ListPorts = () => Promise<ListedPort[]>;

/** Pseudo-terminals never appear here (udev does not list them). */
export const listSerialPorts: ListPorts = async () => {
  const ports = await SerialPort.list();
  return ports.map((port) => ({
    path: port.path,
    ...(port.vendorId ? { vendorId: port.vendorId.toLowerCase() } : {}),
    ...(port.productId ? { productId: port.productId.toLowerCase() } : {}),
    ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
    ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
  }));
};

/** What to remember about a port so it is found again after a replug. */
export const identityOf = (port: ListedPort): UsbIdentity | undefined =>
  port.vendorId && port.productId
    ? {
        vendorId: port.vendorId,
        productId: port.productId,
        ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
      }
    : undefined;

const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * The port carrying a remembered device. With a serial number only that
 * adapter matches; without one, the port it was last seen on wins, so two
 * identical adapters without serial numbers do not swap places.
 */
export const findPort = (
  ports: readonly ListedPort[],
  identity: UsbIdentity,
  lastPath?: string,
): ListedPort | undefined => {
  const matching = ports.filter(
    (port) =>
      same(port.vendorId, identity.vendorId) &&
      same(port.productId, identity.productId) &&
      (identity.serialNumber === undefined ||
        port.serialNumber === identity.serialNumber),
  );
  return matching.find((port) => port.path === lastPath) ?? matching[0];
};
