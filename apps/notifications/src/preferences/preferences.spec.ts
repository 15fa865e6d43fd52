import { categoryViews, DEFAULT_PREFERENCES, effectiveChoice, fromRequest } from './preferences.js';

describe('notification preferences', () => {
  it('defaults to both channels, matches by daily digest, the rest at once', () => {
    expect(categoryViews(DEFAULT_PREFERENCES)).toEqual([
      { category: 'matches', critical: false, inApp: true, email: true, emailMode: 'daily' },
      { category: 'applications', critical: false, inApp: true, email: true, emailMode: 'immediate' },
      { category: 'programmes', critical: false, inApp: true, email: true, emailMode: 'immediate' },
      { category: 'essential', critical: true, inApp: true, email: true, emailMode: 'immediate' },
    ]);
  });

  it('honours an opt-out, except in a critical category', () => {
    const prefs = fromRequest({
      categories: [
        { category: 'applications', inApp: false, email: false, emailMode: 'immediate' },
        { category: 'essential', inApp: false, email: false, emailMode: 'daily' },
      ],
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(effectiveChoice(prefs, 'applications')).toEqual({ inApp: false, email: false, emailMode: 'immediate' });
    expect(effectiveChoice(prefs, 'essential')).toEqual({ inApp: true, email: true, emailMode: 'immediate' });
    expect(effectiveChoice(prefs, 'matches')).toEqual({ inApp: true, email: true, emailMode: 'daily' });
    expect(prefs.quietHours).toEqual({ start: '22:00', end: '07:00' });
  });
});
