/** The one message between the background and Chromium's offscreen document (entrypoints/offscreen, issue 18). */
import type { Recipe } from '../../shared/recipe-schemas';
import type { CopiedDetection, PageCopy } from '../sites/page-copy';

export const OFFSCREEN_DETECT = 'offscreen.detect';
export const OFFSCREEN_PAGE = '/offscreen.html';

export interface OffscreenDetectRequest {
  type: typeof OFFSCREEN_DETECT;
  copy: PageCopy;
  recipes: readonly Recipe[];
  quick: boolean;
}

export type OffscreenDetectResult = { ok: true; detection: CopiedDetection | null } | { ok: false; message: string };
