import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { isUrl } from './fetch-input.js';

/**
 * The name an input is stored under in an article's provenance, which every reader of the
 * store sees: the path relative to the folder `dossier` ran in when the file lies inside it,
 * else the file's own name. An operator's absolute paths (a home folder, a mount) say who and
 * where they are, and are no use to a reader on another machine. URLs and "-" (stdin) are kept.
 */
export function storedSourcePath(file: string, cwd: string): string {
  if (file === '-' || isUrl(file)) return file;
  const inside = relative(cwd, resolve(cwd, file));
  if (inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside)) return inside.split(sep).join('/');
  return basename(file);
}
