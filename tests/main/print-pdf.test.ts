import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: Record<string, unknown>;
      loaded: string[];
      printed: Record<string, unknown>[];
      destroyed: boolean;
      events: Map<string, Listener>;
      openHandler?: Listener;
    }[],
    /** What the fake print dialog answers; null = loading the page fails. */
    answer: true as boolean | null,
  };
  class BrowserWindow {
    readonly record: (typeof state.windows)[number];
    readonly webContents: {
      on: (e: string, l: Listener) => void;
      setWindowOpenHandler: (l: Listener) => void;
      print: (o: Record<string, unknown>, cb: (ok: boolean, why: string) => void) => void;
    };
    constructor(options: Record<string, unknown>) {
      const record: (typeof state.windows)[number] = {
        options,
        loaded: [],
        printed: [],
        destroyed: false,
        events: new Map(),
      };
      this.record = record;
      state.windows.push(record);
      this.webContents = {
        on: (e, l) => void record.events.set(e, l),
        setWindowOpenHandler: (l) => void Object.assign(record, { openHandler: l }),
        print: (o, cb) => {
          record.printed.push(o);
          // Like Electron: the callback fires once the dialog is closed.
          setTimeout(() => cb(state.answer === true, state.answer ? '' : 'Print job canceled'), 5);
        },
      };
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return state.answer === null ? Promise.reject(new Error('ERR_FAILED')) : Promise.resolve();
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { state, module: { BrowserWindow } };
});
vi.mock('electron', () => electron.module);

const { printPdfWithDialog } = await import('../../src/main/print-pdf');
const PDF = Buffer.from('%PDF-1.7\n% receipt\n');

describe('receipt printing on the desktop', () => {
  beforeEach(() => {
    electron.state.windows.length = 0;
    electron.state.answer = true;
  });

  it('opens the system print dialog on a hidden sandboxed window holding the PDF', async () => {
    await expect(printPdfWithDialog(PDF)).resolves.toBe(true);
    const [win] = electron.state.windows;
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win?.options.webPreferences).not.toHaveProperty('preload');
    expect(win?.loaded).toEqual([`data:application/pdf;base64,${PDF.toString('base64')}`]);
    // The dialog is shown (not a silent print to the default printer).
    expect(win?.printed).toEqual([expect.objectContaining({ silent: false })]);
    expect(win?.destroyed).toBe(true);
    expect(win?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    win?.events.get('will-navigate')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('answers false, and still closes the window, when the clerk cancels', async () => {
    electron.state.answer = false;
    await expect(printPdfWithDialog(PDF)).resolves.toBe(false);
    expect(electron.state.windows[0]?.destroyed).toBe(true);
  });

  it('answers false without a dialog when the PDF cannot be shown', async () => {
    electron.state.answer = null;
    await expect(printPdfWithDialog(PDF)).resolves.toBe(false);
    expect(electron.state.windows[0]).toMatchObject({ printed: [], destroyed: true });
  });
});
