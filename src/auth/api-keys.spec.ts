import { hasRole, KeyRing } from './api-keys.js';

describe('API keys', () => {
  const ring = KeyRing.parse('editor-key-0123456789:editor, admin-key-0123456789:admin,reader-key-0123456789:reader');

  it('knows each configured key by its role, and no other key', () => {
    expect(ring.authenticate('editor-key-0123456789')?.role).toBe('editor');
    expect(ring.authenticate('admin-key-0123456789')?.role).toBe('admin');
    expect(ring.authenticate('reader-key-0123456789')?.role).toBe('reader');
    expect(ring.authenticate('editor-key-012345678')).toBeUndefined();
    expect(ring.authenticate('')).toBeUndefined();
  });

  it('identifies a key without revealing it', () => {
    const principal = ring.authenticate('editor-key-0123456789')!;
    expect(principal.keyId).toMatch(/^key-[0-9a-f]{12}$/);
    expect(principal.keyId).not.toContain('editor-key');
  });

  it('lets an admin write and an editor read, but not the other way round', () => {
    const admin = ring.authenticate('admin-key-0123456789')!;
    const editor = ring.authenticate('editor-key-0123456789')!;
    const reader = ring.authenticate('reader-key-0123456789')!;
    expect(hasRole(admin, 'editor')).toBe(true);
    expect(hasRole(editor, 'reader')).toBe(true);
    expect(hasRole(editor, 'admin')).toBe(false);
    expect(hasRole(reader, 'editor')).toBe(false);
  });
});
