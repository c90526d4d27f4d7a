/** How close to the bottom (in CSS pixels) counts as the end: rounding and sub-pixel layouts. */
export const END_SLACK_PX = 8;

/** The sizes of a scrolling element that say how far through it the reader is. */
export type ScrollSizes = Pick<HTMLElement, 'scrollTop' | 'clientHeight' | 'scrollHeight'>;

/**
 * Whether the reader can see the end of a scrolling region: scrolled to the bottom, or the whole
 * text fits without scrolling.
 */
export function hasReachedEnd({ scrollTop, clientHeight, scrollHeight }: ScrollSizes): boolean {
  return scrollTop + clientHeight >= scrollHeight - END_SLACK_PX;
}
