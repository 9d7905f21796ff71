import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src/shared/contract';

const exposed = vi.hoisted(() => ({ value: undefined as unknown, key: '' }));
const invoke = vi.hoisted(() => vi.fn());

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed.key = key;
      exposed.value = value;
    },
  },
  ipcRenderer: { invoke },
}));

await import('../../src/preload/index');

describe('preload facade', () => {
  it('exposes exactly one frozen function per operation, and nothing else', () => {
    expect(exposed.key).toBe('ventanilla');
    const facade = exposed.value as Record<string, unknown>;
    expect(Object.keys(facade).sort()).toEqual([...operationNames].sort());
    expect(Object.isFrozen(facade)).toBe(true);
    for (const name of ['ipcRenderer', 'invoke', 'process', 'require', 'send']) {
      expect(facade[name]).toBeUndefined();
    }
  });

  it('keeps the session token to itself', async () => {
    const facade = exposed.value as Record<string, (i: unknown) => Promise<unknown>>;
    invoke.mockResolvedValueOnce({ ok: true, value: { staff: 1 }, session: 'secret-session' });
    await expect(facade.authSignIn!({ username: 'a', password: 'b' })).resolves.toEqual({
      ok: true,
      value: { staff: 1 },
    });
    invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await facade.staffList!({});
    expect(invoke).toHaveBeenLastCalledWith('ventanilla:staffList', {}, 'secret-session');
  });
});
