// What timing needs of the desk store: chips paired at check-in, passings
// stored as operations (each once: a passing handed over again after a
// restart is recognised by its natural key), the race setup per class and
// status overrides. It works on the open event's model and records through
// the store's write queue, like every other write (rxDeskStore.ts).

import { fail, ok, type Result } from '../../shared/contract/result';
import { compareOperations } from '../../shared/desk/reduce';
import { checkChip } from '../../shared/desk/rules';
import type { ParticipantView } from '../../shared/desk/state';
import type {
  Operation,
  OperationDraft,
  PassingPayload,
} from '../../shared/domain/operation';
import type { ClassSetup, ManualStatus } from '../../shared/results/types';
import type { EventModel } from './eventModel';
import type { WriteQueue } from './writeQueue';

export type PassingOperation = Extract<Operation, { type: 'passing' }>;
export type SetupOperation = Extract<Operation, { type: 'race-setup-set' }>;
export type StatusOperation = Extract<Operation, { type: 'result-status-set' }>;

/** A passing handed over by main, with the id main acknowledges it by. */
export type IncomingPassing = PassingPayload & { id: string };

export type TimingStore = {
  /** Pairs a chip ('' clears); refused when another live person holds it. */
  assignChip(
    participantId: string,
    chip: string,
    rental: boolean,
  ): Promise<Result<Operation>>;
  /**
   * Stores the passings in the open event. Answers the ids that are now
   * stored (new or already there), which main may forget.
   */
  storePassings(
    passings: readonly IncomingPassing[],
  ): Promise<Result<string[]>>;
  setRaceSetup(
    className: string,
    setup: Partial<ClassSetup>,
  ): Promise<Result<Operation>>;
  setResultStatus(
    participantId: string,
    className: string,
    status: ManualStatus | '',
    reason: string,
  ): Promise<Result<Operation>>;
  /** The open event's passings, oldest first. */
  passings(): PassingOperation[];
  setupOperations(): SetupOperation[];
  statusOperations(): StatusOperation[];
  /** Every participant of the open event as the desk shows them. */
  views(): ParticipantView[];
  /** The live participant holding the chip, if any. */
  chipHolder(chip: string): ParticipantView | undefined;
};

export type TimingStoreHooks = {
  model(): EventModel | null;
  queue: WriteQueue;
  /** Records one operation; call inside the queue (rxDeskStore's recordNow). */
  record(draft: OperationDraft): Promise<Result<Operation>>;
};

const noEvent = () => fail('no-event', 'Open an event first');

const liveHolders = (model: EventModel, chip: string) => {
  const holders: ParticipantView[] = [];
  if (chip === '') return holders;
  for (const view of model.views.values()) {
    if (view.state.chip === chip && view.participant.status === 'active') {
      holders.push(view);
    }
  }
  return holders;
};

const eventWideOps = (model: EventModel | null): Operation[] =>
  model?.opsByParticipant.get('') ?? [];

const isPassing = (op: Operation): op is PassingOperation =>
  op.type === 'passing';

export const createTimingStore = (hooks: TimingStoreHooks): TimingStore => {
  const { queue, record } = hooks;

  const assignChip = (participantId: string, chip: string, rental: boolean) =>
    queue.run(async () => {
      const model = hooks.model();
      if (!model) return noEvent();
      const view = model.views.get(participantId);
      if (!view) {
        return fail('unknown-participant', `No participant ${participantId}`, {
          participantId,
        });
      }
      const draft: OperationDraft = {
        eventId: model.event.id,
        participantId,
        type: 'chip-assign',
        payload: { chip: chip.trim(), previousChip: view.state.chip, rental },
      };
      // The store's own rules have no chip holders; this is where they are.
      const checked = checkChip(draft, view, liveHolders(model, chip.trim()));
      return checked.ok ? record(draft) : checked;
    });

  const storePassings = (passings: readonly IncomingPassing[]) =>
    queue.run(async (): Promise<Result<string[]>> => {
      const model = hooks.model();
      if (!model) return noEvent();
      const stored = new Set(
        eventWideOps(model)
          .filter(isPassing)
          .map((op) => op.payload.key),
      );
      const done: string[] = [];
      for (const { id, ...payload } of passings) {
        if (!stored.has(payload.key)) {
          const result = await record({
            eventId: model.event.id,
            participantId: '',
            type: 'passing',
            payload,
          });
          // What is not stored stays in main's journal for the next try.
          if (!result.ok) return done.length > 0 ? ok(done) : result;
          stored.add(payload.key);
        }
        done.push(id);
      }
      return ok(done);
    });

  const eventOp = (draft: (eventId: string) => OperationDraft) =>
    queue.run(async () => {
      const model = hooks.model();
      return model ? record(draft(model.event.id)) : noEvent();
    });

  const sortedOf = <T extends Operation>(
    pick: (op: Operation) => op is T,
    ops: Iterable<Operation>,
  ): T[] => [...ops].filter(pick).sort(compareOperations);

  return {
    assignChip,
    storePassings,
    setRaceSetup: (className, setup) =>
      eventOp((eventId) => ({
        eventId,
        participantId: '',
        type: 'race-setup-set',
        payload: { className, setup },
      })),
    setResultStatus: (participantId, className, status, reason) =>
      eventOp((eventId) => ({
        eventId,
        participantId,
        type: 'result-status-set',
        payload: { className, status, reason },
      })),
    passings: () => sortedOf(isPassing, eventWideOps(hooks.model())),
    setupOperations: () =>
      sortedOf(
        (op): op is SetupOperation => op.type === 'race-setup-set',
        eventWideOps(hooks.model()),
      ),
    statusOperations: () => {
      const model = hooks.model();
      if (!model) return [];
      const all = [...model.opsByParticipant.values()].flat();
      return sortedOf(
        (op): op is StatusOperation => op.type === 'result-status-set',
        all,
      );
    },
    views: () => [...(hooks.model()?.views.values() ?? [])],
    chipHolder: (chip) => {
      const model = hooks.model();
      return model ? liveHolders(model, chip.trim())[0] : undefined;
    },
  };
};
