/** Files named in a sentence: "2023-01-metropolitan-street.csv … 2023-12-metropolitan-street.csv (12 files)". */
export function fileNamesInWords(names: readonly string[]): string {
  if (names.length === 0) return 'nothing';
  if (names.length === 1) return names[0];
  return `${names[0]} … ${names[names.length - 1]} (${names.length} files)`;
}

/**
 * The notices for the files a batch refused, one per reason: a folder holding a dozen files of a
 * kind the app does not read says so once ("Not loaded: a … b (12 files). Each is …"), not in a
 * dozen notices of which only the last few stay on screen. A reason that does not start with its
 * file's name is a notice of its own. In the order the files came.
 */
export function refusalNotices(refused: readonly { name: string; message: string }[]): string[] {
  const byReason = new Map<string, { reason: string | null; names: string[] }>();
  for (const { name, message } of refused) {
    const reason = message.startsWith(`${name} `) ? message.slice(name.length + 1) : null;
    const key = reason ?? `\u0000${message}`;
    const group = byReason.get(key) ?? byReason.set(key, { reason, names: [] }).get(key)!;
    group.names.push(reason === null ? message : name);
  }
  return [...byReason.values()].flatMap(({ reason, names }) => {
    if (reason === null) return names;
    return names.length === 1 ? `${names[0]} ${reason}` : `Not loaded: ${fileNamesInWords(names)}. Each ${reason}`;
  });
}
