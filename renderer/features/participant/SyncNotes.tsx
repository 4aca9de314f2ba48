// The central service's answers to this desk's operations on one
// participant, when it did not simply apply them: a check-in refused for a
// deregistration, a bib that clashed, a bib outside the class range.

import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OperationNote } from '../../sync/deskSync';
import { useDesk } from '../shell/deskContext';
import { hourMinute, noteText } from '../sync/syncText';

const colorOf = (notes: readonly OperationNote[]) => {
  if (notes.some((n) => n.outcome === 'conflict')) return 'red';
  if (notes.some((n) => n.outcome === 'rejected')) return 'orange';
  return 'gray';
};

export const SyncNotes = ({ participantId }: { participantId: string }) => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const notes = store.sync.notes(participantId);
  if (notes.length === 0) return null;

  return (
    <Alert
      component="section"
      aria-label={t('sync.notes.title')}
      title={t('sync.notes.title')}
      color={colorOf(notes)}
      variant="light"
      p="xs"
    >
      <List size="sm" spacing={2}>
        {notes.map((note) => (
          <List.Item key={note.operationId}>
            {noteText(note, t)}{' '}
            <Text span size="xs" c="dimmed">
              {hourMinute(note.createdAt, i18n.language)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
};
