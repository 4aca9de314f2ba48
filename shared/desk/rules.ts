// What a desk may record, checked against what it shows before an
// operation is written. Refusals are data with a code the UI translates.

import { fail, ok, type Result } from '../contract/result';
import type { LateEntry, OperationDraft } from '../domain/operation';
import { fullName } from '../domain/participant';
import { parseRaceSetup } from '../results/setup';
import type { ParticipantView } from './state';

export type RuleContext = {
  view(participantId: string): ParticipantView | undefined;
  /** Live (not deregistered) participants holding the bib. */
  bibHolders(bib: string): ParticipantView[];
  /** Classes the event knows, to check a late entry's class. */
  classNames(): ReadonlySet<string>;
  /**
   * Live (not deregistered) participants holding the chip. Optional so a
   * context built before chips existed still compiles; without it the chip
   * rule cannot see holders (the timing store always gives it).
   */
  chipHolders?(chip: string): ParticipantView[];
};

const bibPattern = /^[1-9][0-9]*$/;
// SportIdent cards go to 8 digits (SIAC 8 xxx xxx), Emit cards to 7.
const chipPattern = /^[1-9][0-9]{0,9}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A positive integer as text, without leading zeros. */
export const isBib = (text: string) => bibPattern.test(text);

/** A chip (SI card or Emit card) number: digits, no leading zero. */
export const isChip = (text: string) => chipPattern.test(text);

/** yyyy-mm-dd that names a real day in a plausible lifetime. */
export const isRealBirthDate = (text: string, today: string) => {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return false;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real && year >= 1900 && text <= today;
};

const badField = (field: keyof LateEntry, message: string) =>
  fail('late-entry-invalid', `${field}: ${message}`, { field });

export const validateLateEntry = (
  entry: LateEntry,
  classNames: ReadonlySet<string>,
  today: string,
): Result<LateEntry> => {
  if (entry.firstName.trim() === '') {
    return badField('firstName', 'first name is required');
  }
  if (entry.lastName.trim() === '') {
    return badField('lastName', 'last name is required');
  }
  if (!isRealBirthDate(entry.birthDate, today)) {
    return badField('birthDate', `not a real birth date: ${entry.birthDate}`);
  }
  if (entry.gender !== 'female' && entry.gender !== 'male') {
    return badField('gender', 'gender must be female or male');
  }
  if (entry.className.trim() === '') {
    return badField('className', 'class is required');
  }
  if (classNames.size > 0 && !classNames.has(entry.className)) {
    return badField('className', `unknown class: ${entry.className}`);
  }
  if (!Number.isInteger(entry.amount) || entry.amount < 0) {
    return badField('amount', 'amount must be whole øre, 0 or more');
  }
  return ok(entry);
};

const participantOf = (
  draft: OperationDraft,
  ctx: RuleContext,
): Result<ParticipantView> => {
  const view = ctx.view(draft.participantId);
  return view
    ? ok(view)
    : fail('unknown-participant', `No participant ${draft.participantId}`, {
        participantId: draft.participantId,
      });
};

const checkBib = (
  draft: Extract<OperationDraft, { type: 'bib-assign' }>,
  view: ParticipantView,
  ctx: RuleContext,
): Result<OperationDraft> => {
  const { bib, previousBib } = draft.payload;
  if (bib !== '' && !isBib(bib)) {
    return fail('bad-bib', `A bib is a positive whole number: "${bib}"`, {
      bib,
    });
  }
  if (view.state.bib !== previousBib) {
    return fail('bib-changed', 'The bib changed since it was shown', {
      bib: view.state.bib,
      previousBib,
    });
  }
  const holder = ctx
    .bibHolders(bib)
    .find((h) => h.participant.id !== view.participant.id);
  if (bib !== '' && holder) {
    const name = fullName(holder.participant);
    return fail('bib-taken', `Bib ${bib} is already held by ${name}`, {
      bib,
      holderId: holder.participant.id,
      holderName: name,
    });
  }
  return ok(draft);
};

type ChipDraft = Extract<OperationDraft, { type: 'chip-assign' }>;

/**
 * Compare-and-swap on the chip the desk saw; two live participants never
 * hold one chip. `holders` are the live participants holding the new chip.
 */
export const checkChip = (
  draft: ChipDraft,
  view: ParticipantView,
  holders: readonly ParticipantView[],
): Result<OperationDraft> => {
  const { chip, previousChip } = draft.payload;
  if (chip !== '' && !isChip(chip)) {
    return fail('bad-chip', `A chip number is digits only: "${chip}"`, {
      chip,
    });
  }
  if (chip !== '' && view.participant.status === 'deregistered') {
    const name = fullName(view.participant);
    return fail('deregistered', `${name} is deregistered`, { name });
  }
  if (view.state.chip !== previousChip) {
    return fail('chip-changed', 'The chip changed since it was shown', {
      chip: view.state.chip,
      previousChip,
    });
  }
  const holder = holders.find((h) => h.participant.id !== view.participant.id);
  if (chip !== '' && holder) {
    const name = fullName(holder.participant);
    return fail('chip-taken', `Chip ${chip} is already held by ${name}`, {
      chip,
      holderId: holder.participant.id,
      holderName: name,
    });
  }
  return ok(draft);
};

const eventWide = (draft: OperationDraft): Result<OperationDraft> | null => {
  switch (draft.type) {
    case 'passing': {
      const { device, key } = draft.payload;
      return device === '' || key === '' || draft.participantId !== ''
        ? fail('bad-passing', 'A passing needs its device and key', {
            device,
            key,
          })
        : ok(draft);
    }
    case 'race-setup-set': {
      const { className, setup } = draft.payload;
      // The results' own reader says which field is wrong.
      const read = parseRaceSetup(
        className === ''
          ? { defaults: setup }
          : { classes: { [className]: setup } },
      );
      return read.ok ? ok(draft) : read;
    }
    default:
      return null;
  }
};

/** Whether the desk may record the draft now. */
export const validateOperation = (
  draft: OperationDraft,
  ctx: RuleContext,
  today: string,
): Result<OperationDraft> => {
  if (draft.type === 'late-entry') {
    const entry = validateLateEntry(
      draft.payload.entry,
      ctx.classNames(),
      today,
    );
    return entry.ok ? ok(draft) : entry;
  }
  if (draft.type === 'class-range-set') {
    const { first, last, className } = draft.payload;
    const whole = Number.isInteger(first) && Number.isInteger(last);
    if (className === '' || !whole || first < 1 || last < first) {
      return fail('bad-range', `Not a bib range: ${first}–${last}`, {
        className,
        first,
        last,
      });
    }
    return ok(draft);
  }

  const wide = eventWide(draft);
  if (wide) return wide;

  const found = participantOf(draft, ctx);
  if (!found.ok) return found;
  const view = found.value;
  const name = fullName(view.participant);
  switch (draft.type) {
    case 'check-in':
      if (view.participant.status === 'deregistered') {
        return fail('deregistered', `${name} is deregistered`, { name });
      }
      if (view.state.checkedIn) {
        return fail('already-checked-in', `${name} is already checked in`, {
          name,
          checkedInAt: view.state.checkedInAt,
        });
      }
      return ok(draft);
    case 'check-in-undo':
      return view.state.checkedIn
        ? ok(draft)
        : fail('not-checked-in', `${name} is not checked in`, { name });
    case 'bib-assign':
      return checkBib(draft, view, ctx);
    case 'chip-assign':
      return checkChip(
        draft,
        view,
        ctx.chipHolders?.(draft.payload.chip) ?? [],
      );
    case 'result-status-set':
      return ok(draft);
    case 'passing':
    case 'race-setup-set':
      // Checked by eventWide above; listed so the switch stays exhaustive.
      return ok(draft);
    case 'payment': {
      const { amount } = draft.payload;
      return Number.isInteger(amount) && amount > 0
        ? ok(draft)
        : fail('bad-amount', 'amount must be whole øre, more than 0', {
            field: 'amount',
            amount,
          });
    }
  }
};
