syscall::write:entry /execname=="valk"/ { @[probefunc]=count(); }
