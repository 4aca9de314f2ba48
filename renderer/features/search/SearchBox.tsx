// The one search box. It keeps focus; arrows move through the results and
// Enter picks, checks in or takes a scanned code (see DeskPage).

import { Group, Switch, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { resultListId } from './ResultList';
import { resultOptionId } from './ResultRow';

type SearchBoxProps = {
  inputRef: RefObject<HTMLInputElement | null>;
  query: string;
  activeId: string | null;
  resultCount: number;
  /** The search stops at this many; the count then reads "500+". */
  resultLimit: number;
  scanChecksIn: boolean;
  onQueryChange(query: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  onScanChecksInChange(value: boolean): void;
};

export const SearchBox = ({
  inputRef,
  query,
  activeId,
  resultCount,
  resultLimit,
  scanChecksIn,
  onQueryChange,
  onKeyDown,
  onScanChecksInChange,
}: SearchBoxProps) => {
  const { t } = useTranslation();

  return (
    <div>
      <TextInput
        ref={inputRef}
        size="md"
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        description={t('search.hint')}
        value={query}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={resultCount > 0}
        aria-controls={resultListId}
        aria-autocomplete="list"
        aria-activedescendant={activeId ? resultOptionId(activeId) : undefined}
        onChange={(e) => onQueryChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <Group justify="space-between" mt={4} gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" aria-live="polite">
          {resultCount >= resultLimit
            ? t('search.countMore', { count: resultLimit })
            : t('search.count', { count: resultCount })}
        </Text>
        <Switch
          size="xs"
          label={t('search.scanChecksIn')}
          checked={scanChecksIn}
          onChange={(e) => onScanChecksInChange(e.currentTarget.checked)}
        />
      </Group>
    </div>
  );
};
