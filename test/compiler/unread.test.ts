// Whether a line that could not be read may be a clause, or names a thing: what keeps lowering and
// the checks from reporting the consequences of one broken line as findings of their own.

import { describe, expect, it } from 'vitest';
import { mayBeUnread, namedWhereUnread } from '../../compiler/unread';
import type { Unreadable } from '../../compiler/ir';

const line = (clause: Unreadable['clause'], ...words: string[]): Unreadable => ({ clause, words, span: { start: 0, end: 1 } });

describe('lines that could not be read', () => {
  it('a line of a known clause may be only that clause; a line of no known clause may be any', () => {
    expect(mayBeUnread({ unreadable: [line('calendar')] }, 'calendar')).toBe(true);
    expect(mayBeUnread({ unreadable: [line('calendar')] }, 'severities', 'calendar')).toBe(true);
    expect(mayBeUnread({ unreadable: [line('calendar')] }, 'severities')).toBe(false);
    expect(mayBeUnread({ unreadable: [line(null)] }, 'severities')).toBe(true);
    expect(mayBeUnread({ unreadable: [] }, 'severities')).toBe(false);
    expect(mayBeUnread({}, 'severities')).toBe(false);
  });

  it('a name is on such a line when one of its words is the name, in any case', () => {
    expect(namedWhereUnread({ unreadable: [line('calendar', 'calendar', 'Office', '"Office')] }, 'office')).toBe(true);
    expect(namedWhereUnread({ unreadable: [line('calendar', 'calendar', 'office')] }, 'OFFICE')).toBe(true);
    expect(namedWhereUnread({ unreadable: [line('calendar', 'calendar', 'offices')] }, 'office')).toBe(false);
    expect(namedWhereUnread({ unreadable: [line(null)] }, 'office')).toBe(false);
    expect(namedWhereUnread({}, 'office')).toBe(false);
  });
});
