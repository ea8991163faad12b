/** One line saying how two texts differ, or null when they are equal. */
export function summariseDifference(current: string | null, expected: string): string | null {
  if (current === null) return "file is missing";
  if (current === expected) return null;
  const currentLines = current.split("\n");
  const expectedLines = expected.split("\n");
  const length = Math.max(currentLines.length, expectedLines.length);
  let differing = 0;
  let first = -1;
  for (let index = 0; index < length; index += 1) {
    if (currentLines[index] !== expectedLines[index]) {
      differing += 1;
      if (first < 0) first = index;
    }
  }
  return `${differing} of ${length} lines differ, first at line ${first + 1}`;
}
