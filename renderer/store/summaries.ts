// Counts the desk shows next to the search: per class, and check-ins per
// time bucket. Computed from the in-memory views, no database reads.

import type { BibRange } from '../../shared/desk/bibs';
import type { ClassSummary, ParticipantView } from '../../shared/desk/state';
import type { CheckInPoint } from './deskStore';

export const classSummaries = (
  views: Iterable<ParticipantView>,
  ranges: ReadonlyMap<string, BibRange>,
): ClassSummary[] => {
  const byClass = new Map<string, ClassSummary>();
  const summaryOf = (className: string) => {
    const known = byClass.get(className);
    if (known) return known;
    const range = ranges.get(className);
    const created: ClassSummary = {
      className,
      total: 0,
      checkedIn: 0,
      deregistered: 0,
      range: range ? { first: range.first, last: range.last } : null,
    };
    byClass.set(className, created);
    return created;
  };

  for (const view of views) {
    const classNames = new Set(
      view.participant.entries.map((entry) => entry.className),
    );
    for (const className of classNames) {
      const summary = summaryOf(className);
      if (view.participant.status === 'deregistered') {
        summary.deregistered += 1;
        continue;
      }
      summary.total += 1;
      if (view.state.checkedIn) summary.checkedIn += 1;
    }
  }
  for (const className of ranges.keys()) summaryOf(className);

  return [...byClass.values()].sort((a, b) =>
    a.className.localeCompare(b.className, 'nb', { numeric: true }),
  );
};

/**
 * Check-ins that count now, per bucket of `bucketMinutes`, from the first
 * bucket with a check-in to the last; empty buckets in between are 0.
 */
export const checkInsOverTime = (
  views: Iterable<ParticipantView>,
  bucketMinutes: number,
): CheckInPoint[] => {
  const bucketMs = Math.max(1, Math.round(bucketMinutes)) * 60_000;
  const counts = new Map<number, number>();
  for (const view of views) {
    if (!view.state.checkedIn) continue;
    const time = Date.parse(view.state.checkedInAt);
    if (Number.isNaN(time)) continue;
    const bucket = Math.floor(time / bucketMs) * bucketMs;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  if (counts.size === 0) return [];

  const buckets = [...counts.keys()];
  const first = Math.min(...buckets);
  const last = Math.max(...buckets);
  const points: CheckInPoint[] = [];
  for (let at = first; at <= last; at += bucketMs) {
    points.push({ at: new Date(at).toISOString(), count: counts.get(at) ?? 0 });
  }
  return points;
};
