// Made-up but Norwegian-looking people and real-sounding clubs for the demo
// export. Club ids are invented; no entry refers to a real person.

export const femaleNames: readonly string[] = (
  'Ingrid Kari Marit Åse Sølvi Bjørg Eline Sofie Nora Emma Maja Thea Ida ' +
  'Tiril Hanne Siri Ragnhild Mathilde Frøya Synnøve Liv Astrid Solveig ' +
  'Guro Vilde Ylva Kristin Marte Hege Tone Åshild Birgitte Eldbjørg ' +
  'Jorunn Selma Aurora Linnéa Amalie Ingeborg Sigrid Mari Anne Gunnhild ' +
  'Randi Torill'
).split(' ');

export const maleNames: readonly string[] = (
  'Ola Per Bjørn Øyvind Håkon Jørgen Sindre Lars Magnus Jonas Emil ' +
  'Henrik ' +
  'Kristoffer Sigurd Aksel Trygve Torbjørn Åsmund Ståle Even Eirik Espen ' +
  'Knut Geir Odd Halvor Mats Tobias Filip Vetle Jens Søren Gøran Ivar ' +
  'Olav Tor Steinar André Jan Arne Kåre Ådne Sverre Audun Leif'
).split(' ');

export const lastNames: readonly string[] = (
  'Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen ' +
  'Jensen Karlsen Johnsen Pettersen Eriksen Berg Haugen Hagen Johannessen ' +
  'Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen ' +
  'Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen ' +
  'Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen Nguyen ' +
  'Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke Fredriksen Holm ' +
  'Lien Hauge Sæther Aas Myhre Haugland Thomassen Sivertsen Sandvik ' +
  'Rønning Næss Vik Haug Birkeland Ruud Aasen Strøm Myklebust Tangen ' +
  'Ødegård Ølstad Åsheim Bråten Grønli Kvåle Løvås Østby Mæland'
).split(' ');

export type DemoClub = { name: string; id: string; region: string };

const oslo = 'Oslo Friidrettskrets';
const akershus = 'Akershus Friidrettskrets';
const vestland = 'Vestland Friidrettskrets';
const rogaland = 'Rogaland Friidrettskrets';
const trondelag = 'Trøndelag Friidrettskrets';
const innlandet = 'Innlandet Friidrettskrets';
const agder = 'Agder Friidrettskrets';
const nord = 'Troms og Finnmark Friidrettskrets';

export const clubs: readonly DemoClub[] = [
  { name: 'IL Gneist', id: '100234', region: vestland },
  { name: 'IK Tjalve', id: '100871', region: oslo },
  { name: 'Bækkelagets SK', id: '100112', region: oslo },
  { name: 'IL Tyrving', id: '101455', region: akershus },
  { name: 'SK Vidar', id: '100906', region: oslo },
  { name: 'Fana IL', id: '100298', region: vestland },
  { name: 'Sandnes IL', id: '102310', region: rogaland },
  { name: 'Strindheim IL', id: '103021', region: trondelag },
  { name: 'Steinkjer FIK', id: '103377', region: trondelag },
  { name: 'Tromsø Løpeklubb', id: '104560', region: nord },
  { name: 'Kristiansands IF', id: '102045', region: agder },
  { name: 'Ås IL', id: '101689', region: akershus },
  { name: 'Lillehammer IF', id: '101902', region: innlandet },
  { name: 'Gjøvik FIK', id: '101914', region: innlandet },
  { name: 'Nittedal IL', id: '101533', region: akershus },
  { name: 'Søfteland TIF', id: '100377', region: vestland },
  { name: 'Ull/Kisa IL', id: '101588', region: akershus },
  { name: 'Grue IL', id: '101976', region: innlandet },
  { name: 'Hå IL', id: '102391', region: rogaland },
  { name: 'Råde IL', id: '101240', region: akershus },
];
