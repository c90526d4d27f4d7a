import type { PolicyRegisterView, VersionRow } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { PolicyForm } from './PolicyForm';
import { PolicyPage } from './PolicyPage';
import { ReturnToDraftForm } from './ReturnToDraftForm';
import { SignOffPanel } from './SignOffPanel';
import { usePolicy, type PolicyId } from './usePolicies';
import { VersionForm } from './VersionForm';
import { VersionReader } from './VersionReader';

/** What the one-policy screen shows. */
export type PolicyMode =
  | { kind: 'page' }
  | { kind: 'edit' }
  | { kind: 'new-version' }
  | { kind: 'edit-draft'; draft: VersionRow }
  | { kind: 'read'; version: VersionRow }
  | { kind: 'approve'; version: VersionRow }
  | { kind: 'return'; version: VersionRow }
  | { kind: 'review' };

type PolicyScreenProps = {
  id: PolicyId;
  mode: PolicyMode;
  register: PolicyRegisterView;
  message: string | null;
  /** Moves within the policy, saying what the last change did when there was one. */
  onMode: (mode: PolicyMode, message?: string) => void;
  onBack: () => void;
};

/** One policy, and its forms: details, versions, reading, signing off and sending back to draft. */
export function PolicyScreen({ id, mode, register, message, onMode, onBack }: PolicyScreenProps) {
  const detail = usePolicy(id);
  const toPage = (said?: string) => onMode({ kind: 'page' }, said);

  if (detail.isPending) return <Loading>Loading the policy…</Loading>;
  if (detail.isError) {
    return (
      <>
        <button type="button" className="nhsuk-back-link" id="policy-back" onClick={onBack}>
          Back to the policy register
        </button>
        <LoadFailed title="This policy cannot be shown" error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const { policy } = detail.data;

  switch (mode.kind) {
    case 'edit':
      return (
        <PolicyForm
          mode="edit"
          policy={policy}
          register={register}
          onCancel={() => toPage()}
          onSaved={() => toPage('Changes saved')}
        />
      );
    case 'new-version':
    case 'edit-draft':
      return (
        <VersionForm
          policy={policy}
          hasVersions={detail.data.versions.length > 0}
          {...(mode.kind === 'edit-draft' ? { draft: mode.draft } : {})}
          onCancel={() => toPage()}
          onSaved={(_, said) => toPage(said)}
        />
      );
    case 'read':
      return <VersionReader versionId={mode.version.id} onBack={() => toPage()} />;
    case 'approve':
    case 'review':
      return (
        <SignOffPanel
          signOff={mode.kind === 'approve' ? { kind: 'approval', version: mode.version } : { kind: 'review', policy }}
          policy={policy}
          roleOptions={register.roleOptions}
          onCancel={() => toPage()}
          onSigned={(said) => toPage(said)}
        />
      );
    case 'return':
      return (
        <ReturnToDraftForm
          policy={policy}
          version={mode.version}
          onCancel={() => toPage()}
          onReturned={(version) => toPage(`Version ${version.number} sent back to draft`)}
        />
      );
    case 'page':
      return (
        <PolicyPage
          detail={detail.data}
          roleOptions={register.roleOptions}
          message={message}
          onBack={onBack}
          onEdit={() => onMode({ kind: 'edit' })}
          onNewVersion={() => onMode({ kind: 'new-version' })}
          onEditDraft={(draft) => onMode({ kind: 'edit-draft', draft })}
          onRead={(version) => onMode({ kind: 'read', version })}
          onApprove={(version) => onMode({ kind: 'approve', version })}
          onReturn={(version) => onMode({ kind: 'return', version })}
          onReview={() => onMode({ kind: 'review' })}
          onMessage={(said) => onMode({ kind: 'page' }, said)}
        />
      );
  }
}
