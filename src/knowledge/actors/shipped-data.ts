import armedGroups from './data/armed-groups.json' with { type: 'json' };
import asiaAmericas1980s from './data/asia-americas-1980s.json' with { type: 'json' };
import china from './data/china.json' with { type: 'json' };
import egyptNorthAfrica from './data/egypt-north-africa.json' with { type: 'json' };
import europe from './data/europe.json' with { type: 'json' };
import gulf from './data/gulf.json' with { type: 'json' };
import igos from './data/igos.json' with { type: 'json' };
import iran from './data/iran.json' with { type: 'json' };
import iraq from './data/iraq.json' with { type: 'json' };
import israelPalestine from './data/israel-palestine.json' with { type: 'json' };
import lebanon from './data/lebanon.json' with { type: 'json' };
import media from './data/media.json' with { type: 'json' };
import norp from './data/norp.json' with { type: 'json' };
import russia from './data/russia.json' with { type: 'json' };
import sovietBloc from './data/soviet-bloc.json' with { type: 'json' };
import syria from './data/syria.json' with { type: 'json' };
import turkey from './data/turkey.json' with { type: 'json' };
import usa from './data/usa.json' with { type: 'json' };
import yemen from './data/yemen.json' with { type: 'json' };

/**
 * The hand-written registry files, in the order they are applied over the generated states.
 * Imported rather than read from disk so the build carries them and nothing resolves paths
 * at run time; validated by the loader like any user file.
 */
export const SHIPPED_ACTOR_FILES: ReadonlyArray<{ readonly file: string; readonly data: unknown }> = [
  { file: 'igos.json', data: igos },
  { file: 'armed-groups.json', data: armedGroups },
  { file: 'norp.json', data: norp },
  { file: 'media.json', data: media },
  { file: 'iraq.json', data: iraq },
  { file: 'iran.json', data: iran },
  { file: 'syria.json', data: syria },
  { file: 'lebanon.json', data: lebanon },
  { file: 'israel-palestine.json', data: israelPalestine },
  { file: 'yemen.json', data: yemen },
  { file: 'gulf.json', data: gulf },
  { file: 'turkey.json', data: turkey },
  { file: 'egypt-north-africa.json', data: egyptNorthAfrica },
  { file: 'usa.json', data: usa },
  { file: 'russia.json', data: russia },
  { file: 'china.json', data: china },
  { file: 'europe.json', data: europe },
  { file: 'soviet-bloc.json', data: sovietBloc },
  { file: 'asia-americas-1980s.json', data: asiaAmericas1980s },
].map(({ file, data }) => ({ file: `src/knowledge/actors/data/${file}`, data }));
