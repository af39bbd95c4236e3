syscall::epoll*:entry /execname=="valk"/ { trace(arg0); }
