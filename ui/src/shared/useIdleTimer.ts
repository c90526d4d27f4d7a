import { useEffect, useEffectEvent } from 'react';

/** The activity that counts as someone still being at the computer. */
export const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'mousedown', 'touchstart', 'wheel'] as const;

/**
 * Calls `onIdle` once after `minutes` without mouse, keyboard, touch or wheel activity in the
 * window. Any activity starts the wait again. A non-positive `minutes` turns the timer off.
 */
export function useIdleTimer(minutes: number, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);

  useEffect(() => {
    if (!(minutes > 0)) return undefined;
    const wait = minutes * 60_000;
    let timer = window.setTimeout(() => fire(), wait);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => fire(), wait);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart);
    };
  }, [minutes]);
}
