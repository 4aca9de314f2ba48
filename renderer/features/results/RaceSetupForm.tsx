// How a class is timed: start mode (mass start at a time, interval from a
// first start, the start list's times, or start punches) and the finish
// station. Saved as a race-setup-set operation; the results follow.

import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Result } from '../../../shared/contract/result';
import type { Operation } from '../../../shared/domain/operation';
import { classSetupFor } from '../../../shared/results/setup';
import type {
  ClassSetup,
  RaceSetup,
  StartMode,
  Station,
} from '../../../shared/results/types';

type Mode = StartMode['mode'];
const modes: readonly Mode[] = ['mass', 'interval', 'start-list', 'punch'];
const isMode = (value: string): value is Mode => modes.some((m) => m === value);

/** A station as typed: a number is an SI control code, else a channel. */
const stationOf = (text: string): Station =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim();

type Props = {
  classNames: readonly string[];
  setup: RaceSetup;
  onSave(
    className: string,
    setup: Partial<ClassSetup>,
  ): Promise<Result<Operation>>;
};

export const RaceSetupForm = memo(function RaceSetupForm({
  classNames,
  setup,
  onSave,
}: Props) {
  const { t } = useTranslation();
  // '' sets the defaults every class without its own setup follows.
  const [className, setClassName] = useState('');
  const current = classSetupFor(setup, className);
  const [mode, setMode] = useState<Mode>(current.start.mode);
  const [startTime, setStartTime] = useState('10:00:00');
  const [interval, setIntervalSeconds] = useState<number>(30);
  const [startStation, setStartStation] = useState('c0');
  const [finish, setFinish] = useState(String(current.finishStation));
  const [message, setMessage] = useState<string | null>(null);

  const start = (): StartMode => {
    switch (mode) {
      case 'mass':
        return { mode, startTime };
      case 'interval':
        return { mode, firstStart: startTime, intervalSeconds: interval };
      case 'start-list':
        return { mode };
      case 'punch':
        return { mode, station: stationOf(startStation) };
    }
  };

  const save = async () => {
    const saved = await onSave(className, {
      start: start(),
      finishStation: stationOf(finish),
    });
    setMessage(saved.ok ? t('results.setupSaved') : saved.error.message);
  };

  return (
    <section aria-label={t('results.setup')}>
      <Title order={3}>{t('results.setup')}</Title>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('results.class')}
          value={className}
          data={[
            { value: '', label: t('results.allClasses') },
            ...classNames.map((name) => ({ value: name, label: name })),
          ]}
          onChange={(e) => setClassName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('results.startMode')}
          value={mode}
          data={modes.map((m) => ({
            value: m,
            label: t(`results.modes.${m}`),
          }))}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isMode(value)) setMode(value);
          }}
        />
        {(mode === 'mass' || mode === 'interval') && (
          <TextInput
            label={t('results.startTime')}
            value={startTime}
            w={120}
            onChange={(e) => setStartTime(e.currentTarget.value)}
          />
        )}
        {mode === 'interval' && (
          <NumberInput
            label={t('results.interval')}
            value={interval}
            min={0}
            max={3600}
            w={120}
            onChange={(value) => setIntervalSeconds(Number(value) || 0)}
          />
        )}
        {mode === 'punch' && (
          <TextInput
            label={t('results.startStation')}
            value={startStation}
            w={120}
            onChange={(e) => setStartStation(e.currentTarget.value)}
          />
        )}
        <TextInput
          label={t('results.finishStation')}
          value={finish}
          w={120}
          onChange={(e) => setFinish(e.currentTarget.value)}
        />
        <Button onClick={() => void save()}>{t('results.saveSetup')}</Button>
      </Group>
      {message && <Text role="status">{message}</Text>}
    </section>
  );
});
