syscall::write:entry /execname == "valk"/ { self->ts = timestamp; }
syscall::write:return /self->ts/ { @n[probefunc] = count(); @t[probefunc] = sum(timestamp - self->ts > 0); self->ts = 0; }
END { printa("%s %@d\n", @n); printa(@t); }
