import { useState } from 'react';

import type { AllocationRow, DeviceDetailView, DeviceRegisterView } from '../ipc';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { ResponsiveCell } from '../shared/ResponsiveCell';
import { SummaryRow } from '../shared/SummaryRow';
import { AllocateForm } from './AllocateForm';
import { DeviceMessage } from './DeviceMessage';
import { choiceLabel, DeviceStatusTag, DISPOSED, makeAndModel, statusLabel } from './labels';
import { LostForm } from './LostForm';
import { ReturnForm } from './ReturnForm';
import { StatusChangeForm } from './StatusChangeForm';

/** The form open under the actions, if any: one task at a time. */
type Panel = 'allocate' | 'return' | 'lost' | null;

type DevicePageProps = {
  detail: DeviceDetailView;
  register: DeviceRegisterView;
  /** What the last change did, if anything. */
  message: string | null;
  onBack: () => void;
  onEdit: () => void;
  /** A change was made here; say what. */
  onMessage: (message: string) => void;
};

/** One device: every detail, what can be done with it, and who has held it. */
export function DevicePage({ detail, register, message, onBack, onEdit, onMessage }: DevicePageProps) {
  const { device, allocations } = detail;
  const [panel, setPanel] = useState<Panel>(null);
  // Shown once a loss or theft is recorded here, until the next action.
  const [incidentAdvice, setIncidentAdvice] = useState(false);
  const open = (next: Panel) => {
    setPanel(next);
    setIncidentAdvice(false);
  };
  const done = (said: string) => {
    setPanel(null);
    onMessage(said);
  };
  const mayChange = register.canManage && device.status !== DISPOSED;
  const kind = choiceLabel(register.kinds, device.kind);
  const madeBy = makeAndModel(device);

  return (
    <div id="device-page" data-device={String(device.id)}>
      <button type="button" className="nhsuk-back-link" id="device-back" onClick={onBack}>
        Back to the device register
      </button>
      <DeviceMessage message={message} />
      {incidentAdvice ? (
        <div className="nhsuk-inset-text" id="device-incident-advice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>If information may have been exposed, record an incident with the IG lead.</p>
        </div>
      ) : null}
      <span className="nhsuk-caption-l" id="device-caption">
        {madeBy ? `${kind} — ${madeBy}` : kind}
      </span>
      <h1>{device.assetTag}</h1>
      <p id="device-status-shown">
        <DeviceStatusTag status={device.status} statuses={register.statuses} />
      </p>

      <dl className="nhsuk-summary-list" id="device-summary">
        <SummaryRow name="Kind">{device.removableMedia ? `${kind} (removable media)` : kind}</SummaryRow>
        <SummaryRow name="Make">
          <Known value={device.make} />
        </SummaryRow>
        <SummaryRow name="Model">
          <Known value={device.model} />
        </SummaryRow>
        <SummaryRow name="Serial number">
          <Known value={device.serial} />
        </SummaryRow>
        <SummaryRow name="Ownership">{choiceLabel(register.ownerships, device.ownership)}</SummaryRow>
        <SummaryRow name="Encrypted">{choiceLabel(register.answers, device.encryption)}</SummaryRow>
        <SummaryRow name="Encryption method">
          <Known value={device.encryptionMethod} />
        </SummaryRow>
        <SummaryRow name="Operating system">
          <Known value={device.osName} />
        </SummaryRow>
        <SummaryRow name="Version">
          <Known value={device.osVersion} />
        </SummaryRow>
        <SummaryRow name="Security updates from its maker">
          {choiceLabel(register.answers, device.vendorSupported)}
        </SummaryRow>
        <SummaryRow name="Location">
          <Known value={device.location} />
        </SummaryRow>
        <SummaryRow name="Information asset owner">
          <Known value={device.assetOwner?.fullName ?? ''} />
        </SummaryRow>
        <SummaryRow name="Status">{statusLabel(register.statuses, device.status)}</SummaryRow>
        <SummaryRow name="Held by">
          {device.holder ? (
            <>
              {device.holder.fullName}
              {device.heldSince ? `, since ${formatDay(device.heldSince)}` : null}
            </>
          ) : (
            'No one'
          )}
        </SummaryRow>
        <SummaryRow name="Purchase date">
          <Known value={device.purchaseDate ? formatDay(device.purchaseDate) : ''} />
        </SummaryRow>
        <SummaryRow name="Notes">
          <Known value={device.notes} />
        </SummaryRow>
      </dl>
      {mayChange ? (
        <p>
          <LinkButton id="device-edit" onClick={onEdit}>
            Change these details
          </LinkButton>
        </p>
      ) : null}
      {device.status === DISPOSED ? (
        <div className="nhsuk-inset-text" id="device-disposed">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>It was disposed of. Its record is kept as it was.</p>
        </div>
      ) : null}

      {mayChange ? (
        <section aria-labelledby="device-actions-heading" id="device-actions">
          <h2 className="nhsuk-heading-m" id="device-actions-heading">
            Who has it, and where it stands
          </h2>
          {panel === null ? (
            <div className="nhsuk-button-group">
              <button type="button" className="nhsuk-button" id="device-allocate" onClick={() => open('allocate')}>
                {device.holder ? 'Re-allocate' : 'Allocate to someone'}
              </button>
              {device.holder ? (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary"
                  id="device-return"
                  onClick={() => open('return')}
                >
                  Record its return
                </button>
              ) : null}
              <button
                type="button"
                className="nhsuk-button nhsuk-button--warning"
                id="device-mark-lost"
                onClick={() => open('lost')}
              >
                Mark as lost or stolen
              </button>
            </div>
          ) : null}
          {panel === 'allocate' ? (
            <AllocateForm device={device} people={register.people} onCancel={() => setPanel(null)} onAllocated={done} />
          ) : null}
          {panel === 'return' ? <ReturnForm device={device} onCancel={() => setPanel(null)} onReturned={done} /> : null}
          {panel === 'lost' ? (
            <LostForm
              device={device}
              statuses={register.statuses}
              onCancel={() => setPanel(null)}
              onRecorded={(said) => {
                done(said);
                setIncidentAdvice(true);
              }}
            />
          ) : null}
          {panel === null ? (
            <StatusChangeForm
              key={device.status}
              device={device}
              statuses={register.statuses}
              onChanged={(said) => {
                setIncidentAdvice(false);
                onMessage(said);
              }}
            />
          ) : null}
        </section>
      ) : null}

      <h2 className="nhsuk-heading-m">Who has held it</h2>
      <AllocationsTable allocations={allocations} />
    </div>
  );
}

/** A value, or "Not recorded" when it is empty. */
function Known({ value }: { value: string }) {
  return value.trim() ? <>{value}</> : <span className="nhsuk-u-secondary-text-colour">Not recorded</span>;
}

/** Every allocation, oldest first. */
function AllocationsTable({ allocations }: { allocations: readonly AllocationRow[] }) {
  if (allocations.length === 0) {
    return (
      <p className="nhsuk-body" id="device-allocations-none">
        No one has held it yet.
      </p>
    );
  }
  return (
    <table className="nhsuk-table-responsive" id="device-allocations" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Who has held it, oldest first</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {['Person', 'From', 'To', 'Note'].map((heading) => (
            <th scope="col" className="nhsuk-table__header" role="columnheader" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body" role="rowgroup">
        {allocations.map((allocation, index) => (
          // The history only grows at its end, so a row's place is its identity.
          <tr className="nhsuk-table__row" role="row" key={index}>
            <ResponsiveCell heading="Person">{allocation.person.fullName}</ResponsiveCell>
            <ResponsiveCell heading="From">{formatDay(allocation.from)}</ResponsiveCell>
            <ResponsiveCell heading="To">{allocation.to ? formatDay(allocation.to) : 'now'}</ResponsiveCell>
            <ResponsiveCell heading="Note">{allocation.note}</ResponsiveCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
