import type { ReactNode } from 'react';
import { classNames } from './class-names';

export type BadgeStatus = 'active' | 'inactive' | 'warning' | 'danger' | 'neutral' | 'safe';

export function StatusBadge({ status, children }: { status: BadgeStatus; children: ReactNode }) {
  return <span className={classNames('utrecht-status-badge', `utrecht-status-badge--${status}`, 'wr-badge', `wr-badge--${status}`)}>{children}</span>;
}
