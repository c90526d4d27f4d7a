import { describe, expect, it } from 'vitest';

import { hasReachedEnd } from './readerEnd';

describe('hasReachedEnd', () => {
  it.each([
    ['at the top of a long text', { scrollTop: 0, clientHeight: 400, scrollHeight: 2000 }, false],
    ['part-way down', { scrollTop: 1000, clientHeight: 400, scrollHeight: 2000 }, false],
    ['just short of the slack', { scrollTop: 1591, clientHeight: 400, scrollHeight: 2000 }, false],
    ['within 8 pixels of the bottom', { scrollTop: 1592, clientHeight: 400, scrollHeight: 2000 }, true],
    ['at the bottom', { scrollTop: 1600, clientHeight: 400, scrollHeight: 2000 }, true],
    ['with a text that fits without scrolling', { scrollTop: 0, clientHeight: 400, scrollHeight: 300 }, true],
  ])('%s', (_, sizes, reached) => {
    expect(hasReachedEnd(sizes)).toBe(reached);
  });
});
