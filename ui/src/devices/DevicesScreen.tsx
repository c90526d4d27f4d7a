import { useCallback, useState } from 'react';

import type { IncidentsStart } from '../incidents/IncidentsScreen';
import type { SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SuccessMessage } from '../shared/SuccessMessage';
import { DeviceForm } from './DeviceForm';
import { DeviceImport } from './DeviceImport';
import { howMany } from './labels';
import { DeviceRegister, NO_FILTERS, type RegisterFilters } from './DeviceRegister';
import { DeviceScreen, type DeviceMode } from './DeviceScreen';
import { RegisterActions } from './RegisterActions';
import { useDeviceRegister, type DeviceId } from './useDevices';

const WHOLE_REGISTER =
  'Every computer, phone and removable medium the practice uses: who holds each, whether it is encrypted, ' +
  'and whether its system still gets security updates.';

/** What the devices screen shows: the register, the form to add one, the import, or one device. */
type View = { kind: 'register' } | { kind: 'add' } | { kind: 'import' } | { kind: 'device'; id: DeviceId; mode: DeviceMode };

/**
 * The device register: every computer, phone and removable medium, who holds each, whether it is
 * encrypted and supported, and its history. What anyone may do here is decided in core.
 */
type DevicesScreenProps = {
  session: SessionInfo;
  /** Opens the incidents section: to record one about a device, or at an incident. */
  onOpenIncidents?: (start: IncidentsStart) => void;
};

export function DevicesScreen({ session, onOpenIncidents }: DevicesScreenProps) {
  const register = useDeviceRegister();
  const [view, setView] = useState<View>({ kind: 'register' });
  // What the last change did, shown until the next move.
  const [message, setMessage] = useState<string | null>(null);
  // The search and filters outlive a visit to one device.
  const [filters, setFilters] = useState<RegisterFilters>(NO_FILTERS);
  const go = (next: View, said?: string) => {
    setView(next);
    setMessage(said ?? null);
  };
  const toRegister = () => go({ kind: 'register' });
  // Stable, so that the register's table is not drawn again on every keystroke in the search.
  const openDevice = useCallback((id: DeviceId) => {
    setView({ kind: 'device', id, mode: 'page' });
    setMessage(null);
  }, []);
  const canOpen = session.permissions.viewDevices;

  function content() {
    if (register.isPending) {
      return (
        <>
          <h1>Devices</h1>
          <Loading>Loading the device register…</Loading>
        </>
      );
    }
    if (register.isError) {
      return (
        <>
          <h1>Devices</h1>
          <LoadFailed title="The device register cannot be shown" error={register.error} onRetry={() => void register.refetch()} />
        </>
      );
    }
    switch (view.kind) {
      case 'add':
        return (
          <DeviceForm
            mode="add"
            register={register.data}
            onCancel={toRegister}
            onAdded={(added) =>
              go({ kind: 'device', id: added.id, mode: 'page' }, `${added.assetTag} added to the register`)
            }
          />
        );
      case 'import':
        return (
          <DeviceImport
            register={register.data}
            onCancel={toRegister}
            onImported={(count) => go({ kind: 'register' }, `${howMany(count, 'device')} imported`)}
          />
        );
      case 'device':
        return (
          <DeviceScreen
            key={String(view.id)}
            id={view.id}
            mode={view.mode}
            register={register.data}
            message={message}
            onMode={(mode, said) => go({ kind: 'device', id: view.id, mode }, said)}
            onBack={toRegister}
            onOpenIncidents={onOpenIncidents}
          />
        );
      case 'register':
        return (
          <>
            <SuccessMessage id="device-message" message={message} />
            <h1>Devices</h1>
            <p>
              {canOpen ? WHOLE_REGISTER : 'The devices recorded as allocated to you.'}
              {register.data.canManage ? null : ' The practice manager and the IG lead keep the register.'}
            </p>
            {register.data.canManage ? (
              <RegisterActions onAdd={() => go({ kind: 'add' })} onImport={() => go({ kind: 'import' })} />
            ) : null}
            <DeviceRegister
              view={register.data}
              filters={filters}
              onFilters={setFilters}
              canOpen={canOpen}
              onOpen={openDevice}
            />
          </>
        );
    }
  }

  return <div id="devices-screen">{content()}</div>;
}
