import type { IncidentDeviceOption } from '../ipc';
import { LinkButton } from '../shared/LinkButton';
import { deviceChoiceLabel } from './labels';

type DevicePickerProps = {
  /** Ids: `{prefix}-choice`, `-add`, `-chosen`, `-remove-{id}`. */
  idPrefix: string;
  devices: readonly IncidentDeviceOption[];
  /** The chosen devices' ids, as text. */
  chosen: readonly string[];
  error?: string | undefined;
  onChange: (chosen: string[]) => void;
  /** The device picked but not yet added (the form adds it when sent, too). */
  choice: string;
  onChoice: (choice: string) => void;
};

/** The devices an incident involves: chosen one by one from the register (which may be long). */
export function DevicePicker({ idPrefix, devices, chosen, error, onChange, choice, onChoice }: DevicePickerProps) {
  const label = (id: string) => devices.find((device) => String(device.id) === id)?.label ?? id;
  const left = devices.filter((device) => !chosen.includes(String(device.id)));
  const selectId = `${idPrefix}-choice`;
  const errorId = `${selectId}-error`;
  const hintId = `${selectId}-hint`;
  const add = () => {
    if (!choice) return;
    onChange([...chosen, choice]);
    onChoice('');
  };

  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Devices involved</legend>
        <div className="nhsuk-hint" id={hintId}>
          {devices.length === 0 && chosen.length === 0
            ? 'There is no device in the register you can name.'
            : 'A lost or stolen device is marked so in the device register.'}
        </div>
        {error ? (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        {chosen.length > 0 ? (
          <ul className="nhsuk-list" id={`${idPrefix}-chosen`}>
            {chosen.map((id) => (
              <li key={id} data-device={id}>
                {label(id)}{' '}
                <LinkButton id={`${idPrefix}-remove-${id}`} onClick={() => onChange(chosen.filter((c) => c !== id))}>
                  Remove <span className="nhsuk-u-visually-hidden">{label(id)}</span>
                </LinkButton>
              </li>
            ))}
          </ul>
        ) : null}
        {left.length > 0 ? (
          <>
            <label className="nhsuk-label" htmlFor={selectId}>
              {chosen.length > 0 ? 'Add another device' : 'Add a device'}
            </label>
            <select
              className="nhsuk-select"
              id={selectId}
              value={choice}
              onChange={(event) => onChoice(event.target.value)}
            >
              <option value="">Choose a device</option>
              {left.map((device) => (
                <option key={String(device.id)} value={String(device.id)}>
                  {deviceChoiceLabel(device)}
                </option>
              ))}
            </select>{' '}
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              id={`${idPrefix}-add`}
              disabled={!choice}
              onClick={add}
            >
              Add the device
            </button>
          </>
        ) : null}
      </fieldset>
    </div>
  );
}
