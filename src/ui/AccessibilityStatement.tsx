import { useState } from 'react';
import { Modal } from './Dialogs';

/**
 * The accessibility statement the Public Sector Bodies (Websites and Mobile Applications)
 * Accessibility Regulations 2018 ask for: what meets WCAG 2.2 AA, what does not, and how to
 * report a problem.
 */
export function AccessibilityStatement() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link" onClick={() => setOpen(true)}>
        Accessibility
      </button>
      {open && (
        <Modal title="Accessibility statement for Hotspot Planner" onCancel={() => setOpen(false)}>
          <div className="statement">
            <p>
              Hotspot Planner is meant for everyone in a community safety partnership, including people who use a keyboard only, a screen reader, magnification or high contrast. It aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.
            </p>
            <h3>How accessible it is</h3>
            <ul>
              <li>Every control works from the keyboard, with a visible focus outline, in the order of the panels. Any cell can be chosen from the list of every cell; zone corners and cameras can be placed at the map centre after moving the map with the arrow keys.</li>
              <li>Each release is checked with axe-core against WCAG 2.2 A and AA in every state the automated end-to-end tests reach; the release passes only with no violations.</li>
              <li>The information on the map is also given as text: the legend, the table of top cells (each row selects its cell) and the cell details, the figures behind each chart, and summary sentences.</li>
              <li>Hot and cold spots are named in words in the legend, tables and tooltips, and on the map hot cells are hatched and cold cells dotted, so colour is never the only carrier; the colour ramps are colour-blind safe (ColorBrewer).</li>
            </ul>
            <h3>What is not fully accessible</h3>
            <ul>
              <li>The map itself is a picture drawn on a canvas: maps are exempt from the regulations, and its content is available in the tables and exports instead.</li>
              <li>Hot and cold spots are marked on the map by colour; in the legend, the tooltips and the list of every cell they are named in words.</li>
              <li>Charts are drawn on a canvas; their figures are in the tables and the CSV exports.</li>
            </ul>
            <h3>Reporting a problem</h3>
            <p>
              If something does not work for you, tell the team that gave you access to Hotspot Planner (in the first instance the partnership's analyst or the council's digital team): say what you were trying to do, the page state, and the browser and assistive technology you use. They will reply within 10 working days.
            </p>
            <h3>Enforcement</h3>
            <p>
              The Equality and Human Rights Commission (EHRC) enforces the accessibility regulations in England, Scotland and Wales. If you are not happy with how your report is handled, contact the Equality Advisory and Support Service (EASS).
            </p>
            <p className="muted small">Statement prepared on 23 November 2026 from automated checks (axe-core) and manual keyboard testing.</p>
          </div>
          <div className="row">
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
