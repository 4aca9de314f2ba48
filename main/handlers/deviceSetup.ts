// Reading a device setup from what arrived over the desk socket or from
// devices.json: every field checked, errors naming the field.

import {
  type DeviceSetup,
  isDeviceProtocol,
  type UsbIdentity,
} from '../../shared/contract/devices';
import { fail, ok, type Result } from '../../shared/contract/result';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const bad = (field: string, message: string) =>
  fail('invalid-arguments', `${field} ${message}`, { field });

const idPattern = /^[A-Za-z0-9][A-Za-z0-9 _-]{0,39}$/;
const hexId = /^[0-9a-fA-F]{4}$/;

const readUsb = (value: unknown, at: string): Result<UsbIdentity> => {
  if (!isFields(value)) return bad(at, 'must be an object');
  const { vendorId, productId, serialNumber } = value;
  if (typeof vendorId !== 'string' || !hexId.test(vendorId)) {
    return bad(`${at}.vendorId`, 'must be four hex digits');
  }
  if (typeof productId !== 'string' || !hexId.test(productId)) {
    return bad(`${at}.productId`, 'must be four hex digits');
  }
  if (serialNumber !== undefined && typeof serialNumber !== 'string') {
    return bad(`${at}.serialNumber`, 'must be text');
  }
  return ok({
    vendorId: vendorId.toLowerCase(),
    productId: productId.toLowerCase(),
    ...(serialNumber ? { serialNumber } : {}),
  });
};

export const readDeviceSetup = (
  value: unknown,
  at = 'device',
): Result<DeviceSetup> => {
  if (!isFields(value)) return bad(at, 'must be an object');
  const { id, protocol, path, usb } = value;
  if (typeof id !== 'string' || !idPattern.test(id)) {
    return bad(`${at}.id`, 'must be 1-40 letters, digits, spaces, - or _');
  }
  if (typeof protocol !== 'string' || !isDeviceProtocol(protocol)) {
    return bad(`${at}.protocol`, 'must be a known device protocol');
  }
  if (path !== undefined && (typeof path !== 'string' || path.length > 500)) {
    return bad(`${at}.path`, 'must be a port name');
  }
  if (path === undefined && usb === undefined) {
    return bad(at, 'needs a port path or a USB identity');
  }
  const identity = usb === undefined ? undefined : readUsb(usb, `${at}.usb`);
  if (identity && !identity.ok) return identity;
  return ok({
    id,
    protocol,
    ...(typeof path === 'string' && path !== '' ? { path } : {}),
    ...(identity ? { usb: identity.value } : {}),
  });
};

/** devices.json: a list of setups. */
export const parseDeviceSetups = (text: string): Result<DeviceSetup[]> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('devices.json', 'is not JSON');
  }
  if (!Array.isArray(value)) return bad('devices.json', 'must be a list');
  const setups: DeviceSetup[] = [];
  for (const [index, item] of value.entries()) {
    const read = readDeviceSetup(item, `devices.json[${index}]`);
    if (!read.ok) return read;
    setups.push(read.value);
  }
  return ok(setups);
};
