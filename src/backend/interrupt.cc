#include "backend/interrupt.h"

#include <string.h>

#include <initializer_list>

namespace sct {

volatile sig_atomic_t g_interrupt_signal = 0;

namespace {
void record_signal(int sig) { g_interrupt_signal = sig; }
}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = record_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) sigaction(sig, &sa, nullptr);
}

}  // namespace sct
