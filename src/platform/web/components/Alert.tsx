import type { ReactNode } from 'react';
import { classNames } from './class-names';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

interface AlertProps {
  type?: AlertType;
  /** Errors interrupt (role="alert"); confirmations are announced politely (role="status"). */
  live?: 'alert' | 'status' | 'off';
  heading?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
}

const ICON: Record<AlertType, string> = { info: 'i', ok: '✓', warning: '!', error: '!' };

export function Alert({ type = 'info', live, heading, children, className, id }: AlertProps) {
  const mode = live ?? (type === 'error' ? 'alert' : type === 'ok' ? 'status' : 'off');
  const role = mode === 'off' ? undefined : mode;
  return (
    <div id={id} className={classNames('utrecht-alert', `utrecht-alert--${type}`, 'wr-alert', className)} role={role}>
      <span className={classNames('wr-alert__icon', `wr-alert__icon--${type}`)} aria-hidden="true">
        {ICON[type]}
      </span>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {heading ? <p className="wr-alert__heading">{heading}</p> : null}
          {children}
        </div>
      </div>
    </div>
  );
}
