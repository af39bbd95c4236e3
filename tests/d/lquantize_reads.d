syscall::read:entry /execname == "valk" && arg2 <= 100/ { @sizes = lquantize(arg2, 0, 200, 50); }
