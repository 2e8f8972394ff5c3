import { HARM_SCHEMES, type HarmScheme } from '../core/stats/harm';
import { useAppStore } from '../state/store';
import { effectiveHarmWeight } from '../state/weightsSlice';
import { useCategorySearch } from './categorySearch';
import { Select } from './controls';

const SCHEME_OPTIONS = HARM_SCHEMES.map((s) => ({ value: s.id, label: s.label }));

/** The harm scheme and the editable weight of each loaded category. */
export function HarmWeights() {
  const view = useAppStore((state) => state.view);
  const harmWeights = useAppStore((state) => state.harmWeights);
  const categories = useAppStore((state) => state.categories);
  const { setView, setHarmWeight, resetHarmWeights } = useAppStore.getState();
  const scheme = HARM_SCHEMES.find((s) => s.id === view.harmScheme) ?? HARM_SCHEMES[0];
  const { shown, box } = useCategorySearch(categories, 'Find a category to weigh');
  return (
    <fieldset>
      <legend>Harm weights</legend>
      <Select<HarmScheme['id']> label="Scheme" value={view.harmScheme} options={SCHEME_OPTIONS} onChange={(harmScheme) => setView({ harmScheme })} />
      <p className="muted small">{scheme.citation}</p>
      <details>
        <summary className="small">Edit weights ({Object.keys(harmWeights).length} edited)</summary>
        {box}
        <table className="compact">
          <tbody>
            {shown.map((category) => (
              <tr key={category.id}>
                <td>{category.name}</td>
                <td className="num">
                  <input
                    type="number"
                    min={0}
                    step="any"
                    aria-label={`Harm weight of ${category.name}`}
                    value={effectiveHarmWeight({ harmWeights, view }, category)}
                    onChange={(e) => Number.isFinite(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && setHarmWeight(category.id, e.target.valueAsNumber)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="link" onClick={resetHarmWeights}>
          Reset to the scheme
        </button>
      </details>
    </fieldset>
  );
}
