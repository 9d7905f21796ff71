import type { z } from 'zod';
import { auditOps } from './audit';
import { formsOps } from './forms';
import { printingOps } from './printing';
import { privacyOps } from './privacy';
import { privacyCentralOps } from './privacy-central';
import { residentsOps } from './residents';
import { systemOps } from './system';
import { settingsOps } from './settings';
import { authOps, staffOps } from './staff';
import { verificationOps } from './verifications';
import { syncOps } from './sync';
import { syncEnrolOps } from './sync-enrol';

/** The one list of operations. Each feature adds its `*Ops` object here. */
export const contract = {
  ...systemOps,
  ...settingsOps,
  ...authOps,
  ...staffOps,
  ...formsOps,
  ...residentsOps,
  ...auditOps,
  ...verificationOps,
  ...syncOps,
  ...syncEnrolOps,
  ...privacyOps,
  ...privacyCentralOps,
  ...printingOps,
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OpInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Contract[N]['output']>;

/** What the renderer calls: `window.ventanilla` on desktop, the HTTP client in browser mode. */
export type VentanillaApi = {
  readonly [N in OperationName]: (input: OpInput<N>) => Promise<OpOutput<N>>;
};

export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: string): name is OperationName =>
  Object.hasOwn(contract, name);

export { type Role, roles, type Access } from './define';
