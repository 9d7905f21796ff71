import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src/shared/contract';
import { IPC_PREFIX } from '../../src/shared/contract/envelope';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const created: {
    options: Record<string, unknown>;
    events: Map<string, Listener>;
    openHandler?: Listener;
  }[] = [];
  const permission: { request?: Listener; check?: Listener } = {};
  const loaded: string[] = [];
  const opened: string[] = [];
  class BrowserWindow {
    webContents: {
      on: (e: string, l: Listener) => void;
      setWindowOpenHandler: (l: Listener) => void;
    };
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, events: new Map() };
      created.push(record);
      this.webContents = {
        on: (e, l) => void record.events.set(e, l),
        setWindowOpenHandler: (l) => void (record.openHandler = l),
      };
    }
    once() {}
    loadURL(url: string) {
      loaded.push(url);
      return Promise.resolve();
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  return {
    handlers,
    created,
    permission,
    loaded,
    opened,
    module: {
      BrowserWindow,
      shell: { openExternal: async (url: string) => void opened.push(url) },
      ipcMain: {
        handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (fn: Listener) => void (permission.request = fn),
          setPermissionCheckHandler: (fn: Listener) => void (permission.check = fn),
        },
      },
    },
  };
});

vi.mock('electron', () => electron.module);

const { registerIpc } = await import('../../src/main/ipc');
const { createMainWindow } = await import('../../src/main/window');
const { ipcMain } = await import('electron');

const origin = { devServerUrl: undefined, rendererDir: '/opt/ventanilla/out/renderer' };
const appUrl = 'app://ventanilla/index.html';

describe('electron shell', () => {
  beforeEach(() => {
    electron.handlers.clear();
    electron.created.length = 0;
    electron.loaded.length = 0;
    electron.opened.length = 0;
  });

  it('loads the renderer from app://, not file://', () => {
    createMainWindow(origin, '/p.cjs');
    expect(electron.loaded).toEqual(['app://ventanilla/index.html']);
    const navigate = electron.created[0]!.events.get('will-navigate')!;
    for (const url of [
      'file:///opt/ventanilla/out/renderer/index.html',
      'app://evil/index.html',
      'http://ventanilla/index.html',
    ]) {
      const event = { preventDefault: vi.fn() };
      navigate(event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  it('opens only allow-listed https links in the system browser', () => {
    createMainWindow(origin, '/p.cjs');
    const win = electron.created[0]!;
    expect(
      win.openHandler?.({ url: 'https://www.boe.es/buscar/act.php?id=BOE-A-2018-16673' }),
    ).toEqual({
      action: 'deny',
    });
    win.openHandler?.({ url: 'https://evil.example/' });
    win.events.get('will-navigate')!({ preventDefault: vi.fn() }, 'http://www.aepd.es/');
    expect(electron.opened).toEqual(['https://www.boe.es/buscar/act.php?id=BOE-A-2018-16673']);
  });

  it('creates windows with the security checklist options', () => {
    createMainWindow(origin, '/opt/ventanilla/out/preload/index.cjs');
    const prefs = electron.created[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/opt/ventanilla/out/preload/index.cjs',
      devTools: false,
    });
    createMainWindow(origin, '/p.cjs', { devTools: true });
    expect(electron.created[1]?.options.webPreferences).toMatchObject({ devTools: true });
  });

  it('denies navigation elsewhere and every new window', () => {
    createMainWindow(origin, '/p.cjs');
    const win = electron.created[0]!;
    const navigate = win.events.get('will-navigate')!;
    const foreign = { preventDefault: vi.fn() };
    navigate(foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    navigate(own, appUrl);
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(win.openHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('grants only the webcam, and only to the app', () => {
    createMainWindow(origin, '/p.cjs');
    const decide = (permission: string, url: string) => {
      let granted: boolean | undefined;
      electron.permission.request?.({}, permission, (g: boolean) => (granted = g), {
        requestingUrl: url,
      });
      return granted;
    };
    expect(decide('media', appUrl)).toBe(true);
    expect(decide('media', 'https://evil.example/')).toBe(false);
    expect(decide('geolocation', appUrl)).toBe(false);
    expect(decide('notifications', appUrl)).toBe(false);
  });

  it('registers exactly the contract operations', () => {
    const dispatch = vi.fn();
    registerIpc(ipcMain, dispatch, origin);
    expect([...electron.handlers.keys()].sort()).toEqual(
      operationNames.map((n) => IPC_PREFIX + n).sort(),
    );
  });

  it('rejects calls from a foreign frame before reaching the core', async () => {
    const dispatch = vi.fn(async () => ({
      envelope: { ok: true as const, value: {} },
      status: 200,
    }));
    registerIpc(ipcMain, dispatch, origin);
    const handler = electron.handlers.get(`${IPC_PREFIX}staffList`)!;
    await expect(
      handler({ senderFrame: { url: 'https://evil.example/' } }, {}, undefined),
    ).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden_origin' },
    });
    await expect(handler({ senderFrame: null }, {}, undefined)).resolves.toMatchObject({
      ok: false,
    });
    expect(dispatch).not.toHaveBeenCalled();
    await expect(handler({ senderFrame: { url: appUrl } }, { a: 1 }, 'tok')).resolves.toEqual({
      ok: true,
      value: {},
    });
    expect(dispatch).toHaveBeenCalledWith('staffList', { a: 1 }, { sessionId: 'tok' });
  });

  it('rejects a malformed session argument', async () => {
    const dispatch = vi.fn();
    registerIpc(ipcMain, dispatch, origin);
    const handler = electron.handlers.get(`${IPC_PREFIX}appInfo`)!;
    await expect(
      handler({ senderFrame: { url: appUrl } }, {}, { evil: true }),
    ).resolves.toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
