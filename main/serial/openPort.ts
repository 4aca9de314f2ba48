// Opening a serial port and saying why it failed in terms the desk can
// show: not there (unplugged), held by another program, or something else.

import { SerialPort } from 'serialport';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { LineSettings } from './lineSettings';

export type OpenFailure = 'missing' | 'busy' | 'error';

const codeOf = (error: Error): OpenFailure => {
  const text = error.message;
  // serialport's Linux lock is flock(): EWOULDBLOCK reads "Resource
  // temporarily unavailable"; "Cannot lock port" on older versions.
  if (/EBUSY|busy|lock|temporarily unavailable|EACCES/i.test(text)) {
    return 'busy';
  }
  if (/ENOENT|no such file|cannot find|not found/i.test(text)) {
    return 'missing';
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
        fail(codeOf(error), `Cannot open ${path}: ${error.message}`, {
          path,
        }),
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
