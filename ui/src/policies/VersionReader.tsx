import type { VersionRow } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { StatusTag } from './labels';
import { PolicyBlocks } from './PolicyBlocks';
import { usePolicyText } from './usePolicies';

type VersionReaderProps = {
  versionId: VersionRow['id'];
  onBack: () => void;
};

/** One version's text to read, with its status and the SHA-256 of exactly this text. */
export function VersionReader({ versionId, onBack }: VersionReaderProps) {
  const text = usePolicyText(versionId);
  const back = (
    <button type="button" className="nhsuk-back-link" onClick={onBack}>
      Back
    </button>
  );
  if (text.isPending) {
    return (
      <>
        {back}
        <Loading>Loading the text…</Loading>
      </>
    );
  }
  if (text.isError) {
    return (
      <>
        {back}
        <LoadFailed title="This version cannot be shown" error={text.error} onRetry={() => void text.refetch()} />
      </>
    );
  }
  const { title, version, blocks } = text.data;
  return (
    <div id="version-reader">
      {back}
      <h1>
        Version {version.number} of {title}
      </h1>
      <p>
        <StatusTag status={version.status} />
      </p>
      <p className="nhsuk-body-s">
        SHA-256 of this text:{' '}
        <span className="custodian-monospace custodian-path" id="version-hash">
          {version.contentHash}
        </span>
      </p>
      <hr className="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" />
      <PolicyBlocks blocks={blocks} />
      <hr className="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" />
      <button type="button" className="nhsuk-button nhsuk-button--secondary" id="version-back" onClick={onBack}>
        Back
      </button>
    </div>
  );
}
