// The desk's actions on the open participant: each calls the store, reports
// "Saved" or the error in the header, and hands focus back to the search box.

import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Result } from '../../../shared/contract/result';
import type { ParticipantView } from '../../../shared/desk/state';
import type { Operation } from '../../../shared/domain/operation';
import type { PaymentMethod } from '../../../shared/domain/participant';
import { fullName } from '../../../shared/domain/participant';
import { formatKroner } from '../participant/participantFacts';
import { type Phrase, useDesk } from '../shell/deskContext';
import { errorText } from '../shell/errorText';

export type DeskActions = {
  busy: boolean;
  checkIn(view: ParticipantView): Promise<void>;
  undo(): Promise<void>;
  nextBib(view: ParticipantView): Promise<void>;
  /** Resolves to an error text for the bib field, or null. */
  assignBib(view: ParticipantView, bib: string): Promise<string | null>;
  recordPayment(
    view: ParticipantView,
    method: PaymentMethod,
    amount: number,
  ): Promise<string | null>;
};

export const useDeskActions = (afterAction: () => void): DeskActions => {
  const { t, i18n } = useTranslation();
  const { store, reportSaved, reportError } = useDesk();
  const [busy, setBusy] = useState(false);
  // The last check-in made here, so Ctrl+Z undoes it even after a bib.
  const lastCheckIn = useRef<string | null>(null);

  const run = useCallback(
    async (
      call: () => Promise<Result<Operation>>,
      saved: (op: Operation) => [what: Phrase, name: string],
    ): Promise<string | null> => {
      setBusy(true);
      try {
        const result = await call();
        if (!result.ok) {
          const message = errorText(result.error, t);
          reportError(message);
          return message;
        }
        const [what, name] = saved(result.value);
        reportSaved(what, name, result.value.participantId || undefined);
        return null;
      } finally {
        setBusy(false);
        afterAction();
      }
    },
    [t, reportSaved, reportError, afterAction],
  );

  const nameOf = useCallback(
    (participantId: string) => {
      const view = store.get(participantId);
      return view ? fullName(view.participant) : '';
    },
    [store],
  );

  const checkIn = useCallback(
    async (view: ParticipantView) => {
      const id = view.participant.id;
      const error = await run(
        () => store.checkIn(id),
        () => [{ key: 'done.checkIn' }, fullName(view.participant)],
      );
      if (error === null) lastCheckIn.current = id;
    },
    [run, store],
  );

  const undo = useCallback(async () => {
    const last = store.lastOperation();
    const id =
      lastCheckIn.current ??
      (last?.type === 'check-in' ? last.participantId : null);
    if (id === null) {
      reportError(t('actions.nothingToUndo'));
      afterAction();
      return;
    }
    const error = await run(
      () => store.undoCheckIn(id),
      () => [{ key: 'done.undo' }, nameOf(id)],
    );
    if (error === null) lastCheckIn.current = null;
  }, [store, run, t, nameOf, reportError, afterAction]);

  const bibSaved = useCallback(
    (op: Operation): [Phrase, string] => [
      {
        key: 'done.bib',
        params: { bib: op.type === 'bib-assign' ? op.payload.bib : '' },
      },
      nameOf(op.participantId),
    ],
    [nameOf],
  );

  const nextBib = useCallback(
    async (view: ParticipantView) => {
      await run(() => store.assignNextBib(view.participant.id), bibSaved);
    },
    [run, store, bibSaved],
  );

  const assignBib = useCallback(
    (view: ParticipantView, bib: string) =>
      run(() => store.assignBib(view.participant.id, bib), bibSaved),
    [run, store, bibSaved],
  );

  const recordPayment = useCallback(
    (view: ParticipantView, method: PaymentMethod, amount: number) =>
      run(
        () => store.recordPayment(view.participant.id, method, amount),
        (): [Phrase, string] => [
          {
            key: 'done.payment',
            params: { amount: formatKroner(amount, i18n.language) },
          },
          fullName(view.participant),
        ],
      ),
    [run, store, i18n.language],
  );

  return { busy, checkIn, undo, nextBib, assignBib, recordPayment };
};
