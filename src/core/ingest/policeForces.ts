/**
 * police.uk names each file by month, force and kind (`2023-01-metropolitan-street.csv`). Its
 * archive of every force (and a custom download of several) holds the street-level files of many
 * forces, when a council wants one or two: the forces are told from the names before anything is
 * read, so the user chooses which to load.
 */

const POLICE_FILE_KINDS = ['street', 'outcomes', 'stop-and-search'] as const;
export type PoliceFileKind = (typeof POLICE_FILE_KINDS)[number];

export interface PoliceFileName {
  month: string;
  /** police.uk's id of the force (`metropolitan`, `city-of-london`, `btp`). */
  force: string;
  kind: PoliceFileKind;
}

const POLICE_FILE = new RegExp(`^(\\d{4}-\\d{2})-([a-z]+(?:-[a-z]+)*?)-(${POLICE_FILE_KINDS.join('|')})\\.csv$`);

/** The month, force and kind a police.uk file's name (or path) gives, or null for any other name. */
export function policeFileName(path: string): PoliceFileName | null {
  const match = POLICE_FILE.exec(path.slice(path.lastIndexOf('/') + 1));
  return match ? { month: match[1], force: match[2], kind: match[3] as PoliceFileKind } : null;
}

/** The forces' names as police.uk gives them (its /api/forces), by the id in its file names. */
const FORCE_NAMES: Readonly<Record<string, string>> = {
  'avon-and-somerset': 'Avon and Somerset Constabulary',
  bedfordshire: 'Bedfordshire Police',
  btp: 'British Transport Police',
  cambridgeshire: 'Cambridgeshire Constabulary',
  cheshire: 'Cheshire Constabulary',
  'city-of-london': 'City of London Police',
  cleveland: 'Cleveland Police',
  cumbria: 'Cumbria Constabulary',
  derbyshire: 'Derbyshire Constabulary',
  'devon-and-cornwall': 'Devon & Cornwall Police',
  dorset: 'Dorset Police',
  durham: 'Durham Constabulary',
  'dyfed-powys': 'Dyfed-Powys Police',
  essex: 'Essex Police',
  gloucestershire: 'Gloucestershire Constabulary',
  'greater-manchester': 'Greater Manchester Police',
  gwent: 'Gwent Police',
  hampshire: 'Hampshire Constabulary',
  hertfordshire: 'Hertfordshire Constabulary',
  humberside: 'Humberside Police',
  kent: 'Kent Police',
  lancashire: 'Lancashire Constabulary',
  leicestershire: 'Leicestershire Police',
  lincolnshire: 'Lincolnshire Police',
  merseyside: 'Merseyside Police',
  metropolitan: 'Metropolitan Police Service',
  norfolk: 'Norfolk Constabulary',
  'north-wales': 'North Wales Police',
  'north-yorkshire': 'North Yorkshire Police',
  northamptonshire: 'Northamptonshire Police',
  'northern-ireland': 'Police Service of Northern Ireland',
  northumbria: 'Northumbria Police',
  nottinghamshire: 'Nottinghamshire Police',
  'south-wales': 'South Wales Police',
  'south-yorkshire': 'South Yorkshire Police',
  staffordshire: 'Staffordshire Police',
  suffolk: 'Suffolk Constabulary',
  surrey: 'Surrey Police',
  sussex: 'Sussex Police',
  'thames-valley': 'Thames Valley Police',
  warwickshire: 'Warwickshire Police',
  'west-mercia': 'West Mercia Police',
  'west-midlands': 'West Midlands Police',
  'west-yorkshire': 'West Yorkshire Police',
  wiltshire: 'Wiltshire Police',
};

/** A force's name; an id police.uk adds later is shown as it is written. */
export const policeForceName = (force: string): string => FORCE_NAMES[force] ?? force;

/** One force's street-level files among those picked: what loading it means. */
export interface ForceFiles {
  force: string;
  name: string;
  files: number;
  /** Their size unpacked. */
  bytes: number;
  firstMonth: string;
  lastMonth: string;
}

/** The forces whose street-level files are among these, by name. */
export function forcesOf(files: readonly { path: string; size: number }[]): ForceFiles[] {
  const forces = new Map<string, ForceFiles>();
  for (const { path, size } of files) {
    const police = policeFileName(path);
    if (police?.kind !== 'street') continue;
    const known = forces.get(police.force);
    if (!known) {
      forces.set(police.force, { force: police.force, name: policeForceName(police.force), files: 1, bytes: size, firstMonth: police.month, lastMonth: police.month });
      continue;
    }
    known.files++;
    known.bytes += size;
    if (police.month < known.firstMonth) known.firstMonth = police.month;
    if (police.month > known.lastMonth) known.lastMonth = police.month;
  }
  return [...forces.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a file is loaded when only `forces` were chosen: police.uk files of other forces are not; any other file is. */
export function isOfChosenForces(path: string, forces: ReadonlySet<string> | null): boolean {
  if (!forces) return true;
  const police = policeFileName(path);
  return !police || forces.has(police.force);
}
