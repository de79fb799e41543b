import { describe, expect, it } from 'vitest';
import { SCREENS } from './screen-ids.js';
import { SCREEN_REGISTRY, screensInOrder } from './screen-registry.js';

describe('the screen registry', () => {
  it('lists the screens in the order of their numbers', () => {
    expect(screensInOrder().map(({ id }) => id)).toEqual([...SCREENS]);
  });

  it('sends Esc from each screen to an earlier one, and from the first to none', () => {
    SCREENS.forEach((id, i) => {
      const back = SCREEN_REGISTRY[id].back;
      if (i === 0) expect(back).toBeNull();
      else expect(SCREENS.indexOf(back!)).toBeLessThan(i);
    });
  });

  it('gives every screen a title and a help section of its own', () => {
    const titles = SCREENS.map((id) => SCREEN_REGISTRY[id].title);
    expect(new Set(titles).size).toBe(SCREENS.length);
    for (const id of SCREENS) expect(SCREEN_REGISTRY[id].help.length).toBeGreaterThan(10);
  });
});
