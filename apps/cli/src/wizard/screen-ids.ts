/**
 * The wizard's screens, in order: their numbers (1…n) and Tab order. Kept apart from the registry
 * (screen-registry.tsx), which holds everything else about each screen, so that the progress file can name a
 * screen without loading the views. A screen added here fails to compile until the registry has its entry.
 */
export const SCREENS = ['source', 'direction', 'overview', 'findings', 'walkthrough', 'export'] as const;
export type ScreenId = (typeof SCREENS)[number];
