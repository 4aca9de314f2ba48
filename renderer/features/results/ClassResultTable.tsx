// One class's live results, ranked as shared/results ranked them, with a
// status override per row (DNS, DNF, DSQ, or OK to accept a missing punch),
// the controls a missing punch lacks and, for a class with a course, the
// split times per control.

import { NativeSelect, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { Result } from '../../../shared/contract/result';
import type { Operation } from '../../../shared/domain/operation';
import { formatElapsed } from '../../../shared/results/clock';
import { splitsText } from '../../../shared/results/resultTable';
import type {
  ClassResult,
  ManualStatus,
  PersonResult,
  SplitTime,
} from '../../../shared/results/types';
import { setByText } from './liveResults';

const manualStatuses: readonly ManualStatus[] = ['dns', 'dnf', 'dsq', 'ok'];

const isManual = (value: string): value is ManualStatus | '' =>
  value === '' || manualStatuses.some((status) => status === value);

type Props = {
  classResult: ClassResult;
  onStatus(
    className: string,
    participantId: string,
    status: ManualStatus | '',
  ): Promise<Result<Operation>>;
  /** Who set a status by hand, by participant (this desk's view only). */
  setBy: ReadonlyMap<string, string>;
};

type RowProps = {
  className: string;
  result: PersonResult;
  onStatus: Props['onStatus'];
  /** The class has a course or intermediate punches: a splits column. */
  withSplits: boolean;
  /** The operator who set the status by hand ('' nobody signed in). */
  setBy: string | undefined;
};

const sameList = <T,>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean,
) =>
  a === b ||
  ((a?.length ?? 0) === (b?.length ?? 0) &&
    (a ?? []).every((item, i) => {
      const other = b?.[i];
      return other !== undefined && same(item, other);
    }));

const sameSplit = (x: SplitTime, y: SplitTime) =>
  x.control === y.control && x.status === y.status && x.timeMs === y.timeMs;

/** What a row shows: a row whose values did not change is not drawn again. */
const sameRow = (a: RowProps, b: RowProps) =>
  a.className === b.className &&
  a.onStatus === b.onStatus &&
  a.result.participantId === b.result.participantId &&
  a.result.place === b.result.place &&
  a.result.bib === b.result.bib &&
  a.result.name === b.result.name &&
  a.result.club === b.result.club &&
  a.result.timeMs === b.result.timeMs &&
  a.result.status === b.result.status &&
  a.result.reason === b.result.reason &&
  a.withSplits === b.withSplits &&
  a.setBy === b.setBy &&
  sameList(a.result.missing, b.result.missing, (x, y) => x === y) &&
  sameList(a.result.splits, b.result.splits, sameSplit);

const ResultRow = memo(function ResultRow({
  className,
  result,
  onStatus,
  withSplits,
  setBy,
}: RowProps) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="result-row" data-status={result.status}>
      <Table.Td>{result.place ?? ''}</Table.Td>
      <Table.Td>{result.bib}</Table.Td>
      <Table.Td>{result.name}</Table.Td>
      <Table.Td>{result.club}</Table.Td>
      <Table.Td ff="monospace">
        {result.timeMs === null ? '' : formatElapsed(result.timeMs)}
      </Table.Td>
      <Table.Td data-testid="result-status">
        {t(`results.statuses.${result.status}`)}
        {result.reason !== '' && setBy !== undefined && (
          <Text size="xs" c="dimmed" data-testid="result-set-by">
            {setByText(t, setBy)}
          </Text>
        )}
        {result.missing.length > 0 && (
          <Text size="xs" c="red" data-testid="result-missing">
            {t('results.missingControls', {
              controls: result.missing.join(', '),
            })}
          </Text>
        )}
      </Table.Td>
      {withSplits && (
        <Table.Td data-testid="result-splits">
          <Text size="xs" ff="monospace">
            {splitsText(result)}
          </Text>
        </Table.Td>
      )}
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={t('results.overrideFor', { name: result.name })}
          value={result.reason === '' ? '' : result.status}
          data={[
            { value: '', label: '–' },
            ...manualStatuses.map((status) => ({
              value: status,
              label: t(`results.manual.${status}`),
            })),
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isManual(value)) {
              // The operation records who set it (setByOf).
              void onStatus(className, result.participantId, value);
            }
          }}
        />
      </Table.Td>
    </Table.Tr>
  );
}, sameRow);

// Memoized: during a finish rush the page renders on every stored passing,
// and a class whose results did not change keeps its table as it is.
export const ClassResultTable = memo(function ClassResultTable({
  classResult,
  onStatus,
  setBy,
}: Props) {
  const { t } = useTranslation();
  const withSplits = classResult.results.some(
    (result) => (result.splits?.length ?? 0) > 0,
  );
  return (
    <section aria-label={classResult.className}>
      <Title order={3}>{classResult.className}</Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('results.place')}</Table.Th>
            <Table.Th>{t('results.bib')}</Table.Th>
            <Table.Th>{t('results.name')}</Table.Th>
            <Table.Th>{t('results.club')}</Table.Th>
            <Table.Th>{t('results.time')}</Table.Th>
            <Table.Th>{t('results.status')}</Table.Th>
            {withSplits && <Table.Th>{t('results.splits')}</Table.Th>}
            <Table.Th>{t('results.override')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {classResult.results.map((result) => (
            <ResultRow
              key={result.participantId}
              className={classResult.className}
              result={result}
              onStatus={onStatus}
              withSplits={withSplits}
              setBy={setBy.get(result.participantId)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
});
