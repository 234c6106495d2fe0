/** The custom requests views use: `calm/model` (a document's model) and `calm/elementAt` (the element at the cursor). */
import { elementAt } from './element-at';
import { toModelView } from './model-view';
import {
  ElementAtRequestMethod,
  ModelRequestMethod,
  type ElementAtParams,
  type ElementAtResult,
  type ModelRequestParams,
  type ModelRequestResult,
} from './protocol';
import type { ServerFeature } from './server-context';

export const modelRequestsFeature: ServerFeature = {
  name: 'model requests',
  register(server) {
    server.connection.onRequest(
      ModelRequestMethod,
      server.guard<ModelRequestParams, ModelRequestResult>(ModelRequestMethod, null, async (params) => {
        const state = await server.stateOf(params.uri);
        return state ? toModelView(state) : null;
      }),
    );
    server.connection.onRequest(
      ElementAtRequestMethod,
      server.guard<ElementAtParams, ElementAtResult>(ElementAtRequestMethod, null, async (params) => {
        const state = await server.stateOf(params.uri);
        // The current text's own (possibly partial) model: its offsets are the ones the cursor is in.
        if (!state?.isCalm || !state.doc) return null;
        return elementAt(state.doc, state.doc.lines.offsetAt(params.position));
      }),
    );
  },
};
