/** Files named in a sentence: "2023-01-metropolitan-street.csv … 2023-12-metropolitan-street.csv (12 files)". */
export function fileNamesInWords(names: readonly string[]): string {
  if (names.length === 0) return 'nothing';
  if (names.length === 1) return names[0];
  return `${names[0]} … ${names[names.length - 1]} (${names.length} files)`;
}
