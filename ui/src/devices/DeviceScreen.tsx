import type { IncidentsStart } from '../incidents/IncidentsScreen';
import type { DeviceRegisterView } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { DeviceForm } from './DeviceForm';
import { DevicePage } from './DevicePage';
import { useDevice, type DeviceId } from './useDevices';

/** What the one-device screen shows. */
export type DeviceMode = 'page' | 'edit';

type DeviceScreenProps = {
  id: DeviceId;
  mode: DeviceMode;
  register: DeviceRegisterView;
  message: string | null;
  /** Moves within the device, saying what the last change did when there was one. */
  onMode: (mode: DeviceMode, message?: string) => void;
  onBack: () => void;
  /** Opens the incidents section: to record one about this device, or at one of its incidents. */
  onOpenIncidents?: ((start: IncidentsStart) => void) | undefined;
};

/** One device: its page, or the form to change its details. */
export function DeviceScreen({ id, mode, register, message, onMode, onBack, onOpenIncidents }: DeviceScreenProps) {
  const detail = useDevice(id);

  if (detail.isPending) return <Loading>Loading the device…</Loading>;
  if (detail.isError) {
    return (
      <>
        <button type="button" className="nhsuk-back-link" id="device-back" onClick={onBack}>
          Back to the device register
        </button>
        <LoadFailed title="This device cannot be shown" error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  if (mode === 'edit') {
    return (
      <DeviceForm
        mode="edit"
        device={detail.data.device}
        register={register}
        onCancel={() => onMode('page')}
        onSaved={() => onMode('page', 'Changes saved')}
      />
    );
  }
  return (
    <DevicePage
      detail={detail.data}
      register={register}
      message={message}
      onBack={onBack}
      onEdit={() => onMode('edit')}
      onMessage={(said) => onMode('page', said)}
      onOpenIncidents={onOpenIncidents}
    />
  );
}
