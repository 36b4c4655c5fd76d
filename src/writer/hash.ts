/** Content hashing shared by the manifest, reconcile and the tests. */
import { createHash } from 'node:crypto';

/** Lower-case hex sha256 of a UTF-8 string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
