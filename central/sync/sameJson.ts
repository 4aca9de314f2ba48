/**
 * Deep equality of two JSON values, whatever the key order: jsonb gives
 * keys back in its own order, so text comparison would call a repeat of
 * the same operation a different one.
 */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  const left = Object.entries(a);
  const right = new Map(Object.entries(b));
  return (
    left.length === right.size &&
    left.every(
      ([key, value]) => right.has(key) && sameJson(value, right.get(key)),
    )
  );
};
