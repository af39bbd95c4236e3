syscall::getppid:entry /execname == "valk"/ { trace(execname); }
