// The search results as a virtualised listbox: 50,000 participants stay
// fast because only the visible rows exist in the DOM. The search box keeps
// focus and points at the active row with aria-activedescendant.

import { Badge, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { fullName } from '../../../shared/domain/participant';
import {
  birthYear,
  entryLines,
  isDeregistered,
  mediaReservations,
} from '../participant/participantFacts';

export const resultListId = 'search-results';
export const resultOptionId = (participantId: string) =>
  `result-${participantId}`;

const rowHeight = 46;

type ResultListProps = {
  results: readonly ParticipantView[];
  activeIndex: number;
  openId: string | null;
  onPick(view: ParticipantView): void;
};

export const ResultList = ({
  results,
  activeIndex,
  openId,
  onPick,
}: ResultListProps) => {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < results.length) {
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    }
  }, [activeIndex, results.length, virtualizer]);

  return (
    <div
      ref={scrollRef}
      id={resultListId}
      role="listbox"
      aria-label={t('search.results')}
      style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
    >
      {results.length === 0 && (
        <Text c="dimmed" size="sm" p="sm">
          {t('search.none')}
        </Text>
      )}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const view = results[item.index];
          if (!view) return null;
          return (
            <ResultRow
              key={view.participant.id}
              view={view}
              active={item.index === activeIndex}
              open={view.participant.id === openId}
              top={item.start}
              onPick={onPick}
            />
          );
        })}
      </div>
    </div>
  );
};

type ResultRowProps = {
  view: ParticipantView;
  active: boolean;
  open: boolean;
  top: number;
  onPick(view: ParticipantView): void;
};

const ResultRow = ({ view, active, open, top, onPick }: ResultRowProps) => {
  const { t } = useTranslation();
  const { participant, state } = view;
  const media = mediaReservations(participant).length > 0;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard reaches options through the search box (aria-activedescendant), not by focusing rows.
    <div
      id={resultOptionId(participant.id)}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      // Mouse picks too; the keyboard path is the search box's Enter.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(view)}
      style={{
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        height: rowHeight,
        padding: '4px 10px',
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        borderLeft: `3px solid ${open ? 'var(--mantine-color-blue-6)' : 'transparent'}`,
        background: active ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={6}>
        <Text size="sm" fw={600} truncate>
          {fullName(participant)}
        </Text>
        <Group gap={4} wrap="nowrap">
          {isDeregistered(view) && (
            <Badge color="red" size="xs">
              {t('search.deregistered')}
            </Badge>
          )}
          {media && (
            <Badge color="red" variant="outline" size="xs">
              {t('search.media')}
            </Badge>
          )}
          {state.checkedIn && (
            <Badge color="green" size="xs">
              {t('search.checkedIn')}
            </Badge>
          )}
          {state.bib !== '' && (
            <Badge variant="light" size="sm" ff="monospace">
              {state.bib}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {[birthYear(participant), participant.club, ...entryLines(participant)]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </div>
  );
};
