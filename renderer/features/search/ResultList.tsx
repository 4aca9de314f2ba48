// The search results as a virtualised listbox: 50,000 participants stay
// fast because only the visible rows exist in the DOM. The search box keeps
// focus and points at the active row with aria-activedescendant.

import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { ResultRow } from './ResultRow';

export const resultListId = 'search-results';

const rowHeight = 46;

type ResultListProps = {
  /** The query the results answer. */
  query: string;
  results: readonly ParticipantView[];
  activeIndex: number;
  openId: string | null;
  onPick(view: ParticipantView): void;
};

export const ResultList = ({
  query,
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

  // A new query starts at the top; a change from the store (another desk's
  // check-in) keeps the place the operator scrolled to. Scroll positions
  // are touched only when needed: reading or writing one makes the browser
  // lay the page out first, which with Mantine's stylesheet cost tens of ms
  // per keystroke.
  const scrolled = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query is the signal.
  useEffect(() => {
    if (scrolled.current && scrollRef.current) {
      scrollRef.current.scrollTop = 0;
    }
  }, [query]);
  useEffect(() => {
    if (activeIndex > 0) {
      virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    }
  }, [activeIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      id={resultListId}
      role="listbox"
      aria-label={t('search.results')}
      style={{ flex: 1, overflowY: 'auto', minHeight: 0 }}
      onScroll={(e) => {
        scrolled.current = e.currentTarget.scrollTop > 0;
      }}
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
              height={rowHeight}
              onPick={onPick}
            />
          );
        })}
      </div>
    </div>
  );
};
