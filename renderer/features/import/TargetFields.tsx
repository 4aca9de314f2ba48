// Where an import goes: a new event with a name, or an event already here.

import {
  Input,
  NativeSelect,
  SegmentedControl,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';

export type TargetChoice = {
  mode: 'new' | 'existing';
  name: string;
  eventId: string;
};

type TargetFieldsProps = {
  choice: TargetChoice;
  events: readonly RaceEvent[];
  onChange(choice: TargetChoice): void;
};

export const TargetFields = ({
  choice,
  events,
  onChange,
}: TargetFieldsProps) => {
  const { t } = useTranslation();

  return (
    <>
      <Input.Wrapper label={t('import.target')}>
        <SegmentedControl
          display="flex"
          value={choice.mode}
          onChange={(v) =>
            onChange({ ...choice, mode: v === 'existing' ? 'existing' : 'new' })
          }
          data={[
            { value: 'new', label: t('import.newEvent') },
            {
              value: 'existing',
              label: t('import.existingEvent'),
              disabled: events.length === 0,
            },
          ]}
        />
      </Input.Wrapper>
      {choice.mode === 'new' ? (
        <TextInput
          label={t('import.eventName')}
          value={choice.name}
          w={280}
          onChange={(e) => onChange({ ...choice, name: e.currentTarget.value })}
        />
      ) : (
        <NativeSelect
          label={t('import.chooseEvent')}
          value={choice.eventId}
          w={280}
          onChange={(e) =>
            onChange({ ...choice, eventId: e.currentTarget.value })
          }
          data={[
            { value: '', label: '' },
            ...events.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
      )}
    </>
  );
};
