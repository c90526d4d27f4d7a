import { useState, type ReactNode } from 'react';

import type { IncidentsStart } from '../incidents/IncidentsScreen';
import { LOST_OR_STOLEN_DEVICE } from '../incidents/labels';
import type { AllocationRow, DeviceDetailView, DeviceIncidentRow, DeviceRegisterView, DeviceRow } from '../ipc';
import { formatDay, formatMoment } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { SuccessMessage } from '../shared/SuccessMessage';
import { SummaryRow } from '../shared/SummaryRow';
import { AllocateForm } from './AllocateForm';
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
  /** Opens the incidents section: to record one about this device, or at one of its incidents. */
  onOpenIncidents?: ((start: IncidentsStart) => void) | undefined;
};

/** One device: every detail, what can be done with it, and who has held it. */
export function DevicePage({ detail, register, message, onBack, onEdit, onMessage, onOpenIncidents }: DevicePageProps) {
  const { device, allocations, incidents, actions } = detail;
  const [panel, setPanel] = useState<Panel>(null);
  // Shown once a loss or theft is recorded here, until the next action.
  const [incidentPrompt, setIncidentPrompt] = useState(false);
  const open = (next: Panel) => {
    setPanel(next);
    setIncidentPrompt(false);
  };
  const done = (said: string) => {
    setPanel(null);
    onMessage(said);
  };
  const kind = choiceLabel(register.kinds, device.kind);
  const madeBy = makeAndModel(device);

  return (
    <div id="device-page" data-device={String(device.id)}>
      <button type="button" className="nhsuk-back-link" id="device-back" onClick={onBack}>
        Back to the device register
      </button>
      <SuccessMessage id="device-message" message={message} />
      {incidentPrompt && onOpenIncidents ? (
        <div className="nhsuk-inset-text" id="device-incident-advice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Record an incident about it now: the IG lead grades it and decides whether it must be reported within 72
            hours.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-u-margin-bottom-0"
            id="device-incident-record"
            onClick={() => onOpenIncidents(recordStart(device, true))}
          >
            Record an incident
          </button>
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
      {actions.mayEdit ? (
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

      {actions.mayAllocate || actions.mayReturn || actions.mayChangeStatus ? (
        <section aria-labelledby="device-actions-heading" id="device-actions">
          <h2 className="nhsuk-heading-m" id="device-actions-heading">
            Who has it, and where it stands
          </h2>
          {panel === null ? (
            <div className="nhsuk-button-group">
              {actions.mayAllocate ? (
                <PanelButton id="device-allocate" onClick={() => open('allocate')}>
                  {device.holder ? 'Re-allocate' : 'Allocate to someone'}
                </PanelButton>
              ) : null}
              {actions.mayReturn ? (
                <PanelButton id="device-return" variant="secondary" onClick={() => open('return')}>
                  Record its return
                </PanelButton>
              ) : null}
              {actions.mayChangeStatus ? (
                <PanelButton id="device-mark-lost" variant="warning" onClick={() => open('lost')}>
                  Mark as lost or stolen
                </PanelButton>
              ) : null}
            </div>
          ) : null}
          {panel === 'allocate' ? (
            <AllocateForm device={device} people={register.people} onCancel={() => setPanel(null)} onAllocated={done} />
          ) : null}
          {panel === 'return' ? <ReturnForm device={device} onCancel={() => setPanel(null)} onReturned={done} /> : null}
          {panel === 'lost' ? (
            <LostForm
              device={device}
              statuses={register.missingStatuses}
              onCancel={() => setPanel(null)}
              onRecorded={(said) => {
                done(said);
                setIncidentPrompt(true);
              }}
            />
          ) : null}
          {panel === null && actions.mayChangeStatus ? (
            <StatusChangeForm
              key={device.status}
              device={device}
              statuses={register.statuses}
              offered={register.statusesSetByHand}
              onChanged={(said) => {
                setIncidentPrompt(false);
                onMessage(said);
              }}
            />
          ) : null}
        </section>
      ) : null}

      <h2 className="nhsuk-heading-m">Who has held it</h2>
      <AllocationsTable allocations={allocations} />

      <section aria-labelledby="device-incidents-heading" id="device-incidents-section">
        <h2 className="nhsuk-heading-m" id="device-incidents-heading">
          Incidents
        </h2>
        <IncidentsTable incidents={incidents} onOpen={onOpenIncidents && ((id) => onOpenIncidents({ kind: 'incident', id }))} />
        {onOpenIncidents && actions.offerIncident && !incidentPrompt ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="device-record-incident"
            onClick={() => onOpenIncidents(recordStart(device))}
          >
            Record an incident about {device.assetTag}
          </button>
        ) : null}
      </section>
    </div>
  );
}

type PanelButtonProps = {
  id: string;
  /** The NHS button's look: primary unless given. */
  variant?: 'secondary' | 'warning';
  onClick: () => void;
  children: ReactNode;
};

/** A button that opens one of the page's forms. */
function PanelButton({ id, variant, onClick, children }: PanelButtonProps) {
  const className = variant ? `nhsuk-button nhsuk-button--${variant}` : 'nhsuk-button';
  return (
    <button type="button" className={className} id={id} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * The incident form filled in with this device; a lost or stolen device's incident is one of that
 * category (`missing`: it was just recorded lost or stolen here).
 */
function recordStart(device: DeviceRow, missing = device.missing): IncidentsStart {
  return {
    kind: 'record',
    draft: {
      deviceIds: [device.id],
      ...(missing ? { category: LOST_OR_STOLEN_DEVICE, stolen: device.status === 'stolen' } : {}),
    },
  };
}

type IncidentsTableProps = {
  incidents: readonly DeviceIncidentRow[];
  /** Opens an incident in the incidents section, when the page can. */
  onOpen: ((id: DeviceIncidentRow['id']) => void) | undefined;
};

/** The incidents the device is linked to, newest first. */
function IncidentsTable({ incidents, onOpen }: IncidentsTableProps) {
  if (incidents.length === 0) {
    return (
      <p className="nhsuk-body" id="device-incidents-none">
        No incident is linked to it.
      </p>
    );
  }
  return (
    <ResponsiveTable
      id="device-incidents"
      caption="Incidents it is linked to, newest first"
      headings={['Incident', 'Aware', 'Category', 'Status']}
    >
      {incidents.map((incident) => (
        <tr className="nhsuk-table__row" role="row" key={String(incident.id)} data-incident={String(incident.id)}>
          <ResponsiveCell heading="Incident">
            {onOpen ? (
              <LinkButton id={`device-incident-${String(incident.id)}`} onClick={() => onOpen(incident.id)}>
                {incident.reference}
              </LinkButton>
            ) : (
              incident.reference
            )}
          </ResponsiveCell>
          <ResponsiveCell heading="Aware">{formatMoment(incident.awareAt)}</ResponsiveCell>
          <ResponsiveCell heading="Category">{incident.categoryLabel}</ResponsiveCell>
          <ResponsiveCell heading="Status">{incident.statusLabel}</ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
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
    <ResponsiveTable
      id="device-allocations"
      caption="Who has held it, oldest first"
      headings={['Person', 'From', 'To', 'Note']}
    >
      {allocations.map((allocation, index) => (
        // The history only grows at its end, so a row's place is its identity.
        <tr className="nhsuk-table__row" role="row" key={index}>
          <ResponsiveCell heading="Person">{allocation.person.fullName}</ResponsiveCell>
          <ResponsiveCell heading="From">{formatDay(allocation.from)}</ResponsiveCell>
          <ResponsiveCell heading="To">{allocation.to ? formatDay(allocation.to) : 'now'}</ResponsiveCell>
          <ResponsiveCell heading="Note">{allocation.note}</ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
