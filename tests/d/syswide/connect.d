syscall::connect:entry /execname=="valk"/ { trace(arg0); }
