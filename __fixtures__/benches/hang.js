// Never returns: the runner must kill it at the bench's timeout.
export function spin() {
  for (;;) {
    // busy forever
  }
}
