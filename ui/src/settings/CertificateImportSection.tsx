import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';

import { certificateImport, choosePkcs12File } from '../ipc';
import { CERTIFICATE_KEY } from '../packs/useCertificate';
import { ErrorSummary } from '../shared/ErrorSummary';
import { formErrors } from '../shared/formErrors';
import { TextField } from '../shared/TextField';
import { useSchemaForm } from '../shared/useSchemaForm';

const schema = z.object({
  pkcs12Password: z.string(),
  currentPassword: z.string().min(1, 'Enter your password'),
});

const FIELD_IDS = { path: 'certificate-import-choose', pkcs12Password: 'pkcs12-password', currentPassword: 'current-password-import' } as const;

/**
 * Replaces the practice's self-signed certificate with one issued elsewhere, from a PKCS#12
 * (.p12 or .pfx) file. Practice managers only; Rust checks the key and the password.
 */
export function CertificateImportSection() {
  const queryClient = useQueryClient();
  const [path, setPath] = useState<string | null>(null);
  const form = useSchemaForm(schema, { pkcs12Password: '', currentPassword: '' });
  const choose = useMutation({ mutationFn: choosePkcs12File, onSuccess: (chosen) => chosen && setPath(chosen) });
  const imported = useMutation({
    mutationFn: certificateImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATE_KEY }),
    onSettled: () => form.reset({ pkcs12Password: '', currentPassword: '' }),
  });
  const errors = formErrors(form.formState.errors, imported.error ?? choose.error, FIELD_IDS);
  const [noFile, setNoFile] = useState(false);

  const submit = form.handleSubmit(
    (request) => {
      setNoFile(!path);
      if (path) imported.mutate({ path, ...request });
    },
    () => imported.reset(),
  );
  const items = noFile ? [{ message: 'Choose the certificate file', fieldId: FIELD_IDS.path }, ...errors.items] : errors.items;

  return (
    <section aria-labelledby="certificate-import-heading">
      <h3 id="certificate-import-heading">Use a certificate issued elsewhere</h3>
      <p>
        If the practice has a certificate from elsewhere (for example from its ICB), import it with its private key from
        a PKCS#12 file. Later packs are signed with it; packs made before keep their signature. Custodian signs with
        ECDSA P-256 keys.
      </p>
      {imported.data ? (
        <p id="certificate-imported" className="nhsuk-inset-text">
          Imported. Packs are now signed as {imported.data.subject}, fingerprint{' '}
          <span className="custodian-monospace custodian-path">{imported.data.fingerprint}</span>.
        </p>
      ) : null}
      <ErrorSummary id="certificate-import-error-summary" errors={items} focusKey={form.formState.submitCount} />
      <form onSubmit={submit} noValidate>
        <div className={`nhsuk-form-group${noFile ? ' nhsuk-form-group--error' : ''}`}>
          <p className="nhsuk-body">
            File: <span id="certificate-import-file" className="custodian-path">{path ?? 'none chosen'}</span>
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id={FIELD_IDS.path}
            onClick={() => choose.mutate()}
          >
            Choose the .p12 or .pfx file
          </button>
        </div>
        <TextField
          id={FIELD_IDS.pkcs12Password}
          type="password"
          label="The file's password"
          error={errors.of('pkcs12Password')}
          width={20}
          autoComplete="off"
          registration={form.register('pkcs12Password')}
        />
        <TextField
          id={FIELD_IDS.currentPassword}
          type="password"
          label="Your Custodian password"
          hint="To check it is you"
          error={errors.of('currentPassword')}
          width={20}
          autoComplete="current-password"
          registration={form.register('currentPassword')}
        />
        <button type="submit" className="nhsuk-button" id="certificate-import-submit" disabled={imported.isPending}>
          {imported.isPending ? 'Importing…' : 'Import the certificate'}
        </button>
      </form>
    </section>
  );
}
