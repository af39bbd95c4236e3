#pragma D option quiet
syscall::openat:entry /execname == "valk" && dirname(copyinstr(arg1)) == "/nonexistent"/ { self->watch = 1; }
syscall::openat:return /self->watch/ { printf("%s %d %d errno=%d\n", probefunc, arg0, arg1, errno); self->watch = 0; }
