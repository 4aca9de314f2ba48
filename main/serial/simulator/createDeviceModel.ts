import type { TimingProtocol } from '../../../shared/timing/passing';
import type { DeviceModel } from './deviceModel';
import { createEmit250Reader } from './emit250Reader';
import { createMtr4Unit } from './mtr4Unit';
import { createSportidentStation } from './sportidentStation';
import { createTimyUnit } from './timyUnit';

/** A fresh simulated device of the protocol, memory empty. */
export const createDeviceModel = (protocol: TimingProtocol): DeviceModel => {
  switch (protocol) {
    case 'sportident':
      return createSportidentStation();
    case 'emit-mtr4':
      return createMtr4Unit();
    case 'alge-timy':
      return createTimyUnit();
    case 'emit-250':
      return createEmit250Reader();
  }
};
