import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  appearance?: ButtonAppearance;
  /** Destructive actions (disable, revoke) are red whatever their appearance. */
  danger?: boolean;
  /** Shows the button as busy and blocks double submits, while keeping it focusable. */
  busy?: boolean;
  children: ReactNode;
}

const APPEARANCE_CLASS: Record<ButtonAppearance, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

export function Button({ appearance = 'secondary', danger = false, busy = false, type = 'button', className, disabled, onClick, children, ...rest }: ButtonProps) {
  return (
    <button
      // Buttons never submit a form by accident: a submit button says so.
      type={type}
      className={classNames(
        'utrecht-button',
        APPEARANCE_CLASS[appearance],
        danger && 'utrecht-button--danger',
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        disabled && 'utrecht-button--disabled',
        className,
      )}
      disabled={disabled}
      aria-busy={busy || undefined}
      onClick={busy ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={classNames('utrecht-button-group', 'wr-button-group', className)}>{children}</div>;
}
