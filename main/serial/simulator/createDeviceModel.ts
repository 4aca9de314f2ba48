import type { TimingProtocol } from '../../../shared/timing/passing';
import type { DeviceModel } from './deviceModel';
import { createEmit250Reader } from './emit250Reader';
import { createMtr4Unit } from './mtr4Unit';
import { createSportidentStation } from './sportidentStation';
import { createTimyUnit } from './timyUnit';

export type ModelOptions = {
  /** SportIdent: start-up commands whose answer is lost on the line. */
  loseStartUpAnswers?: number;
  /** What the device was told to do (a clock set), for the operator. */
  log?: (text: string) => void;
};

/** A fresh simulated device of the protocol, memory empty. */
export const createDeviceModel = (
  protocol: TimingProtocol,
  options: ModelOptions = {},
): DeviceModel => {
  switch (protocol) {
    case 'sportident':
      return createSportidentStation(options);
    case 'emit-mtr4':
      return createMtr4Unit(options.log ? { log: options.log } : {});
    case 'alge-timy':
      return createTimyUnit();
    case 'emit-250':
      return createEmit250Reader();
  }
};
