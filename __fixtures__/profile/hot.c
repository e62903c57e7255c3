/* A command bench that is not a Node process: nearly all its time is in slow_part. */
#include <stdio.h>

__attribute__((noinline)) double slow_part(long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += (double)i * 1.0000001 / (double)(i + 1);
  return s;
}

__attribute__((noinline)) double fast_part(long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += (double)i;
  return s;
}

int main(void) {
  printf("%f\n", slow_part(20000000) + fast_part(100000));
  return 0;
}
