// Opening a serial port and saying why it failed in terms the desk can
// show: not there (unplugged), held by another program, refused by the
// system (permissions), or something else.

import { SerialPort } from 'serialport';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { LineSettings } from './lineSettings';

export type OpenFailure = 'missing' | 'busy' | 'no-permission' | 'error';

/**
 * What an open error means, per platform. serialport's texts: Linux and
 * macOS "Error: Resource busy, cannot open ...", its Linux lock is flock()
 * ("Resource temporarily unavailable", "Cannot lock port" on older
 * versions), "Permission denied, cannot open ..." (EACCES: the user is not
 * in the dialout group, a matter of permissions, not of another program);
 * Windows "Opening COM3: Access denied" (Windows opens a COM port
 * exclusively, so that is another program holding it) and "File not found".
 */
export const openFailureOf = (
  message: string,
  platform: NodeJS.Platform = process.platform,
): OpenFailure => {
  if (/ENOENT|no such file|cannot find|not found/i.test(message)) {
    return 'missing';
  }
  if (/EBUSY|busy|lock|temporarily unavailable|EAGAIN/i.test(message)) {
    return 'busy';
  }
  if (/access denied|EACCES|permission denied|EPERM/i.test(message)) {
    return platform === 'win32' ? 'busy' : 'no-permission';
  }
  return 'error';
};

export const openSerialPort = (
  path: string,
  settings: LineSettings,
  baudRate: number,
): Promise<Result<SerialPort>> =>
  new Promise((resolve) => {
    const port = new SerialPort({
      path,
      baudRate,
      dataBits: settings.dataBits,
      stopBits: settings.stopBits,
      parity: settings.parity,
      lock: true,
      autoOpen: false,
    });
    port.open((error) => {
      if (!error) {
        resolve(ok(port));
        return;
      }
      resolve(
        fail(
          openFailureOf(error.message),
          `Cannot open ${path}: ${error.message}`,
          {
            path,
          },
        ),
      );
    });
  });

/** Closes a port that may already be gone; never throws. */
export const closeQuietly = (port: SerialPort): Promise<void> =>
  new Promise((resolve) => {
    if (!port.isOpen) {
      resolve();
      return;
    }
    port.close(() => resolve());
  });
