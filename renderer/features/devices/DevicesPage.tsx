// The timing devices: serial ports the system sees, devices added with
// their protocol, and each device's state as main reports it.

import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  type DeviceProtocol,
  type DeviceSnapshot,
  deviceProtocols,
  isDeviceProtocol,
  type SerialPortInfo,
  type UsbIdentity,
} from '../../../shared/contract/devices';
import { DeviceStatusBadge } from './DeviceStatusBadge';
import { useDevices } from './useDevices';

const usbOf = (port: SerialPortInfo): UsbIdentity | undefined =>
  port.vendorId && port.productId
    ? {
        vendorId: port.vendorId,
        productId: port.productId,
        ...(port.serialNumber ? { serialNumber: port.serialNumber } : {}),
      }
    : undefined;

/** Devices with a clock the desk can set (shared/timing encoders). */
const hasClock = (protocol: DeviceProtocol) =>
  protocol === 'sportident' || protocol === 'emit-mtr4';

const canSetClock = (device: DeviceSnapshot) =>
  hasClock(device.setup.protocol) &&
  (device.status.state === 'connected' || device.status.state === 'reading');

export const DevicesPage = () => {
  const { t } = useTranslation();
  const { devices, ports, error, refreshPorts, watch, stop, setClock } =
    useDevices();
  const [name, setName] = useState('finish');
  const [protocol, setProtocol] = useState<DeviceProtocol>('sportident');
  const [path, setPath] = useState('');
  const [usb, setUsb] = useState<UsbIdentity | undefined>();
  const [addError, setAddError] = useState<string | null>(null);
  const [clockNote, setClockNote] = useState<{
    text: string;
    failed: boolean;
  } | null>(null);

  const setDeviceClock = async (id: string) => {
    const set = await setClock(id);
    if (!set.ok) {
      setClockNote({
        text: t('devices.clockFailed', { id, reason: set.error.message }),
        failed: true,
      });
      return;
    }
    const { setTo, deviceTime } = set.value;
    setClockNote({
      text: deviceTime
        ? t('devices.clockSet', { id, setTo, deviceTime })
        : t('devices.clockSetSilent', { id, setTo }),
      failed: false,
    });
  };

  const add = async () => {
    const refused = await watch({
      id: name.trim(),
      protocol,
      ...(path.trim() ? { path: path.trim() } : {}),
      ...(usb ? { usb } : {}),
    });
    setAddError(refused ? refused.message : null);
  };

  return (
    <Stack p="md" gap="lg" maw={1100}>
      <Title order={2}>{t('devices.title')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error.code === 'devices-unavailable'
            ? t('devices.unavailable')
            : error.message}
        </Alert>
      )}

      <section aria-label={t('devices.ports')}>
        <Group justify="space-between">
          <Title order={3}>{t('devices.ports')}</Title>
          <Button variant="default" onClick={() => void refreshPorts()}>
            {t('devices.refresh')}
          </Button>
        </Group>
        {ports.length === 0 ? (
          <Text c="dimmed">{t('devices.noPorts')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {ports.map((port) => (
                <Table.Tr key={port.path}>
                  <Table.Td ff="monospace">{port.path}</Table.Td>
                  <Table.Td>{port.manufacturer ?? ''}</Table.Td>
                  <Table.Td ff="monospace">
                    {[port.vendorId, port.productId, port.serialNumber]
                      .filter(Boolean)
                      .join(':')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        setPath(port.path);
                        setUsb(usbOf(port));
                      }}
                    >
                      {t('devices.port')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-label={t('devices.add')}>
        <Title order={3}>{t('devices.add')}</Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('devices.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('devices.protocol')}
            value={protocol}
            data={deviceProtocols.map((p) => ({
              value: p,
              label: t(`devices.protocols.${p}`),
            }))}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isDeviceProtocol(value)) setProtocol(value);
            }}
          />
          <TextInput
            label={t('devices.port')}
            description={t('devices.portHint')}
            value={path}
            w={320}
            onChange={(e) => {
              setPath(e.currentTarget.value);
              setUsb(undefined);
            }}
          />
          <Button onClick={() => void add()}>{t('devices.watch')}</Button>
        </Group>
        {addError && (
          <Text c="red" role="alert">
            {addError}
          </Text>
        )}
      </section>

      <section aria-label={t('devices.title')}>
        {clockNote && (
          <Alert
            color={clockNote.failed ? 'red' : 'green'}
            role={clockNote.failed ? 'alert' : 'status'}
            withCloseButton
            onClose={() => setClockNote(null)}
          >
            {clockNote.text}
          </Alert>
        )}
        {devices.length === 0 ? (
          <Text c="dimmed">{t('devices.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('devices.name')}</Table.Th>
                <Table.Th>{t('devices.protocol')}</Table.Th>
                <Table.Th>{t('devices.stateColumn')}</Table.Th>
                <Table.Th>{t('devices.passings')}</Table.Th>
                <Table.Th>{t('devices.badFrames')}</Table.Th>
                <Table.Th>{t('devices.capture')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((device) => (
                <Table.Tr key={device.setup.id} data-device={device.setup.id}>
                  <Table.Td fw={700}>{device.setup.id}</Table.Td>
                  <Table.Td>
                    {t(`devices.protocols.${device.setup.protocol}`)}
                  </Table.Td>
                  <Table.Td>
                    <DeviceStatusBadge status={device.status} />
                  </Table.Td>
                  <Table.Td data-testid="passings">{device.passings}</Table.Td>
                  <Table.Td>{device.badFrames}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {device.capturePath}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {hasClock(device.setup.protocol) && (
                        <Button
                          size="xs"
                          variant="light"
                          disabled={!canSetClock(device)}
                          onClick={() => void setDeviceClock(device.setup.id)}
                        >
                          {t('devices.setClock')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => void stop(device.setup.id)}
                      >
                        {t('devices.stop')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
};
