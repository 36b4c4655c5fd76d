/** Package modules of the Streamlit app: `app_utils.py` (no UI, tested) and `streamlit_components.py`. */
import type { OutputFile } from '../types.js';
import type { EmitContext } from '../view-model.js';
import { emitPackageFile } from './module.js';

/** Emits the app modules of `src/<project>/` and their tests. */
export function emitPackageAppUtils(ctx: EmitContext): OutputFile[] {
  return [
    emitPackageFile(ctx, 'app_utils.py', 'package/app_utils.py', ['deploy']),
    emitPackageFile(ctx, 'streamlit_components.py', 'package/streamlit_components.py', ['deploy']),
    emitPackageFile(ctx, 'tests/test_app_utils.py', 'package/tests/test_app_utils.py.hbs', ['deploy']),
  ];
}
