import { useEffect, useRef } from 'react';

/**
 * A ref for the heading of a form that opens in place of the button that opened it: the heading
 * takes focus (give it `tabIndex={-1}`), so keyboard and screen-reader users land on the form.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
