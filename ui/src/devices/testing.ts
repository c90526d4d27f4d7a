// Fixtures and typed command handlers for the devices area's component tests.
import type {
  AllocateRequest,
  AllocationRow,
  ChoiceOption,
  DeviceActions,
  DeviceDetailView,
  DeviceFormRequest,
  DeviceImportPreviewView,
  DeviceImportRequest,
  DeviceRegisterView,
  DeviceRow,
  DeviceStatusRequest,
  DeviceUpdateRequest,
  ExportedFile,
  IdRequest,
  PersonRefView,
  ReturnDeviceRequest,
} from '../ipc';
import { commandHandler, type CommandHandlers } from '../testing/commands';

type DeviceCommands = {
  device_list: [undefined, DeviceRegisterView];
  device_get: [IdRequest, DeviceDetailView];
  device_add: [DeviceFormRequest, DeviceRow];
  device_update: [DeviceUpdateRequest, DeviceRow];
  device_allocate: [AllocateRequest, DeviceRow];
  device_return: [ReturnDeviceRequest, DeviceRow];
  device_set_status: [DeviceStatusRequest, DeviceRow];
  device_import_preview: [DeviceImportRequest, DeviceImportPreviewView];
  device_import: [DeviceImportRequest, number];
  device_export: [undefined, ExportedFile];
};

export type DeviceHandlers = CommandHandlers & {
  [Name in keyof DeviceCommands]?: (
    request: DeviceCommands[Name][0],
  ) => DeviceCommands[Name][1] | Promise<DeviceCommands[Name][1]>;
};

/** commandHandler, knowing the device commands too. */
export function deviceHandler(handlers: DeviceHandlers) {
  return commandHandler(handlers as CommandHandlers);
}

export const jane: PersonRefView = { id: 1, fullName: 'Jane Smith' };
export const jordan: PersonRefView = { id: 2, fullName: 'Jordan Ellis' };
export const priya: PersonRefView = { id: 3, fullName: 'Priya Shah' };

/** The kinds, ownerships, answers and statuses as core lists them. */
export const kinds: ChoiceOption[] = [
  { value: 'desktop', label: 'Desktop computer' },
  { value: 'laptop', label: 'Laptop' },
  { value: 'tablet', label: 'Tablet' },
  { value: 'phone', label: 'Mobile phone' },
  { value: 'usb_stick', label: 'USB stick' },
  { value: 'external_drive', label: 'External drive' },
  { value: 'smartcard_reader', label: 'Smartcard reader' },
  { value: 'router', label: 'Router' },
  { value: 'printer', label: 'Printer' },
  { value: 'server', label: 'Server' },
  { value: 'other', label: 'Other' },
];
export const ownerships: ChoiceOption[] = [
  { value: 'practice', label: 'Practice' },
  { value: 'personal', label: 'Personal' },
];
export const answers: ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Unknown' },
];
/** Without "disposed", as core sends them. */
export const statuses: ChoiceOption[] = [
  { value: 'in_use', label: 'In use' },
  { value: 'in_store', label: 'In store' },
  { value: 'lost', label: 'Lost' },
  { value: 'stolen', label: 'Stolen' },
  { value: 'awaiting_disposal', label: 'Awaiting disposal' },
];
/** The statuses set by hand on a device's page, as core sends them. */
export const statusesSetByHand: ChoiceOption[] = statuses.filter((s) => !['lost', 'stolen'].includes(s.value));
/** Lost and stolen, as core sends them. */
export const missingStatuses: ChoiceOption[] = statuses.filter((s) => ['lost', 'stolen'].includes(s.value));

/**
 * A device: laptop LT-014, encrypted, supported, held by Jordan Ellis, unless overridden. Whether it
 * is missing follows its status, as core sets it, unless given.
 */
export function deviceRow(overrides: Partial<DeviceRow> = {}): DeviceRow {
  const status = overrides.status ?? 'in_use';
  return {
    id: 7,
    assetTag: 'LT-014',
    kind: 'laptop',
    removableMedia: false,
    missing: status === 'lost' || status === 'stolen',
    make: 'Dell',
    model: 'Latitude 5440',
    serial: 'SN-5440-01',
    ownership: 'practice',
    encryption: 'yes',
    encryptionMethod: 'BitLocker',
    osName: 'Windows 11',
    osVersion: '23H2',
    vendorSupported: 'yes',
    location: 'Reception',
    assetOwner: jane,
    status: 'in_use',
    purchaseDate: '2024-03-01',
    notes: '',
    holder: jordan,
    heldSince: '2025-04-01',
    ...overrides,
  };
}

/** A USB stick in store, encryption unknown, held by no one. */
export const usbStick = deviceRow({
  id: 8,
  assetTag: 'USB-003',
  kind: 'usb_stick',
  removableMedia: true,
  make: 'Kingston',
  model: 'IronKey',
  serial: 'KI-9931',
  encryption: 'unknown',
  encryptionMethod: '',
  osName: '',
  osVersion: '',
  vendorSupported: 'unknown',
  location: 'Practice manager office',
  assetOwner: null,
  status: 'in_store',
  purchaseDate: null,
  holder: null,
  heldSince: null,
});

/** An old desktop on an unsupported system, in the consulting room. */
export const oldDesktop = deviceRow({
  id: 9,
  assetTag: 'PC-002',
  kind: 'desktop',
  make: 'HP',
  model: 'EliteDesk 800 G2',
  serial: 'HP-800-77',
  osName: 'Windows 10',
  osVersion: '22H2',
  vendorSupported: 'no',
  location: 'Consulting room 3',
  holder: priya,
  heldSince: '2023-09-04',
});

/** A phone that was stolen. */
export const stolenPhone = deviceRow({
  id: 10,
  assetTag: 'PH-005',
  kind: 'phone',
  make: 'Apple',
  model: 'iPhone 13',
  serial: 'F2LX-13',
  encryptionMethod: 'Device passcode',
  osName: 'iOS',
  osVersion: '17.4',
  status: 'stolen',
  holder: null,
  heldSince: null,
});

/** A disposed-of laptop, kept on record. */
export const disposedLaptop = deviceRow({
  id: 11,
  assetTag: 'LT-001',
  model: 'Latitude E7450',
  serial: 'SN-7450-99',
  status: 'disposed',
  holder: null,
  heldSince: null,
});

/** The register as a practice manager sees it. */
export function registerView(overrides: Partial<DeviceRegisterView> = {}): DeviceRegisterView {
  return {
    devices: [deviceRow(), usbStick, oldDesktop, stolenPhone, disposedLaptop],
    toReturn: [],
    canManage: true,
    people: [jane, jordan, priya],
    kinds,
    ownerships,
    answers,
    statuses,
    statusesSetByHand,
    missingStatuses,
    ...overrides,
  };
}

/** Jordan Ellis has held it since 1 April 2025. */
export function allocationRow(overrides: Partial<AllocationRow> = {}): AllocationRow {
  return { person: jordan, from: '2025-04-01', to: null, note: 'With charger', ...overrides };
}

/**
 * What core lets the viewer do with `device`, as the desktop sends it: a keeper of the register
 * (`canManage`) may change a device until it is disposed of, allocate one in use or in store, and
 * record the return of one someone holds; anyone is offered an incident about one not disposed of.
 */
export function actionsFor(device: DeviceRow, canManage = true): DeviceActions {
  const disposed = device.status === 'disposed';
  return {
    mayEdit: canManage && !disposed,
    mayAllocate: canManage && (device.status === 'in_use' || device.status === 'in_store'),
    mayReturn: canManage && device.holder !== null,
    mayChangeStatus: canManage && !disposed,
    offerIncident: !disposed,
  };
}

/**
 * One device with its history: LT-014, held by Priya Shah before Jordan Ellis; what may be done
 * with it is what core allows a keeper of the register, unless given.
 */
export function detailView(overrides: Partial<DeviceDetailView> = {}): DeviceDetailView {
  const device = overrides.device ?? deviceRow();
  return {
    device,
    allocations: [allocationRow({ person: priya, from: '2024-03-04', to: '2025-03-31', note: '' }), allocationRow()],
    incidents: [],
    actions: actionsFor(device),
    ...overrides,
  };
}

/** `count` laptops LT-0001… with every tenth one in the reception. */
export function manyDevices(count: number): DeviceRow[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(4, '0');
    return deviceRow({
      id: 1000 + index,
      assetTag: `LT-${number}`,
      serial: `SN-${number}`,
      location: index % 10 === 0 ? 'Reception' : 'Back office',
      holder: null,
      heldSince: null,
      status: 'in_store',
    });
  });
}
