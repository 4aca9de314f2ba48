// How a class is timed: start mode (mass start at a time, interval from a
// first start, the start list's times, or start punches), the finish
// station and the course (the control codes to punch, in order or in any
// order). Saved as a race-setup-set operation; the results follow. What is
// wrong is said under the field (raceSetupDraft.ts checks it).

import {
  Button,
  Group,
  NativeSelect,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Result } from '../../../shared/contract/result';
import type { Operation } from '../../../shared/domain/operation';
import type { ClassSetup, RaceSetup } from '../../../shared/results/types';
import {
  controlOrders,
  type DraftError,
  type DraftField,
  draftOf,
  isControlOrder,
  isMode,
  modes,
  readDraft,
  type SetupDraft,
} from './raceSetupDraft';

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
  const [draft, setDraft] = useState<SetupDraft>(() => draftOf(setup, ''));
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  const change = (fields: Partial<SetupDraft>) => {
    setDraft((before) => ({ ...before, ...fields }));
    setErrors((before) =>
      before.filter((error) => !Object.keys(fields).includes(error.field)),
    );
    setMessage(null);
  };

  const pickClass = (name: string) => {
    setClassName(name);
    setDraft(draftOf(setup, name));
    setErrors([]);
    setMessage(null);
  };

  const errorFor = (field: DraftField) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`results.errors.${error.key}`, error.values) : undefined;
  };

  const save = async () => {
    // Fields the form does not show (precision, rounding) stay as they were.
    const base = className === '' ? setup.defaults : setup.classes[className];
    const read = readDraft(draft, base);
    if (!read.ok) {
      setErrors(read.errors);
      setMessage(null);
      return;
    }
    setErrors([]);
    const saved = await onSave(className, read.value);
    setMessage(saved.ok ? t('results.setupSaved') : saved.error.message);
  };

  const { mode } = draft;
  return (
    <section aria-label={t('results.setup')}>
      <Title order={3}>{t('results.setup')}</Title>
      <Group align="flex-start" wrap="wrap">
        <NativeSelect
          label={t('results.class')}
          value={className}
          data={[
            { value: '', label: t('results.allClasses') },
            ...classNames.map((name) => ({ value: name, label: name })),
          ]}
          onChange={(e) => pickClass(e.currentTarget.value)}
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
            if (isMode(value)) change({ mode: value });
          }}
        />
        {(mode === 'mass' || mode === 'interval') && (
          <TextInput
            label={t('results.startTime')}
            value={draft.startTime}
            w={140}
            error={errorFor('startTime')}
            onChange={(e) => change({ startTime: e.currentTarget.value })}
          />
        )}
        {mode === 'interval' && (
          <TextInput
            label={t('results.interval')}
            value={draft.interval}
            inputMode="numeric"
            w={140}
            error={errorFor('interval')}
            onChange={(e) => change({ interval: e.currentTarget.value })}
          />
        )}
        {mode === 'punch' && (
          <TextInput
            label={t('results.startStation')}
            value={draft.startStation}
            w={140}
            error={errorFor('startStation')}
            onChange={(e) => change({ startStation: e.currentTarget.value })}
          />
        )}
        <TextInput
          label={t('results.finishStation')}
          value={draft.finish}
          w={140}
          error={errorFor('finish')}
          onChange={(e) => change({ finish: e.currentTarget.value })}
        />
        <TextInput
          label={t('results.course')}
          description={t('results.courseHint')}
          placeholder="31 32 33"
          value={draft.controls}
          w={320}
          error={errorFor('controls')}
          onChange={(e) => change({ controls: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('results.controlOrder')}
          value={draft.controlOrder}
          data={controlOrders.map((order) => ({
            value: order,
            label: t(`results.controlOrders.${order}`),
          }))}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isControlOrder(value)) change({ controlOrder: value });
          }}
        />
      </Group>
      <Group mt="sm">
        <Button onClick={() => void save()}>{t('results.saveSetup')}</Button>
        {errors.length > 0 && (
          <Text role="alert" c="red">
            {t('results.setupInvalid')}
          </Text>
        )}
        {message && <Text role="status">{message}</Text>}
      </Group>
    </section>
  );
});
