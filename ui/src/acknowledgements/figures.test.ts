import { describe, expect, it } from 'vitest';

import { permilleAsPercent, shareAsPercent, shortTitle } from './figures';

describe('acknowledgement figures', () => {
  it.each([
    [925, '92.5%'],
    [1000, '100.0%'],
    [0, '0.0%'],
    [954, '95.4%'],
  ])('shows %i tenths of a percent as %s', (permille, shown) => {
    expect(permilleAsPercent(permille)).toBe(shown);
  });

  it('rounds a policy share down, as core rounds the practice figure', () => {
    expect(shareAsPercent(1, 2)).toBe('50.0%');
    expect(shareAsPercent(2, 3)).toBe('66.6%');
    expect(shareAsPercent(949, 1000)).toBe('94.9%');
    expect(shareAsPercent(0, 0)).toBeNull();
  });

  it('shortens long titles at a word', () => {
    expect(shortTitle('Acceptable use')).toBe('Acceptable use');
    expect(shortTitle('Data protection and confidentiality policy')).toBe('Data protection…');
    expect(shortTitle('Supercalifragilisticexpialidocious')).toBe('Supercalifragilis…');
  });
});
