import { memo, useMemo } from 'react';

import type { DeviceRegisterView, DeviceRow } from '../ipc';
import { formatDay } from '../shared/dates';
import { LinkButton } from '../shared/LinkButton';
import { CellNote, ResponsiveCell, ResponsiveTable } from '../shared/ResponsiveTable';
import { SelectField, type SelectOption } from '../shared/SelectField';
import { useDebouncedValue } from '../shared/useDebouncedValue';
import { choiceLabel, DeviceStatusTag, DISPOSED, formatCount, howMany, makeAndModel } from './labels';
import type { DeviceId } from './useDevices';

/** How long typing must pause before the search runs. */
export const SEARCH_DELAY_MS = 150;

/** At most this many rows are drawn, so that the page stays quick with thousands of devices. */
export const MAX_SHOWN = 200;

/** The status filter's "everything except disposed" and the kind filter's special values. */
const ACTIVE = 'active';
const ALL_KINDS = 'all';
const REMOVABLE_MEDIA = 'removable-media';

type Attention = '' | 'encryption' | 'support';

/** The quick filters for devices that need looking at, by the answers recorded for them. */
const ATTENTION: Readonly<Record<Attention, { label: string; test: (device: DeviceRow) => boolean }>> = {
  '': { label: 'Any device', test: () => true },
  encryption: {
    label: 'Encryption unknown or no',
    test: (device) => device.encryption === 'unknown' || device.encryption === 'no',
  },
  support: {
    label: 'System not supported or unknown',
    test: (device) => device.vendorSupported === 'unknown' || device.vendorSupported === 'no',
  },
};

const ATTENTION_OPTIONS: readonly SelectOption[] = Object.entries(ATTENTION).map(([value, { label }]) => ({
  value,
  label,
}));

const isAttention = (value: string): value is Attention => Object.hasOwn(ATTENTION, value);

/** What the register is narrowed to; kept by the devices screen, so it survives opening a device. */
export type RegisterFilters = { search: string; status: string; kind: string; attention: Attention };

export const NO_FILTERS: RegisterFilters = { search: '', status: ACTIVE, kind: ALL_KINDS, attention: '' };

type DeviceRegisterProps = {
  view: DeviceRegisterView;
  filters: RegisterFilters;
  onFilters: (filters: RegisterFilters) => void;
  /** Whether the viewer may open a device (those who see the whole register). */
  canOpen: boolean;
  /** Keep it stable (`useCallback`): the table is drawn again only when the rows change. */
  onOpen: (id: DeviceId) => void;
};

/** The device register: counts, devices leavers still hold, search and filters, and the table. */
export function DeviceRegister({ view, filters, onFilters, canOpen, onOpen }: DeviceRegisterProps) {
  const { devices } = view;
  const search = useDebouncedValue(filters.search, SEARCH_DELAY_MS);
  // Each device's searchable text, lower-cased once per answer from Rust rather than per keystroke.
  const index = useMemo(() => devices.map((device) => ({ device, text: searchText(device) })), [devices]);
  const { status, kind, attention } = filters;
  const matches = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const attentionTest = ATTENTION[attention].test;
    return index
      .filter(
        ({ device, text }) =>
          (status === ACTIVE ? device.status !== DISPOSED : device.status === status) &&
          (kind === ALL_KINDS || (kind === REMOVABLE_MEDIA ? device.removableMedia : device.kind === kind)) &&
          attentionTest(device) &&
          words.every((word) => text.includes(word)),
      )
      .map(({ device }) => device);
  }, [index, search, status, kind, attention]);
  const shown = useMemo(() => matches.slice(0, MAX_SHOWN), [matches]);

  if (devices.length === 0) {
    return (
      <div className="nhsuk-inset-text" id="device-register-empty">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          {view.canManage || canOpen ? 'There are no devices on the register yet.' : 'No device is recorded as allocated to you.'}
        </p>
      </div>
    );
  }

  const set = (change: Partial<RegisterFilters>) => onFilters({ ...filters, ...change });
  const statusOptions = view.statuses.filter((option) => option.value !== DISPOSED);

  return (
    <>
      <p id="device-counts">
        <DeviceCounts devices={devices} />
      </p>
      <DevicesToReturn view={view} canOpen={canOpen} onOpen={onOpen} />

      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="device-search">
          Search
        </label>
        <div className="nhsuk-hint" id="device-search-hint">
          Asset tag, make, model, serial number, who holds it or where it is
        </div>
        <input
          className="nhsuk-input nhsuk-input--width-30"
          id="device-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="device-search-hint"
          value={filters.search}
          onChange={(event) => set({ search: event.target.value })}
        />
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="device-filter-status"
            label="Status"
            options={[
              { value: ACTIVE, label: 'All active (not disposed)' },
              ...statusOptions,
              { value: DISPOSED, label: 'Disposed' },
            ]}
            value={status}
            onChange={(event) => set({ status: event.target.value })}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="device-filter-kind"
            label="Kind"
            options={[
              { value: ALL_KINDS, label: 'All kinds' },
              ...view.kinds,
              { value: REMOVABLE_MEDIA, label: 'Removable media' },
            ]}
            value={kind}
            onChange={(event) => set({ kind: event.target.value })}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            id="device-filter-attention"
            label="Needs attention"
            options={ATTENTION_OPTIONS}
            value={attention}
            onChange={(event) => set({ attention: isAttention(event.target.value) ? event.target.value : '' })}
          />
        </div>
      </div>

      <p id="device-register-shown" aria-live="polite">
        {matches.length > MAX_SHOWN
          ? `Showing ${formatCount(MAX_SHOWN)} of ${formatCount(matches.length)} — refine the search`
          : matches.length === index.length
            ? null
            : `${formatCount(matches.length)} of ${howMany(index.length, 'device')} shown`}
      </p>
      {shown.length === 0 ? (
        <div className="nhsuk-inset-text" id="device-register-none-shown">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No device matches the search and filters.</p>
        </div>
      ) : (
        <DeviceTable devices={shown} view={view} canOpen={canOpen} onOpen={onOpen} />
      )}
    </>
  );
}

/** Everything the search looks in, lower-cased. */
function searchText(device: DeviceRow): string {
  return [device.assetTag, device.make, device.model, device.serial, device.holder?.fullName ?? '', device.location]
    .join('\n')
    .toLowerCase();
}

const HEADINGS = ['Asset tag', 'Kind', 'Make and model', 'Ownership', 'Encrypted', 'Status', 'Held by'];

type DeviceTableProps = {
  devices: readonly DeviceRow[];
  view: DeviceRegisterView;
  canOpen: boolean;
  onOpen: (id: DeviceId) => void;
};

/** The rows shown; memoised, so typing in the search box does not draw them again. */
const DeviceTable = memo(function DeviceTable({ devices, view, canOpen, onOpen }: DeviceTableProps) {
  return (
    <ResponsiveTable id="device-register" caption="Device register" headings={HEADINGS}>
      {devices.map((device) => (
        <tr className="nhsuk-table__row" role="row" key={String(device.id)} data-device={String(device.id)}>
          <ResponsiveCell heading="Asset tag">
            {canOpen ? (
              <LinkButton id={`device-${String(device.id)}`} onClick={() => onOpen(device.id)}>
                {device.assetTag}
              </LinkButton>
            ) : (
              device.assetTag
            )}
          </ResponsiveCell>
          <ResponsiveCell heading="Kind">{choiceLabel(view.kinds, device.kind)}</ResponsiveCell>
          <ResponsiveCell heading="Make and model">{makeAndModel(device)}</ResponsiveCell>
          <ResponsiveCell heading="Ownership">{choiceLabel(view.ownerships, device.ownership)}</ResponsiveCell>
          <ResponsiveCell heading="Encrypted">{choiceLabel(view.answers, device.encryption)}</ResponsiveCell>
          <ResponsiveCell heading="Status">
            <DeviceStatusTag status={device.status} statuses={view.statuses} />
          </ResponsiveCell>
          <ResponsiveCell heading="Held by">
            {device.holder ? (
              <>
                {device.holder.fullName}
                {device.heldSince ? (
                  <CellNote>since {formatDay(device.heldSince)}</CellNote>
                ) : null}
              </>
            ) : (
              <span className="nhsuk-u-secondary-text-colour">No one</span>
            )}
          </ResponsiveCell>
        </tr>
      ))}
    </ResponsiveTable>
  );
});

/**
 * "148 devices: 12 with unknown encryption, 3 unsupported systems." — counted over the devices not
 * disposed of, from the answers core recorded.
 */
function DeviceCounts({ devices }: { devices: readonly DeviceRow[] }) {
  const counts = useMemo(() => {
    const active = devices.filter((device) => device.status !== DISPOSED);
    const count = (test: (device: DeviceRow) => boolean) => active.filter(test).length;
    return {
      active: active.length,
      disposed: devices.length - active.length,
      encryptionUnknown: count((device) => device.encryption === 'unknown'),
      notEncrypted: count((device) => device.encryption === 'no'),
      unsupported: count((device) => device.vendorSupported === 'no'),
      supportUnknown: count((device) => device.vendorSupported === 'unknown'),
    };
  }, [devices]);
  const total = howMany(counts.active, 'device');
  const disposed = counts.disposed > 0 ? ` ${howMany(counts.disposed, 'disposed device')} kept on record.` : null;
  const parts = [
    `${counts.encryptionUnknown} with unknown encryption`,
    counts.notEncrypted > 0 ? `${counts.notEncrypted} not encrypted` : null,
    howMany(counts.unsupported, 'unsupported system'),
    counts.supportUnknown > 0 ? `${counts.supportUnknown} whose support is unknown` : null,
  ].filter(Boolean);
  if (counts.encryptionUnknown + counts.notEncrypted + counts.unsupported + counts.supportUnknown === 0) {
    return (
      <>
        {total}, all encrypted and on supported systems.{disposed}
      </>
    );
  }
  return (
    <>
      {total}: <strong>{parts.join(', ')}</strong>.{disposed}
    </>
  );
}

type DevicesToReturnProps = Pick<DeviceRegisterProps, 'view' | 'canOpen' | 'onOpen'>;

/** Devices still held by people who have left or are leaving. */
function DevicesToReturn({ view, canOpen, onOpen }: DevicesToReturnProps) {
  if (view.toReturn.length === 0) return null;
  return (
    <div className="nhsuk-inset-text" id="devices-to-return">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">Devices held by leavers</h2>
      <p>Ask for each back by the holder&apos;s last day, then record its return.</p>
      <ul className="nhsuk-list">
        {view.toReturn.map((item) => (
          <li key={String(item.deviceId)} data-device={String(item.deviceId)}>
            {canOpen ? (
              <LinkButton id={`device-to-return-${String(item.deviceId)}`} onClick={() => onOpen(item.deviceId)}>
                {item.assetTag}
              </LinkButton>
            ) : (
              item.assetTag
            )}{' '}
            — {item.holder}, last day {formatDay(item.lastDay)}
          </li>
        ))}
      </ul>
    </div>
  );
}
