import { forbidOnlineMaps, neverOnlineMapsSetting } from './state/onlineMaps';
import { dataWorker } from './state/worker';
import { SAMPLE_FILES } from './ui/sample';

// Before anything can make a request: a browser set never to use online maps gets the stricter policy.
if (neverOnlineMapsSetting()) forbidOnlineMaps();

// This small entry starts the data worker first, to parse the sample while the app (React, the map,
// the panels: most of the code) loads and draws; the app claims the sample only if there is no
// saved workspace to restore.
dataWorker.call('prepare-sample', { files: SAMPLE_FILES.map(({ url, name, mapping }) => ({ url: new URL(url, window.location.href).href, name, mapping })) });

void import('./startApp');
