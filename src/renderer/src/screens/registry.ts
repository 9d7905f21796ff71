import type { ComponentType } from 'react';
import type { OperationName } from '../../../shared/contract';
import { AuditScreen } from './audit';
import { PrivacyScreen } from './privacy';
import { RegistryBookScreen } from './registry-book';
import { QueueScreen } from './queue';
import { ResidentsScreen } from './residents';
import { SettingsScreen } from './settings';
import { StaffScreen } from './staff';
import { StatusScreen } from './status';
import { WalkInsScreen } from './walk-ins';
import { ConflictsScreen } from './verify/conflicts-screen';
import { VerifyScreen } from './verify/verify-screen';

export interface ScreenDef {
  readonly id: string;
  /** i18n key of the menu label. */
  readonly label: string;
  /** The operation the screen stands on: whoever the contract lets call it sees the screen. */
  readonly op: OperationName;
  readonly component: ComponentType;
}

/** The menu, in order. Only built screens are listed: no placeholders. */
export const screens: readonly ScreenDef[] = [
  {
    id: 'verify',
    label: 'verifications.nav.verify',
    op: 'verifyMatch',
    component: VerifyScreen,
  },
  {
    id: 'conflicts',
    label: 'verifications.nav.conflicts',
    op: 'verifyConflicts',
    component: ConflictsScreen,
  },
  {
    id: 'walk-ins',
    label: 'forms.nav.walkIns',
    op: 'formsFile',
    component: WalkInsScreen,
  },
  {
    id: 'registry-book',
    label: 'forms.nav.book',
    op: 'formsList',
    component: RegistryBookScreen,
  },
  {
    id: 'residents',
    label: 'residents.nav',
    op: 'residentsSearch',
    component: ResidentsScreen,
  },
  {
    id: 'status',
    label: 'ui.nav.status',
    op: 'systemStatus',
    component: StatusScreen,
  },
  { id: 'queue', label: 'sync.nav', op: 'syncQueueList', component: QueueScreen },
  { id: 'audit', label: 'audit.ui.nav', op: 'auditList', component: AuditScreen },
  { id: 'privacy', label: 'privacy.nav', op: 'privacyLookup', component: PrivacyScreen },
  { id: 'staff', label: 'ui.nav.staff', op: 'staffSetRole', component: StaffScreen },
  { id: 'settings', label: 'ui.nav.settings', op: 'settingsUpdate', component: SettingsScreen },
];
