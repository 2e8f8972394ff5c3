/** Average H3 cell area per resolution (h3-js 4.x getHexagonAreaAvg), for legends and reports. */
export const CELL_AREA_LABEL: Record<number, string> = {
  7: '5.16 km² per cell',
  8: '0.737 km² per cell',
  9: '0.105 km² per cell',
  10: '1.5 ha per cell',
  11: '0.21 ha per cell',
};
