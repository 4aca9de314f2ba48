// Texts of operator sign-in, the lock screen and the operator list, in
// bokmål and English; nb.ts and en.ts put them under the key 'access'.

import type { Messages } from '../../i18n/en';

export const accessNb = {
  firstTitle: 'Opprett den første operatøren',
  firstBody:
    'Denne skranken har ingen operatører ennå. Den som oppretter den første, kan legge til flere. Passordet lagres bare som en langsom hash på denne maskinen.',
  signInTitle: 'Logg inn på skranken',
  signInBody: 'Skranken viser deltakernes data bare for innloggede operatører.',
  login: 'Brukernavn',
  name: 'Navn',
  password: 'Passord',
  repeat: 'Gjenta passord',
  create: 'Opprett og logg inn',
  signIn: 'Logg inn',
  signingIn: 'Sjekker …',
  mismatch: 'Passordene er ikke like',
  badCredentials: 'Feil brukernavn eller passord',
  wait: 'For mange feil forsøk. Prøv igjen om {{seconds}} s.',
  badLogin: 'Brukernavn: 2–40 tegn, a–z, sifre, punktum, bindestrek',
  badName: 'Skriv operatørens navn',
  weakPassword: 'Minst {{min}} tegn',
  loginTaken: 'Brukernavnet er tatt på denne skranken',
  lockedTitle: 'Skranken er låst',
  lockedBody: 'Låst for {{name}}. Skriv passordet for å fortsette.',
  unlock: 'Lås opp',
  otherOperator: 'Logg inn som en annen',
  operator: 'Operatør',
  lock: 'Lås skranken',
  signOut: 'Logg ut',
  operators: 'Operatører …',
  operatorsTitle: 'Operatører på denne skranken',
  addOperator: 'Legg til operatør',
  added: 'Operatør lagt til',
  idleMinutes: 'Lås etter minutter uten aktivitet ({{min}}–{{max}})',
  idleRange:
    'Velg fra {{min}} til {{max}} hele minutter; innstillingen er ikke ' +
    'endret.',
  close: 'Lukk',
} as const;

export const accessEn: Messages<typeof accessNb> = {
  firstTitle: 'Create the first operator',
  firstBody:
    'This desk has no operators yet. Whoever creates the first can add more. The password is kept only as a slow hash on this machine.',
  signInTitle: 'Sign in to the desk',
  signInBody: "The desk shows participants' data only to signed-in operators.",
  login: 'Login',
  name: 'Name',
  password: 'Password',
  repeat: 'Repeat password',
  create: 'Create and sign in',
  signIn: 'Sign in',
  signingIn: 'Checking …',
  mismatch: 'The passwords differ',
  badCredentials: 'Wrong login or password',
  wait: 'Too many wrong tries. Try again in {{seconds}} s.',
  badLogin: 'Login: 2–40 characters, a–z, digits, dot, dash',
  badName: "Write the operator's name",
  weakPassword: 'At least {{min}} characters',
  loginTaken: 'The login is taken on this desk',
  lockedTitle: 'The desk is locked',
  lockedBody: 'Locked for {{name}}. Type the password to go on.',
  unlock: 'Unlock',
  otherOperator: 'Sign in as someone else',
  operator: 'Operator',
  lock: 'Lock the desk',
  signOut: 'Sign out',
  operators: 'Operators …',
  operatorsTitle: 'Operators on this desk',
  addOperator: 'Add operator',
  added: 'Operator added',
  idleMinutes: 'Lock after minutes without activity ({{min}}–{{max}})',
  idleRange:
    'Choose {{min}} to {{max}} whole minutes; the setting is unchanged.',
  close: 'Close',
};
