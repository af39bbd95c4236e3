syscall::openat:entry /execname=="valk"/ { printf("%s", copyinstr(arg1)); }
