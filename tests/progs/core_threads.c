/* Threads that each open a file, then the main thread waits for them.
 * With an argument N > 0, loops forever (for attach tests): every thread
 * sleeps in nanosleep between getppid() calls. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int forever;
/* One thread at a time opens and closes, so the descriptor number (3) does
 * not depend on scheduling. */
static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;
/* Held by main until every thread is created: a thread that ended before its
 * clone3 returned would clear the parent_tid word (CLONE_CHILD_CLEARTID, the
 * same word) before a tracer reads it at clone3's exit, "=> {parent_tid=[0]}"
 * (a race strace has too; here it decided whether the lines agreed). */
static pthread_mutex_t start_gate = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&start_gate);
  pthread_mutex_unlock(&start_gate);
  do {
    pthread_mutex_lock(&one_at_a_time);
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd >= 0) close(fd);
    pthread_mutex_unlock(&one_at_a_time);
    struct timespec ts = {0, 20 * 1000 * 1000};
    if (forever) nanosleep(&ts, NULL);
  } while (forever);
  return NULL;
}

int main(int argc, char **argv) {
  forever = argc > 1 && atoi(argv[1]) > 0;
  pthread_t t[3];
  pthread_mutex_lock(&start_gate);
  for (int i = 0; i < 3; i++) pthread_create(&t[i], NULL, worker, NULL);
  pthread_mutex_unlock(&start_gate);
  for (int i = 0; i < 3; i++) pthread_join(t[i], NULL);
  return 0;
}
