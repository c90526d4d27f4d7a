import { useMutation } from '@tanstack/react-query';

import { disposalCertificateExport, exportOpen, type DisposalRow } from '../ipc';
import { disposalWhat } from './labels';

/**
 * Opens a disposal's certificate: core saves it from the vault in the exports folder beside the
 * vault file, then the computer's viewer opens that file.
 */
export function useCertificateOpener() {
  const opened = useMutation({ mutationFn: exportOpen });
  const exported = useMutation({
    mutationFn: (disposal: DisposalRow) => disposalCertificateExport({ id: disposal.id }),
    onMutate: () => opened.reset(),
    onSuccess: (file) => opened.mutate(file),
  });
  return {
    open: (disposal: DisposalRow) => exported.mutate(disposal),
    busy: exported.isPending || opened.isPending,
    /** The disposal whose certificate was last asked for. */
    disposal: exported.variables,
    saved: exported.data,
    failure: exported.error ?? opened.error,
  };
}

/** Where the last certificate was saved (and opened from), or why it could not be. */
export function CertificateOutcome({ opener }: { opener: ReturnType<typeof useCertificateOpener> }) {
  const { disposal, saved, failure } = opener;
  return (
    <>
      <div role="status">
        {saved && disposal ? (
          <div className="nhsuk-inset-text" id="disposal-certificate-saved">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              The certificate for {disposalWhat(disposal)} was saved as{' '}
              <span className="custodian-path" id="disposal-certificate-path">
                {saved.path}
              </span>
            </p>
            <p className="nhsuk-body-s">It is in the exports folder beside the vault file.</p>
          </div>
        ) : null}
      </div>
      {failure ? (
        <p className="nhsuk-error-message" id="disposal-certificate-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {failure.message}
        </p>
      ) : null}
    </>
  );
}
