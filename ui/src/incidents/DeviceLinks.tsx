import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { incidentLinkDevice, type IncidentRow, type IncidentsView } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { SelectField } from '../shared/SelectField';
import { deviceChoiceLabel, LOST_OR_STOLEN_DEVICE } from './labels';
import { useRefreshAfterIncidentChange } from './useIncidents';

const FIELD_IDS = { deviceId: 'incident-link-device' } as const;

type DeviceLinksProps = {
  incident: IncidentRow;
  view: IncidentsView;
  /** The IG lead may link devices now. */
  editable: boolean;
  onMessage: (message: string) => void;
};

/** The devices the incident involves, and linking another (a lost or stolen one is marked so). */
export function DeviceLinks({ incident, view, editable, onMessage }: DeviceLinksProps) {
  return (
    <section aria-labelledby="incident-devices-heading" id="incident-devices">
      <h2 className="nhsuk-heading-m" id="incident-devices-heading">
        Devices
      </h2>
      {incident.devices.length === 0 ? (
        <p id="incident-device-none">No device is linked to it.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" id="incident-device-list">
          {incident.devices.map((device) => (
            <li key={String(device.id)} data-device={String(device.id)}>
              {device.label}
            </li>
          ))}
        </ul>
      )}
      {editable ? <LinkDevice incident={incident} view={view} onMessage={onMessage} /> : null}
    </section>
  );
}

function LinkDevice({ incident, view, onMessage }: Omit<DeviceLinksProps, 'editable'>) {
  const refresh = useRefreshAfterIncidentChange();
  const [deviceId, setDeviceId] = useState('');
  const [stolen, setStolen] = useState(false);
  const link = useMutation({
    mutationFn: incidentLinkDevice,
    onSuccess: async (row) => {
      setDeviceId('');
      setStolen(false);
      await refresh();
      onMessage(`The device is linked to ${row.reference}.`);
    },
  });
  const choices = view.devices.filter((device) => !incident.devices.some((linked) => linked.id === device.id));
  const errors = formErrors({}, link.error, FIELD_IDS);
  const lostOrStolen = incident.category === LOST_OR_STOLEN_DEVICE;
  const errorText = errors.of('deviceId');
  if (choices.length === 0) return null;

  return (
    <form
      id="incident-link-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (deviceId) link.mutate({ id: incident.id, deviceId: Number(deviceId), stolen: lostOrStolen && stolen });
      }}
    >
      <ErrorSummary id="incident-link-error-summary" errors={errors.items} />
      <SelectField
        id={FIELD_IDS.deviceId}
        label="Link a device"
        hint={lostOrStolen ? 'It is marked lost, or stolen, in the device register if it is in use or in store.' : null}
        error={errorText}
        options={[
          { value: '', label: 'Choose a device' },
          ...choices.map((device) => ({ value: String(device.id), label: deviceChoiceLabel(device) })),
        ]}
        value={deviceId}
        onChange={(event) => setDeviceId(event.target.value)}
      />
      {lostOrStolen ? (
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                type="checkbox"
                id="incident-link-stolen"
                checked={stolen}
                onChange={(event) => setStolen(event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="incident-link-stolen">
                It was stolen
              </label>
            </div>
          </div>
        </div>
      ) : null}
      <button
        type="submit"
        className="nhsuk-button nhsuk-button--secondary"
        id="incident-link-save"
        disabled={!deviceId || link.isPending}
      >
        Link the device
      </button>
    </form>
  );
}
