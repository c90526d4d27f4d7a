import { useMutation } from '@tanstack/react-query';

import { certificateExport } from '../ipc';
import { useCertificate } from '../packs/useCertificate';
import { ErrorSummary } from '../shared/ErrorSummary';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SummaryRow } from '../shared/SummaryRow';

/**
 * The certificate evidence packs are signed with: what it names and its fingerprint, for an
 * inspector to compare, and a copy to give them as a `.cer` file.
 */
export function CertificateSection() {
  const certificate = useCertificate();
  const exported = useMutation({ mutationFn: certificateExport });

  return (
    <section aria-labelledby="certificate-heading">
      <h2 id="certificate-heading">Signing certificate</h2>
      <p>
        Custodian signs the practice&apos;s evidence packs with the practice&apos;s own certificate. Someone checking a
        pack compares the fingerprint in its signature with the one below, which the practice can read out or send them.
      </p>
      {certificate.isPending ? (
        <Loading>Loading the signing certificate…</Loading>
      ) : certificate.isError ? (
        <LoadFailed
          title="The signing certificate cannot be shown"
          error={certificate.error}
          onRetry={() => void certificate.refetch()}
        />
      ) : (
        <>
          <ErrorSummary
            id="certificate-error-summary"
            title="The certificate could not be exported"
            errors={exported.error ? [{ message: exported.error.message }] : []}
            focusKey={exported.submittedAt}
          />
          <dl className="nhsuk-summary-list">
            <SummaryRow name="Issued to">
              <span id="certificate-subject" className="custodian-path">
                {certificate.data.subject}
              </span>
            </SummaryRow>
            <SummaryRow name="SHA-256 fingerprint">
              <span id="certificate-fingerprint" className="custodian-monospace custodian-path">
                {certificate.data.fingerprint}
              </span>
            </SummaryRow>
          </dl>
          <div role="status">
            {exported.data?.exportedTo ? (
              <div className="nhsuk-inset-text" id="certificate-exported">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>
                  The certificate was saved as{' '}
                  <span className="custodian-path" id="certificate-exported-path">
                    {exported.data.exportedTo}
                  </span>
                  . Give it to inspectors with the pack: it holds no secret.
                </p>
              </div>
            ) : null}
          </div>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="certificate-export"
            disabled={exported.isPending}
            onClick={() => exported.mutate()}
          >
            {exported.isPending ? 'Exporting the certificate…' : 'Export the certificate (.cer)'}
          </button>
        </>
      )}
    </section>
  );
}
