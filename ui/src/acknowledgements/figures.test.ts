import { describe, expect, it } from 'vitest';

import { permilleAsPercent, shortTitle } from './figures';

describe('acknowledgement figures', () => {
  it.each([
    [925, '92.5%'],
    [1000, '100.0%'],
    [0, '0.0%'],
    [954, '95.4%'],
  ])('shows %i tenths of a percent as %s', (permille, shown) => {
    expect(permilleAsPercent(permille)).toBe(shown);
  });

  it('shortens long titles at a word', () => {
    expect(shortTitle('Acceptable use')).toBe('Acceptable use');
    expect(shortTitle('Data protection and confidentiality policy')).toBe('Data protection…');
    expect(shortTitle('Supercalifragilisticexpialidocious')).toBe('Supercalifragilis…');
  });
});
