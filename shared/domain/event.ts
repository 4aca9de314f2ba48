export type EventType =
  | 'event'
  | 'sanctioned-event'
  | 'course'
  | 'meeting'
  | 'series'
  | 'license-sale';

export type EventSource = 'demo' | 'isonen-file' | 'central';

/** An event the desk holds a replica of. */
export type RaceEvent = {
  id: string;
  name: string;
  type: EventType;
  /** First day of the event, yyyy-mm-dd, or ''. */
  date: string;
  organizer: string;
  source: EventSource;
  createdAt: string;
  updatedAt: string;
};
