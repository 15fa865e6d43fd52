import { MESSAGING_MIGRATIONS } from '@olp/messaging';
import { MatchingInit1763856400000 } from './1763856400000-matching-init.js';
import { MatchingReasonsOnRead1764000000000 } from './1764000000000-matching-reasons-on-read.js';
import { MatchingHotUpdates1764100000000 } from './1764100000000-matching-hot-updates.js';
import { MatchingDropNotifiedAt1764100000100 } from './1764100000100-matching-drop-notified-at.js';
import { MatchingExactScores1764200000000 } from './1764200000000-matching-exact-scores.js';

/** Every migration of schema `matching`, in order (the messaging tables first). */
export const MATCHING_MIGRATIONS = [...MESSAGING_MIGRATIONS, MatchingInit1763856400000, MatchingReasonsOnRead1764000000000, MatchingHotUpdates1764100000000, MatchingDropNotifiedAt1764100000100, MatchingExactScores1764200000000];
