import { useState } from 'react';
import { Button } from '../common/Button';
import { BackupDialog } from './BackupDialog';
import '../common/dialog.css';

/** Settings → Backup: what a backup holds, and the button that makes one. */
export function BackupSection() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <p className="dialog-text">
        One file with every key and its history, all details, the audit log and the master password if you set one, encrypted with a
        passphrase. It restores on another machine from the welcome screen, or with <code>rekey restore</code>.
      </p>
      <div>
        <Button icon="shieldCheck" onClick={() => setOpen(true)}>
          Back up vault…
        </Button>
      </div>
      {open && <BackupDialog onClose={() => setOpen(false)} />}
    </>
  );
}
