/**
 * Harm weights per police.uk category, to weight incidents by how much harm they do rather than
 * count them. Both published schemes for England and Wales are defined per offence, not per
 * police.uk category, so these are INDICATIVE roll-ups: each category takes a typical value of
 * the offences it mostly holds. They are defaults to be checked and edited by the user, not the
 * published tables.
 *
 * - "after the Cambridge Crime Harm Index" (Sherman, Neyroud & Neyroud 2016, Policing 10(3)):
 *   days of imprisonment at the sentencing-guideline starting point for a first offender.
 * - "after the ONS Crime Severity Score" (ONS 2016, experimental statistics): sentencing-based
 *   weight per offence, from the share of offenders jailed and the average days served.
 * Ashby (2017, Policing 12(4)) shows the two rank places differently: the scheme in use is named
 * on every map and export. Anti-social behaviour is not a notifiable crime and has no weight in
 * either scheme; it keeps a nominal 1 so it still registers. Council categories weigh 1 unless set.
 */
export interface HarmScheme {
  id: 'equal' | 'cchi' | 'ons-css';
  label: string;
  citation: string;
  weights: Readonly<Record<string, number>>;
}

export const HARM_SCHEMES: readonly HarmScheme[] = [
  { id: 'equal', label: 'Equal (every incident 1)', citation: 'No weighting.', weights: {} },
  {
    id: 'cchi',
    label: 'Indicative days, after the Cambridge Crime Harm Index',
    citation: 'Sherman, Neyroud & Neyroud (2016), The Cambridge Crime Harm Index, Policing 10(3); category roll-up indicative, check against the published CCHI table.',
    weights: {
      'Anti-social behaviour': 1,
      'Bicycle theft': 10,
      Burglary: 40,
      'Criminal damage and arson': 20,
      Drugs: 2,
      'Other crime': 10,
      'Other theft': 5,
      'Possession of weapons': 60,
      'Public order': 5,
      Robbery: 365,
      Shoplifting: 2,
      'Theft from the person': 20,
      'Vehicle crime': 10,
      'Violence and sexual offences': 60,
    },
  },
  {
    id: 'ons-css',
    label: 'Indicative severity, after the ONS Crime Severity Score',
    citation: 'Office for National Statistics (2016), Crime Severity Score (experimental statistics); category roll-up indicative, check against the published ONS weights.',
    weights: {
      'Anti-social behaviour': 1,
      'Bicycle theft': 40,
      Burglary: 400,
      'Criminal damage and arson': 80,
      Drugs: 30,
      'Other crime': 100,
      'Other theft': 50,
      'Possession of weapons': 250,
      'Public order': 50,
      Robbery: 700,
      Shoplifting: 20,
      'Theft from the person': 130,
      'Vehicle crime': 110,
      'Violence and sexual offences': 300,
    },
  },
];

/**
 * A category's weight under a scheme; 1 for categories the scheme does not name (council categories).
 * Own names only: a category called `constructor` must not read Object.prototype's function.
 */
export function harmWeight(scheme: HarmScheme, category: string): number {
  return Object.hasOwn(scheme.weights, category) ? scheme.weights[category] : 1;
}
