// A device's state as a coloured badge with its detail (since when, which
// port, why), so the timing crew sees a pulled cable at a glance.

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { DeviceStatus } from '../../../shared/contract/devices';

const colourOf: Record<DeviceStatus['state'], string> = {
  connecting: 'yellow',
  connected: 'green',
  reading: 'blue',
  unplugged: 'red',
  busy: 'orange',
  'no-permission': 'red',
  'no-answer': 'orange',
  error: 'red',
  stopped: 'gray',
};

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString('nb-NO', { hour12: false });

export const DeviceStatusBadge = ({ status }: { status: DeviceStatus }) => {
  const { t } = useTranslation();
  const text = (() => {
    switch (status.state) {
      case 'connecting':
        return t('devices.state.connecting', { attempt: status.attempt });
      case 'connected':
        return t('devices.state.connected', { path: status.path });
      case 'reading':
        return t('devices.state.reading');
      case 'unplugged':
        return t('devices.state.unplugged', { since: clock(status.sinceMs) });
      case 'busy':
        return t('devices.state.busy');
      case 'no-permission':
        return t('devices.state.noPermission', { path: status.path });
      case 'no-answer':
        return t('devices.state.noAnswer', {
          rates: status.baudRates.join(` ${t('devices.state.or')} `),
        });
      case 'error':
        return t('devices.state.error', { reason: status.reason });
      case 'stopped':
        return t('devices.state.stopped');
    }
  })();
  return (
    <Badge
      color={colourOf[status.state]}
      variant="light"
      tt="none"
      data-state={status.state}
    >
      {text}
    </Badge>
  );
};
