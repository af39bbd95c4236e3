/* A stand-in for the seed's "valk" program in the D tests: a fixed set of
 * syscalls whose arguments and results the .d tests check. run_d_test.sh
 * runs it through a symlink named "valk", so execname is "valk". */
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  char buf[256];
  int loops = argc > 1 ? atoi(argv[1]) : 1;
  for (int i = 0; i < loops; ++i) {
    open("/nonexistent/valk", O_RDONLY); /* fails: ENOENT */
    int z = open("/dev/zero", O_RDONLY);
    read(z, buf, 100);
    read(z, buf, 10);
    close(z);
    int n = open("/dev/null", O_WRONLY);
    for (int j = 0; j < 3; ++j) write(n, "valk\n", 5);
    close(n);
    getppid();
  }
  if (argc > 3) {
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX, .sun_path = "/nonexistent/valk.sock"};
    connect(s, (struct sockaddr*)&a, sizeof a); /* fails: ENOENT */
    int ep = epoll_create1(0);
    struct epoll_event ev;
    epoll_wait(ep, &ev, 1, 0);
    close(ep);
    close(s);
  }
  if (argc > 2) sleep((unsigned)atoi(argv[2]));
  return 0;
}
