import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from '../shared/permissions';
import { NAV_GROUPS, navigationFor, navigationSectionsFor } from './navigation';
import { WEB_MODULES } from './modules';

const userWith = (...roles: string[]) => ({ permissions: [...permissionsOf(roles)] });

describe('main menu sections', () => {
  it('put every entry of every module in a known section', () => {
    for (const entry of WEB_MODULES.flatMap((module) => module.nav)) expect(NAV_GROUPS, entry.to).toContain(entry.group);
  });

  it('keep every entry a role may use, each once, and drop empty sections', () => {
    for (const role of ROLES) {
      const user = userWith(role);
      const sections = navigationSectionsFor(user);
      expect(sections.flatMap((s) => s.entries).map((e) => e.to).sort(), role).toEqual(navigationFor(user).map((e) => e.to).sort());
      for (const section of sections) expect(section.entries.length, `${role} ${section.group}`).toBeGreaterThan(0);
    }
  });

  it('shows a partner no administration section and an administrator one', () => {
    expect(navigationSectionsFor(userWith('partner')).map((s) => s.group)).not.toContain('admin');
    expect(navigationSectionsFor(userWith('administrator')).map((s) => s.group)).toContain('admin');
  });
});
