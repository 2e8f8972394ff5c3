/**
 * The workspace document's entry in a workspace file, and what tells a workspace from other ZIP
 * archives. A module of its own, so the data loaders can tell one without the workspace's readers.
 */
export const WORKSPACE_DOCUMENT = 'workspace.json';
