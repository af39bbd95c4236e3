syscall::getppid:entry /execname == "valk"/ { printf("bye"); exit(3); }
