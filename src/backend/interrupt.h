// The one piece of process-global state: which fatal signal (SIGINT,
// SIGTERM, SIGHUP, ...) asked the tracer to stop. A signal handler can only
// write a sig_atomic_t; the engines read it between events.
#pragma once

#include <signal.h>

namespace sct {

extern volatile sig_atomic_t g_interrupt_signal;
// Set (with g_interrupt_signal) when sctrace cannot go on, as strace's
// error_msg_and_die: the engine detaches (killing the command it started)
// and the strace face exits with status 1 instead of dying of the signal.
extern volatile sig_atomic_t g_fatal_exit;

// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE that record
// the signal (without SA_RESTART, so a blocking waitpid returns EINTR).
void install_interrupt_handlers();

// strace's -I levels (opt_intr), applied as strace 6.1 does after starting
// the command: SIGTTOU and SIGTTIN are always ignored; then
//   1 anywhere:   nothing else (a fatal signal kills the tracer at once);
//   2 waiting:    SIGHUP/INT/QUIT/PIPE/TERM detach and end tracing;
//   3 never:      those five are ignored (default with -o FILE PROG);
//   4 never_tstp: ignored, and SIGTSTP (^Z) too (default with -D).
void install_strace_signal_policy(int level);

// In the forked command before exec: the dispositions sctrace was started
// with (an ignored signal would otherwise stay ignored across exec).
void restore_inherited_signal_dispositions();

// A fatal error while tracing (strace's error_msg_and_die).
void request_fatal_exit();

}  // namespace sct
