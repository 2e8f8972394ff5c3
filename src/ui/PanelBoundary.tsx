import { Component, type ReactNode } from 'react';

interface Props {
  /** What the user calls this part of the screen ("Zones", "the map"). */
  name: string;
  children: ReactNode;
}

/**
 * Keeps one failing panel (or the map) from blanking the whole app: it shows what stopped and
 * offers to try again; the rest of the app, and the saved work, are untouched.
 */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel panel-failed" role="alert">
        <p>
          {this.props.name} stopped: {error.message || String(error)}. The rest of the app still works.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
