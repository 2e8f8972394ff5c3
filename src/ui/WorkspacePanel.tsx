import { useEffect, useState } from 'react';
import { packWorkspace, unpackWorkspace } from '../core/workspace/workspaceFile';
import { deleteNamedWorkspace, listNamedWorkspaces, saveNamedWorkspace, workspaceDocument } from '../state/persistence';
import { applyWorkspace, openNamedWorkspace, reportRestore } from '../state/restoreWorkspace';
import { referencedFiles } from '../core/workspace/workspaceFile';
import { storedSourceBlob } from '../state/sourceFiles';
import { currentViewLink } from '../state/viewLink';
import { useAppStore } from '../state/store';
import { renewalReminders, todayIso } from '../state/renewals';
import { FileButton, RowActions, useBusyAction } from './controls';
import { downloadFile, fileSafe } from './download';

/** Save the whole workspace (settings and data) to one file, or open one, e.g. on another machine. */
export function WorkspacePanel() {
  const [name, setName] = useState('Brent ASB workspace');
  const [busy, run] = useBusyAction();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    void listNamedWorkspaces().then(setNames);
  }, []);
  const notify = useAppStore((state) => state.notify);
  const zones = useAppStore((state) => state.zones);
  const consultations = useAppStore((state) => state.consultations);
  const renewals = renewalReminders({ zones, consultations }, todayIso());

  const save = () =>
    run(async () => {
      const doc = workspaceDocument(useAppStore.getState(), name);
      const files = new Map<string, Uint8Array>();
      for (const fingerprint of referencedFiles(doc)) {
        const blob = await storedSourceBlob(fingerprint);
        if (blob) files.set(fingerprint, new Uint8Array(await blob.arrayBuffer()));
      }
      downloadFile(new Blob([packWorkspace(doc, files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${fileSafe(name) || 'workspace'}.hotspot-workspace.zip`);
    });

  const open = (file: File) =>
    run(async () => {
      // Checked whole before anything changes; a refused file leaves the current work as it was.
      let unpacked: ReturnType<typeof unpackWorkspace>;
      try {
        unpacked = unpackWorkspace(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)} Nothing was changed.`, { cause: error });
      }
      const { doc, files } = unpacked;
      const outcome = await applyWorkspace(doc, async (fingerprint) => {
        const bytes = files.get(fingerprint);
        return bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : undefined;
      }, 'file');
      setName(doc.name);
      reportRestore(outcome, `"${doc.name}"`);
      notify('info', `Opened workspace "${doc.name}".`);
    });

  return (
    <details className="panel">
      <summary>Workspace</summary>
      <p className="muted small">Your work is kept in this browser automatically. Save it to a file to move it to another machine.</p>
      {renewals.length > 0 && (
        <ul className="renewal-reminder small" aria-label="PSPO renewals">
          {renewals.map((r) => (
            <li key={r.zoneId}>{r.text}</li>
          ))}
        </ul>
      )}
      <label>
        Workspace name
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="row tight">
        <button type="button" disabled={busy || name.trim() === ''} onClick={() => void run(async () => {
          await saveNamedWorkspace(name.trim());
          setNames(await listNamedWorkspaces());
          notify('info', `Kept "${name.trim()}" in this browser.`);
        })}>
          Keep in this browser
        </button>
        <button type="button" disabled={busy} onClick={() => void save()}>
          Save workspace
        </button>
        <FileButton label="Open workspace" accept=".zip" ariaLabel="Open workspace" onFile={(file) => void open(file)} />
        <button
          type="button"
          className="link"
          onClick={async () => {
            const link = `${window.location.origin}${window.location.pathname}#${currentViewLink()}`;
            try {
              await navigator.clipboard.writeText(link);
              notify('info', 'View link copied. It holds the view, not the data: open it where the same workspace is loaded.');
            } catch {
              notify('error', `Copy this link: ${link}`);
            }
          }}
        >
          Copy view link
        </button>

      </div>
      {names.length > 0 && (
        <table className="compact named-workspaces">
          <caption className="small">Workspaces kept in this browser</caption>
          <tbody>
            {names.map((kept) => (
              <tr key={kept}>
                <td>{kept}</td>
                <RowActions
                  actions={[
                    {
                      label: 'Open',
                      ariaLabel: `Open ${kept}`,
                      disabled: busy,
                      onClick: () =>
                        void run(async () => {
                          await openNamedWorkspace(kept);
                          setName(kept);
                          notify('info', `Opened workspace "${kept}".`);
                        }),
                    },
                    {
                      label: 'Delete',
                      ariaLabel: `Delete ${kept}`,
                      onClick: () =>
                        void run(async () => {
                          await deleteNamedWorkspace(kept);
                          setNames(await listNamedWorkspaces());
                        }),
                    },
                  ]}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
