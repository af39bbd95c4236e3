#include "backend/interrupt.h"

#include <string.h>

#include <initializer_list>

namespace sct {

volatile sig_atomic_t g_interrupt_signal = 0;
volatile sig_atomic_t g_fatal_exit = 0;

namespace {

void record_signal(int sig) { g_interrupt_signal = sig; }

constexpr int kPolicySignals[] = {SIGTTOU, SIGTTIN, SIGTSTP, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM};
struct sigaction g_inherited[sizeof kPolicySignals / sizeof kPolicySignals[0]];
bool g_saved = false;

void set_disposition(int sig, void (*handler)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, nullptr);
}

}  // namespace

void install_interrupt_handlers() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) set_disposition(sig, record_signal);
}

void install_strace_signal_policy(int level) {
  if (!g_saved) {
    for (size_t i = 0; i < sizeof kPolicySignals / sizeof kPolicySignals[0]; ++i)
      sigaction(kPolicySignals[i], nullptr, &g_inherited[i]);
    g_saved = true;
  }
  set_disposition(SIGTTOU, SIG_IGN);
  set_disposition(SIGTTIN, SIG_IGN);
  if (level == 1) return;
  if (level == 4) set_disposition(SIGTSTP, SIG_IGN);
  for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM}) set_disposition(sig, level == 2 ? record_signal : SIG_IGN);
}

void restore_inherited_signal_dispositions() {
  if (!g_saved) return;
  for (size_t i = 0; i < sizeof kPolicySignals / sizeof kPolicySignals[0]; ++i)
    sigaction(kPolicySignals[i], &g_inherited[i], nullptr);
}

void request_fatal_exit() {
  g_fatal_exit = 1;
  g_interrupt_signal = SIGTERM;
}

}  // namespace sct
