import type { ComponentPropsWithRef, ReactNode } from 'react';
import { classNames } from './class-names';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

interface HeadingProps extends ComponentPropsWithRef<'h1'> {
  level: HeadingLevel;
  children: ReactNode;
}

/** An NL Design System heading; the level is the document outline, so never skip one for looks. */
export function Heading({ level, className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={classNames(`utrecht-heading-${level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}
