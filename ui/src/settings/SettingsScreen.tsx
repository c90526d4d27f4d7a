import type { SessionInfo } from '../ipc';
import { BackupsSection } from './BackupsSection';
import { CertificateImportSection } from './CertificateImportSection';
import { CertificateSection } from './CertificateSection';
import { ComplianceBarSection } from './ComplianceBarSection';
import { IdleLockSection } from './IdleLockSection';
import { RecoveryKeySection } from './RecoveryKeySection';

/** The practice's settings: each section is shown to those whose roles allow it. */
export function SettingsScreen({ session }: { session: SessionInfo }) {
  const { permissions } = session;
  return (
    <div id="settings-screen">
      <h1>Settings</h1>
      <IdleLockSection session={session} />
      {permissions.changeSettings ? <BackupsSection session={session} /> : null}
      {permissions.changeSettings ? <ComplianceBarSection /> : null}
      {permissions.manageVault ? <RecoveryKeySection session={session} /> : null}
      <CertificateSection />
      {permissions.manageVault ? <CertificateImportSection /> : null}
    </div>
  );
}
