import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

import { packOpen } from '../ipc';
import type { PackCreated } from '../ipc';
import { formatDay } from '../shared/dates';
import { SummaryRow } from '../shared/SummaryRow';
import { useCertificate } from './useCertificate';

/** A pack just made (an ordinary one or the annual one), and what it covers. */
export type MadePack = {
  created: PackCreated;
  /** What it covers, e.g. "People and roles". */
  label: string;
  /** Its period, `YYYY-MM-DD`, both days included. */
  from: string;
  to: string;
};

/** The pack just made: where it is, how to recognise it, and how an inspector can check it. */
export function PackCreatedPanel({ made }: { made: MadePack }) {
  const { created } = made;
  const heading = useRef<HTMLHeadingElement>(null);
  const certificate = useCertificate();
  const opened = useMutation({ mutationFn: () => packOpen({ path: created.path }) });
  useEffect(() => {
    // Move focus to the result, so keyboard and screen-reader users hear that the pack is made.
    heading.current?.focus();
  }, [created]);

  return (
    <section id="pack-created" aria-labelledby="pack-created-heading">
      <div className="nhsuk-panel">
        <h2 className="nhsuk-panel__heading" id="pack-created-heading" tabIndex={-1} ref={heading}>
          Evidence pack made and signed
        </h2>
        <div className="nhsuk-panel__body">
          {made.label}, {formatDay(made.from)} to {formatDay(made.to)}
        </div>
      </div>

      <dl className="nhsuk-summary-list">
        <SummaryRow name="Saved as">
          <span id="pack-path" className="custodian-path">
            {created.path}
          </span>
        </SummaryRow>
        <SummaryRow name="Size">
          <span id="pack-size">{fileSize(created.bytes)}</span>
        </SummaryRow>
        <SummaryRow name="SHA-256 of the file">
          <span id="pack-sha256" className="custodian-monospace custodian-path">
            {created.sha256}
          </span>
        </SummaryRow>
      </dl>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id="pack-open"
        disabled={opened.isPending}
        onClick={() => opened.mutate()}
      >
        Open the pack
      </button>
      {opened.isError && (
        <p className="nhsuk-error-message" id="pack-open-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {opened.error.message}
        </p>
      )}
      <p>
        The pack is in the <strong>packs</strong> folder beside the vault file. Its SHA-256 is also recorded in the
        audit trail, so the practice can show later which file it gave to whom.
      </p>

      <h3 className="nhsuk-heading-s">How an inspector can check the pack</h3>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>
          Give them the PDF file, by email or on a memory stick. Any change to the file after it was signed makes the
          signature fail.
        </li>
        <li>
          They open it in <strong>Adobe Acrobat Reader</strong> and look at the signature panel. It should say the
          document has not been modified since it was signed. The certificate is the practice&apos;s own, so Reader
          says the signer&apos;s identity is unknown or not trusted: that is expected.
        </li>
        <li>
          Or, with the tools installed, they run any of these on the file:
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-top-2">
            <li>
              <code className="custodian-monospace">pdfsig</code> (from poppler)
            </li>
            <li>
              <code className="custodian-monospace">pyhanko sign validate --pretty-print</code>
            </li>
            <li>
              <code className="custodian-monospace">custodian pack verify</code>
            </li>
          </ul>
        </li>
        <li>
          They compare the certificate&apos;s SHA-256 fingerprint in the signature with the one the practice gives
          them:{' '}
          {certificate.data ? (
            <span id="pack-certificate-fingerprint" className="custodian-monospace custodian-path">
              {certificate.data.fingerprint}
            </span>
          ) : (
            'it is shown under Settings, Signing certificate'
          )}
          . The fingerprint is also on the pack&apos;s cover page. Under Settings, the certificate can be exported as a{' '}
          <strong>.cer</strong> file to give them with the pack.
        </li>
      </ol>
    </section>
  );
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "845 KB (865,280 bytes)": a size people can picture, and the exact count to compare. */
export function fileSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024) return exact;
  const [amount, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${number.format(amount)} ${unit} (${exact})`;
}
