syscall::kevent*:entry /execname=="valk"/ { trace(arg0); }
