// Fixtures for the DSPT evidence map's component tests, shaped as core sends them.
import type { EvidenceEntryView, EvidenceMapView } from '../ipc';

export function evidenceEntry(overrides: Partial<EvidenceEntryView> = {}): EvidenceEntryView {
  return {
    id: '1.3.1',
    title: 'Data security and protection policies are approved, published and reviewed on time',
    standing: 'met',
    standingLabel: 'Looks met',
    evidence: '14 policies published, every one reviewed on time.',
    toDo: '',
    section: 'policies',
    packSections: ['Policy register'],
    ...overrides,
  };
}

/** The map for the DSPT year 2026-27: one item of each standing. */
export function evidenceMap(overrides: Partial<EvidenceMapView> = {}): EvidenceMapView {
  return {
    source: 'NHS England, Data Security and Protection Toolkit, 2025-26 assessment for general practice',
    toolkitYear: '2025-26',
    from: '2026-07-01',
    to: '2027-06-30',
    entries: [
      evidenceEntry(),
      evidenceEntry({
        id: '3.2.1',
        title: "Staff have read and understood the data security and protection policies (at least the practice's bar)",
        standing: 'partly_met',
        standingLabel: 'Partly met',
        evidence: '88% of staff are up to date, below the 95% bar.',
        toDo: 'Chase the 3 people on the chase list',
        section: 'acknowledgements',
        packSections: ['Staff acknowledgements'],
      }),
      evidenceEntry({
        id: '6.1.1',
        title: 'Incidents are recorded, graded, and reportable ones reported within 72 hours',
        standing: 'missing',
        standingLabel: 'Missing',
        evidence: 'No incident or near miss is recorded in the period.',
        toDo: 'Record incidents and near misses as they happen',
        section: 'incidents',
        packSections: ['Incidents'],
      }),
    ],
    currentYearFrom: '2026-07-01',
    currentYearTo: '2027-06-30',
    ...overrides,
  };
}
