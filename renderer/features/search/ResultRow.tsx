import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import { fullName } from '../../../shared/domain/participant';
import {
  birthYear,
  entryLines,
  isDeregistered,
  mediaReservations,
} from '../participant/participantFacts';
import classes from './ResultRow.module.css';

export const resultOptionId = (participantId: string) =>
  `result-${participantId}`;

type ResultRowProps = {
  view: ParticipantView;
  active: boolean;
  open: boolean;
  top: number;
  height: number;
  onPick(view: ParticipantView): void;
};

export const ResultRow = ({
  view,
  active,
  open,
  top,
  height,
  onPick,
}: ResultRowProps) => {
  const { t } = useTranslation();
  const { participant, state } = view;
  const media = mediaReservations(participant).length > 0;
  const meta = [
    birthYear(participant),
    participant.club,
    ...entryLines(participant),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard reaches options through the search box (aria-activedescendant), not by focusing rows.
    <div
      id={resultOptionId(participant.id)}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      className={open ? `${classes.row} ${classes.open}` : classes.row}
      style={{ top, height }}
      // Mouse picks too; the keyboard path is the search box's Enter.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onPick(view)}
    >
      <div className={classes.top}>
        <span className={classes.name}>{fullName(participant)}</span>
        <span className={classes.marks}>
          {isDeregistered(view) && (
            <span className={`${classes.mark} ${classes.deregistered}`}>
              {t('search.deregistered')}
            </span>
          )}
          {media && (
            <span className={`${classes.mark} ${classes.media}`}>
              {t('search.media')}
            </span>
          )}
          {state.checkedIn && (
            <span className={`${classes.mark} ${classes.checkedIn}`}>
              {t('search.checkedIn')}
            </span>
          )}
          {state.bib !== '' && <span className={classes.bib}>{state.bib}</span>}
        </span>
      </div>
      <div className={classes.meta}>{meta}</div>
    </div>
  );
};
