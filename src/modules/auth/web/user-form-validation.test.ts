import { describe, expect, it } from 'vitest';
import { parseAreaCodes, validateUserForm, type UserFormValues } from './user-form-validation';

const valid: UserFormValues = {
  username: 'j.de-vries',
  displayName: 'Jan de Vries',
  email: '',
  password: 'correct horse battery',
  organisationId: '7d1c1d5e-8a4c-4a53-9d43-1f3b8d7e2a10',
  roles: ['analyst'],
  areaScopes: '',
};

describe('parseAreaCodes', () => {
  it('splits on commas, semicolons and spaces, fixes the prefix case and drops duplicates', () => {
    expect(parseAreaCodes('GM0505, wk050503;BU05050301  GM0505')).toEqual({ codes: ['GM0505', 'WK050503', 'BU05050301'], invalid: [] });
  });

  it('reports what is not a CBS code', () => {
    expect(parseAreaCodes('GM505, Dordrecht, BU05050301')).toEqual({ codes: ['BU05050301'], invalid: ['GM505', 'Dordrecht'] });
  });

  it('accepts focus areas', () => {
    expect(parseAreaCodes('FAdordt-west').codes).toEqual(['FAdordt-west']);
  });
});

describe('validateUserForm', () => {
  it('accepts a complete new user', () => {
    expect(validateUserForm(valid, 'create')).toEqual({});
  });

  it('mirrors the server rules for a new user', () => {
    const errors = validateUserForm({ ...valid, username: 'Jan', password: 'short', roles: [], areaScopes: 'X1' }, 'create');
    expect(Object.keys(errors).sort()).toEqual(['areaScopes', 'password', 'roles', 'username']);
    expect(errors.areaScopes).toEqual({ key: 'users.areaFormat', codes: 'X1' });
  });

  it('does not ask for a username or password when editing', () => {
    expect(validateUserForm({ ...valid, username: '', password: '' }, 'edit')).toEqual({});
  });

  it('catches an obviously wrong email address but allows none', () => {
    expect(validateUserForm({ ...valid, email: 'jan@' }, 'edit').email?.key).toBe('users.emailFormat');
    expect(validateUserForm({ ...valid, email: '' }, 'edit').email).toBeUndefined();
  });
});
