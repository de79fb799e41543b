/**
 * A string built from a template is a tree of pieces until something reads it whole; reading one
 * character makes the engine join it, there and then. Findings and plan steps live until the plan
 * is written, and a large estate has tens of thousands of them: joined early, each holds one string
 * rather than a tree the garbage collector copies piece by piece (and the writer joins anyway).
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
