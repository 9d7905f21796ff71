import type { ComponentType } from 'react';
import type { Role } from '../../../shared/contract';
import { ResidentsScreen } from './residents';
import { SettingsScreen } from './settings';
import { StaffScreen } from './staff';
import { StatusScreen } from './status';

export interface ScreenDef {
  readonly id: string;
  /** i18n key of the menu label. */
  readonly label: string;
  readonly roles: readonly Role[];
  readonly component: ComponentType;
}

/** The menu, in order. Only built screens are listed: no placeholders. */
export const screens: readonly ScreenDef[] = [
  { id: 'residents', label: 'residents.nav', roles: ['clerk', 'manager', 'admin'], component: ResidentsScreen },
  {
    id: 'status',
    label: 'ui.nav.status',
    roles: ['clerk', 'manager', 'admin'],
    component: StatusScreen,
  },
  { id: 'staff', label: 'ui.nav.staff', roles: ['admin'], component: StaffScreen },
  { id: 'settings', label: 'ui.nav.settings', roles: ['admin'], component: SettingsScreen },
];
