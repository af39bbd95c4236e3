// The one piece of process-global state: which fatal signal (SIGINT,
// SIGTERM, SIGHUP, ...) asked the tracer to stop. A signal handler can only
// write a sig_atomic_t; the engines read it between events.
#pragma once

#include <signal.h>

namespace sct {

extern volatile sig_atomic_t g_interrupt_signal;

// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE that record
// the signal (without SA_RESTART, so a blocking waitpid returns EINTR).
void install_interrupt_handlers();

}  // namespace sct
