import { describe, expect, it } from 'vitest';
import { createKeyIndex } from './keyIndex';

describe('key index', () => {
  it('holds one or several ids per key and forgets them one by one', () => {
    const index = createKeyIndex();
    index.add('FAM1', 'a');
    index.add('FAM1', 'a');
    expect(index.get('FAM1')).toEqual(['a']);
    index.add('FAM1', 'b');
    index.add('FAM1', 'c');
    expect(index.get('FAM1')).toEqual(['a', 'b', 'c']);
    index.remove('FAM1', 'b');
    index.remove('FAM1', 'a');
    expect(index.get('FAM1')).toEqual(['c']);
    index.remove('FAM1', 'c');
    expect(index.get('FAM1')).toEqual([]);
  });

  it('ignores empty keys and unknown removals', () => {
    const index = createKeyIndex();
    index.add('', 'a');
    expect(index.get('')).toEqual([]);
    index.remove('nope', 'a');
    index.add('12', 'a');
    index.remove('12', 'b');
    expect(index.get('12')).toEqual(['a']);
  });
});
