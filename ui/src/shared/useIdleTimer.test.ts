import { fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useIdleTimer } from './useIdleTimer';

const MINUTE = 60_000;

describe('useIdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once after the idle time with no activity', () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleTimer(2, onIdle));

    vi.advanceTimersByTime(2 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it.each(['mouseMove', 'keyDown', 'mouseDown', 'touchStart', 'wheel'] as const)(
    'starts the wait again on %s',
    (activity) => {
      const onIdle = vi.fn();
      renderHook(() => useIdleTimer(2, onIdle));

      vi.advanceTimersByTime(1.5 * MINUTE);
      fireEvent[activity](window);
      vi.advanceTimersByTime(1.5 * MINUTE);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(0.5 * MINUTE);
      expect(onIdle).toHaveBeenCalledOnce();
    },
  );

  it('follows a change of idle time and stops when unmounted', () => {
    const onIdle = vi.fn();
    const { rerender, unmount } = renderHook(({ minutes }) => useIdleTimer(minutes, onIdle), {
      initialProps: { minutes: 5 },
    });
    rerender({ minutes: 1 });
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();

    rerender({ minutes: 3 });
    unmount();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('calls the latest callback', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = renderHook(({ onIdle }) => useIdleTimer(1, onIdle), { initialProps: { onIdle: first } });
    rerender({ onIdle: latest });
    vi.advanceTimersByTime(MINUTE);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledOnce();
  });
});
