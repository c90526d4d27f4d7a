// Fixtures and typed command handlers for the incidents area's component tests.
import type {
  GradeCellView,
  GradingView,
  IdRequest,
  IncidentActionRequest,
  IncidentAssessRequest,
  IncidentDeviceRequest,
  IncidentGradeRequest,
  IncidentReportRequest,
  IncidentRequest,
  IncidentRow,
  IncidentsView,
  IncidentStatusRequest,
  PersonRefView,
  RoleOption,
  SignOffStatement,
  SignRequest,
} from '../ipc';
import { commandHandler, type CommandHandlers } from '../testing/commands';

type IncidentCommands = {
  incident_list: [undefined, IncidentsView];
  incident_record: [IncidentRequest, IncidentRow];
  incident_grade: [IncidentGradeRequest, IncidentRow];
  incident_action_add: [IncidentActionRequest, IncidentRow];
  incident_assess: [IncidentAssessRequest, IncidentRow];
  incident_report: [IncidentReportRequest, IncidentRow];
  incident_status: [IncidentStatusRequest, IncidentRow];
  incident_link_device: [IncidentDeviceRequest, IncidentRow];
  incident_closure_statement: [IdRequest, SignOffStatement];
  incident_close_sign: [SignRequest, IncidentRow];
};

export type IncidentHandlers = CommandHandlers & {
  [Name in keyof IncidentCommands]?: (
    request: IncidentCommands[Name][0],
  ) => IncidentCommands[Name][1] | Promise<IncidentCommands[Name][1]>;
};

/** commandHandler, knowing the incident commands too. */
export function incidentHandler(handlers: IncidentHandlers) {
  return commandHandler(handlers as CommandHandlers);
}

export const jordan: PersonRefView = { id: 2, fullName: 'Jordan Ellis' };
export const priya: PersonRefView = { id: 3, fullName: 'Priya Raman' };
export const helen: PersonRefView = { id: 4, fullName: 'Dr Helen Marsh' };

export const igLead: RoleOption = { role: 'ig_lead', label: 'IG lead' };
export const siro: RoleOption = { role: 'siro', label: 'SIRO' };
export const caldicott: RoleOption = { role: 'caldicott_guardian', label: 'Caldicott Guardian' };

const LIKELIHOOD = ['Not occurred', 'Not likely', 'Likely', 'Highly likely', 'Occurred'];
const SEVERITY = ['No adverse effect', 'Minor', 'Adverse', 'Serious', 'Catastrophic'];

/** The grading rules as Rust sends them (reportable from likelihood 3 and severity 2; DHSC from severity 4). */
export const grading: GradingView = {
  source: "NHS Digital, 'Guide to the notification of data security and protection incidents' (September 2018)",
  likelihood: LIKELIHOOD.map((label, index) => ({ score: index + 1, label, meaning: `Likelihood meaning ${index + 1}` })),
  severity: SEVERITY.map((label, index) => ({ score: index + 1, label, meaning: `Severity meaning ${index + 1}` })),
  cells: [1, 2, 3, 4, 5].flatMap((likelihood) =>
    [1, 2, 3, 4, 5].map(
      (severity): GradeCellView => ({
        likelihood,
        severity,
        reportable: likelihood >= 3 && severity >= 2,
        notifyDhsc: likelihood >= 3 && severity >= 4,
      }),
    ),
  ),
  deadlineHours: 72,
};

/** Jordan's lost laptop LT-014, recorded and not yet graded, unless overridden. */
export function incidentRow(overrides: Partial<IncidentRow> = {}): IncidentRow {
  return {
    id: 21,
    reference: 'INC-2026-001',
    kind: 'ig',
    kindLabel: 'Information governance',
    category: 'lost_or_stolen_device',
    categoryLabel: 'Lost or stolen device',
    breachTypes: ['confidentiality'],
    occurredAt: '2026-11-24T17:00:00Z',
    awareAt: '2026-11-24T19:15:00Z',
    awareFirstReason: '',
    description: 'Laptop left on the train home',
    specialCategory: true,
    vulnerablePeople: false,
    patientConfidentialityBreached: true,
    reportedBy: jordan,
    recordedAt: '2026-11-24T19:30:00Z',
    dataCategories: 'names, NHS numbers',
    peopleAffected: null,
    recordsAffected: null,
    consequences: '',
    lessons: '',
    grade: null,
    deadline: null,
    clockDeadline: null,
    reportedLate: false,
    report: {
      notReportedReason: '',
      dsptReference: '',
      dsptReportedAt: null,
      icoReference: '',
      icoReportedAt: null,
      dpoConsulted: false,
      individualsTold: false,
      individualsNote: '',
    },
    devices: [{ id: 7, label: 'LT-014' }],
    policies: [],
    actions: [],
    status: 'open',
    statusLabel: 'Open',
    changeable: true,
    statusChoices: [
      { value: 'withdrawn', label: 'Withdrawn' },
      { value: 'duplicate', label: 'Duplicate' },
    ],
    statusChanges: [],
    closureRoles: [igLead, caldicott],
    signOffs: [],
    awaitingSignOff: [],
    closureGaps: ['grade it', 'record at least one containment or action', 'record the lessons learned'],
    canSign: null,
    ...overrides,
  };
}

/** Graded likelihood 3 × severity 2 with its 72-hour clock running until `deadline`. */
export function reportable(deadline: string, overrides: Partial<IncidentRow> = {}): IncidentRow {
  return incidentRow({
    grade: {
      likelihood: 3,
      likelihoodLabel: 'Likely',
      severity: 2,
      severityLabel: 'Minor',
      reportable: true,
      notifyDhsc: false,
    },
    deadline,
    clockDeadline: deadline,
    closureRoles: [igLead, siro, caldicott],
    closureGaps: [
      'record at least one containment or action',
      'record the lessons learned',
      'record the DSPT report reference, or why it was not reported',
    ],
    ...overrides,
  });
}

/** The screen as an IG lead sees it, unless overridden. */
export function incidentsView(overrides: Partial<IncidentsView> = {}): IncidentsView {
  return {
    incidents: [incidentRow()],
    canManage: true,
    categories: [
      { value: 'lost_or_stolen_device', label: 'Lost or stolen device' },
      { value: 'disclosure', label: 'Disclosure of confidential information (including misdirected email or post)' },
      { value: 'malware_or_phishing', label: 'Malware or phishing' },
      { value: 'other', label: 'Other' },
    ],
    kinds: [
      { value: 'ig', label: 'Information governance' },
      { value: 'cyber', label: 'Cyber security' },
      { value: 'both', label: 'Both information governance and cyber' },
    ],
    breachTypes: [
      { value: 'confidentiality', label: 'Confidentiality' },
      { value: 'integrity', label: 'Integrity' },
      { value: 'availability', label: 'Availability' },
    ],
    grading,
    devices: [
      { id: 7, label: 'LT-014 — Laptop Dell Latitude 5440', statusLabel: 'Lost' },
      { id: 9, label: 'PH-002 — Mobile phone Samsung A54', statusLabel: 'In use' },
    ],
    policies: [
      { id: 4, label: 'Information security policy' },
      { id: 5, label: 'Mobile working policy' },
    ],
    ...overrides,
  };
}
