// One function that works and one that throws: the second must not hide the first.
export function fine() {
  return Math.sqrt(2)
}

export function broken() {
  throw new Error('the widget is not calibrated')
}
