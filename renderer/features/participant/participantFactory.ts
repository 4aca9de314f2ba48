// Views for UI tests, on top of the shared desk fixtures: a registration
// (which those lack) and a participant view with an empty desk state.

import { makeParticipant } from '../../../shared/desk/fixtures';
import type { ParticipantView } from '../../../shared/desk/state';
import type {
  Participant,
  Registration,
} from '../../../shared/domain/participant';

export const aRegistration = (
  over: Partial<Registration> = {},
): Registration => ({
  registrationId: 'reg-p1',
  type: 'self',
  statusText: 'Påmeldt',
  status: 'active',
  registrarName: '',
  registrarEmail: '',
  registrarBuypassId: '',
  registrarPersonId: '',
  transactionId: '',
  paymentMethod: 'vipps',
  amountPaid: 0,
  amountPaidVat: 0,
  paid: false,
  payments: [],
  registeredAt: '',
  deregisteredAt: '',
  ...over,
});

export const aView = (
  participant: Partial<Participant> = {},
  state: Partial<ParticipantView['state']> = {},
): ParticipantView => ({
  participant: makeParticipant({
    id: 'p1',
    registrations: [aRegistration()],
    ...participant,
  }),
  state: {
    checkedIn: false,
    checkedInAt: '',
    checkedInDesk: '',
    bib: '',
    bibSource: '',
    chip: '',
    chipRental: false,
    payments: [],
    ...state,
  },
  lateEntry: false,
});
