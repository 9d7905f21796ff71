import type { ComponentType } from 'react';
import type { Role } from '../../../shared/contract';
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
  readonly roles: readonly Role[];
  readonly component: ComponentType;
}

/** The menu, in order. Only built screens are listed: no placeholders. */
export const screens: readonly ScreenDef[] = [
  {
    id: 'verify',
    label: 'verifications.nav.verify',
    roles: ['clerk', 'manager', 'admin'],
    component: VerifyScreen,
  },
  {
    id: 'conflicts',
    label: 'verifications.nav.conflicts',
    roles: ['manager', 'admin'],
    component: ConflictsScreen,
  },
  {
    id: 'walk-ins',
    label: 'forms.nav.walkIns',
    roles: ['clerk', 'manager', 'admin'],
    component: WalkInsScreen,
  },
  {
    id: 'registry-book',
    label: 'forms.nav.book',
    roles: ['clerk', 'manager', 'admin'],
    component: RegistryBookScreen,
  },
  {
    id: 'residents',
    label: 'residents.nav',
    roles: ['clerk', 'manager', 'admin'],
    component: ResidentsScreen,
  },
  {
    id: 'status',
    label: 'ui.nav.status',
    roles: ['clerk', 'manager', 'admin'],
    component: StatusScreen,
  },
  { id: 'queue', label: 'sync.nav', roles: ['clerk', 'manager', 'admin'], component: QueueScreen },
  { id: 'audit', label: 'audit.ui.nav', roles: ['manager', 'admin'], component: AuditScreen },
  { id: 'privacy', label: 'privacy.nav', roles: ['manager', 'admin'], component: PrivacyScreen },
  { id: 'staff', label: 'ui.nav.staff', roles: ['admin'], component: StaffScreen },
  { id: 'settings', label: 'ui.nav.settings', roles: ['admin'], component: SettingsScreen },
];
