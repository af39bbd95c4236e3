syscall:::entry /execname == "valk"/ { @[probefunc] = count(); }
