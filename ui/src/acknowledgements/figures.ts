// How the acknowledgement figures read. Core counts; these only put its counts into words.

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 925 tenths of a percent → "92.5%". */
export function permilleAsPercent(permille: number): string {
  return `${oneDecimal.format(permille / 10)}%`;
}

/** A column heading short enough for the matrix: "Data protection…" (the full title goes beside it). */
export function shortTitle(title: string, max = 18): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
