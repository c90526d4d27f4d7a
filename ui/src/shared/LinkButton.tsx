import type { ButtonHTMLAttributes } from 'react';

/** A button that looks like a link: for actions that are secondary to a form's main button. */
export function LinkButton({ className, type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={className ? `custodian-link-button ${className}` : 'custodian-link-button'}
      {...props}
    />
  );
}
