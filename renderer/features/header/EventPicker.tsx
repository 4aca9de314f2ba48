import { NativeSelect } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RaceEvent } from '../../../shared/domain/event';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { errorText } from '../shell/errorText';
import { rememberEvent } from '../shell/lastEvent';

export const EventPicker = () => {
  const { t } = useTranslation();
  const { store, reportError } = useDesk();
  useStoreVersion(store);
  const [events, setEvents] = useState<RaceEvent[]>([]);
  const active = store.activeEvent();

  // The list changes when an event is opened, imported or renamed; not on
  // every check-in, so the key is the active event and its time stamp.
  const listKey = `${active?.id ?? ''}|${active?.updatedAt ?? ''}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: listKey is the signal to re-read the list.
  useEffect(() => {
    let current = true;
    void store.listEvents().then((list) => {
      if (current) setEvents(list);
    });
    return () => {
      current = false;
    };
  }, [store, listKey]);

  const open = async (eventId: string) => {
    const result = await store.openEvent(eventId);
    if (result.ok) rememberEvent(eventId);
    else reportError(errorText(result.error, t));
  };

  return (
    <NativeSelect
      size="xs"
      w={180}
      style={{ flexShrink: 0 }}
      aria-label={t('header.event')}
      value={active?.id ?? ''}
      onChange={(e) => void open(e.currentTarget.value)}
      data={[
        ...(active ? [] : [{ value: '', label: t('header.noEvent') }]),
        ...events.map((e) => ({ value: e.id, label: e.name })),
      ]}
    />
  );
};
