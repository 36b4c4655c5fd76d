/**
 * Epoch 007 (deployment and apps): the FastAPI latency self-test, the Streamlit app (app.py,
 * style.css, app.sh) checked with AppTest, the Domino model API file, monitoring, alias production.
 */
import { findEpoch, type EmitContext } from '../view-model.js';
import { emitEpochPart } from '../epoch-common.js';
import { makeFile } from '../files.js';
import type { OutputFile } from '../types.js';
import { FEATURE_EPOCH, MODEL_EPOCH, MODEL_REQUIREMENTS } from './late-epochs.js';

/** Default route and latency objective when the spec has no `deploy api` line. */
const DEFAULT_ROUTE = '/predict';
const DEFAULT_P95_SECONDS = 0.1;

/** Emits epoch 007. */
export function emitEpoch007(ctx: EmitContext): OutputFile[] {
  const { deploy } = ctx.ir;
  const promote = deploy.promote;
  const epoch = findEpoch(ctx.ir, '007');
  const files = emitEpochPart(ctx, '007', {
    templateDir: 'epoch007',
    requirements: [...MODEL_REQUIREMENTS, 'fastapi', 'uvicorn', 'httpx', 'streamlit'],
    notebooks: [{ file: 'deployment.ipynb', template: 'epoch007/deployment.ipynb.py.hbs' }],
    files: [
      { path: 'app/app.py', template: 'epoch007/app.py.hbs' },
      { path: 'app/style.css', template: 'epoch007/style.css' },
      { path: 'scripts/model_api.py', template: 'epoch007/model_api.py.hbs' },
    ],
    extra: {
      featureEpoch: FEATURE_EPOCH,
      modelEpoch: MODEL_EPOCH,
      apiRoute: deploy.api?.path ?? DEFAULT_ROUTE,
      latencyObjective: deploy.api?.latencyP95Seconds ?? DEFAULT_P95_SECONDS,
      appTitle: deploy.app?.title ?? ctx.ir.project.title,
      promoteAlias: promote?.alias ?? null,
      // Promotion waits for a review that follows this epoch; without one it happens on a passed gate.
      promoteAfterOwnReview: Boolean(promote?.afterReview && epoch?.review),
    },
    sources: ['deploy', 'models'],
  });
  if (!epoch) return files;
  // app.sh is a shell script: emitted separately so it gets the executable bit.
  const sh = ctx.engine.render('epoch007/app.sh', { project: ctx.project });
  return [...files, makeFile(`${epoch.dir}/app/app.sh`, sh, ['project', 'deploy', 'epochs.007'], true)];
}
